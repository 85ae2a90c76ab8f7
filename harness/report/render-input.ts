import type { AuditMeta, RunBundle } from '../types.ts';
import type { Exhibits } from './exhibits.ts';

/** What a reporter knows about an audit: its declared meta (from audits.json in a run directory). */
export type AuditInfo = Pick<AuditMeta, 'id' | 'title' | 'failureTitle' | 'description' | 'requirements' | 'mode' | 'rules'>;

/** Whether a run's manifest is (or will be) signed, and by which key. */
export interface SigningState {
  signed: boolean;
  /** sha256 of the public key (SPKI DER), hex. */
  keyFingerprint?: string;
}

/** Everything a pure reporter receives. */
export interface RenderInput {
  bundle: RunBundle;
  audits: AuditInfo[];
  title: string;
  signing: SigningState;
  /** Present once the manifest is written (the complaint packet cites it). */
  manifest?: { sha256: string; path: string };
  /** Run directory files a report may link to (relative paths); absent links are not shown. */
  files?: ReadonlySet<string>;
  /** Data for charts and crops, collected from the run's artifacts (collectExhibits); none when absent. */
  exhibits?: Exhibits;
}

export function signingText(s: SigningState): string {
  return s.signed ? `signed (Ed25519, key ${s.keyFingerprint ?? 'unknown'})` : 'UNSIGNED: the evidence manifest is hashed but not signed (no --signing-key)';
}
