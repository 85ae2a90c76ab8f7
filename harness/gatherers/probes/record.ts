import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** file:// URL of a probe fixture page. */
export const probeFixture = (name: string) => pathToFileURL(join(resolve(import.meta.dirname, 'test-pages'), name)).href;

/**
 * With PORTICO_RECORD_PROBES=1, saves a probe's JSON under audits/recorded/probes/<name>.json so
 * the audits' vitest tests replay real measurements. URLs are made machine-independent.
 */
export function recordProbe(name: string, data: unknown): void {
  if (process.env.PORTICO_RECORD_PROBES !== '1') return;
  const dir = resolve(import.meta.dirname, '..', '..', '..', 'audits', 'recorded', 'probes');
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(data, null, 1).replaceAll(pathToFileURL(resolve(import.meta.dirname, 'test-pages')).href, 'file:///fixtures');
  writeFileSync(join(dir, `${name}.json`), text + '\n');
}
