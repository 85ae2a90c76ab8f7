import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BundleError } from './errors.ts';
import { isOutsideManifest, listRunFiles, MANIFEST } from './manifest.ts';
import { readZip } from './zip.ts';

/** A run directory or its zip, read the same way. */
export interface BundleSource {
  label: string;
  /** Every file except the manifest's own. */
  files(): string[];
  read(path: string): Buffer | undefined;
  /** The directory, when the source is one (re-rendering writes there). */
  dir?: string;
}

export function openBundle(path: string): BundleSource {
  if (!existsSync(path)) throw new BundleError(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, MANIFEST)) && !existsSync(join(path, 'findings.json'))) throw new BundleError(`${path}: not a Portico run directory or bundle (no ${MANIFEST}, no findings.json)`);
    return {
      label: path,
      dir: path,
      files: () => listRunFiles(path),
      read: (p) => (existsSync(join(path, p)) ? readFileSync(join(path, p)) : undefined),
    };
  }
  const entries = readZip(path);
  if (!entries.has(MANIFEST) && !entries.has('findings.json')) throw new BundleError(`${path}: a zip, but not a Portico bundle (no ${MANIFEST}, no findings.json inside)`);
  return {
    label: path,
    files: () => [...entries.keys()].filter((p) => !isOutsideManifest(p)).sort(),
    read: (p) => entries.get(p),
  };
}
