/**
 * Typed reads of Artifacts.gathered, so an audit names a key once and gets that key's payload type
 * (inferred from its schema) instead of casting. Types only: nothing is checked here — the payloads
 * were checked against their schemas when read back from disk (checkGathered), and the runner gives
 * an audit whose required artifact is missing or an { error } an `untested` / `error` verdict
 * without calling it (run-audits.ts).
 */
import type { Artifacts } from '../types.ts';
import type { ArtifactKey, ArtifactOf } from './schemas.ts';

/** The payload under `key`: for a key in the audit's `requiredArtifacts` (the runner guarantees it is there). */
export function gathered<K extends ArtifactKey>(artifacts: Pick<Artifacts, 'gathered'>, key: K): ArtifactOf<K> {
  return artifacts.gathered[key] as ArtifactOf<K>;
}

/** The payload under `key`, or undefined when it was not gathered: for an artifact an audit reads when it is there. */
export function gatheredIfAny<K extends ArtifactKey>(artifacts: Pick<Artifacts, 'gathered'>, key: K): ArtifactOf<K> | undefined {
  return artifacts.gathered[key] as ArtifactOf<K> | undefined;
}
