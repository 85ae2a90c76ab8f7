import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeyObject } from 'node:crypto';
import type { RunBundle } from '../types.ts';
import { buildManifest, MANIFEST, SIGNATURE, sha256, type Manifest, type RunMetadata } from './manifest.ts';
import { keyFingerprint, signBytes } from './sign.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The commit Portico itself was run from ("-dirty" when its tree had changes), or undefined outside git. */
export function porticoGitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return undefined;
  }
}

const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : undefined);

export function runMetadata(bundle: RunBundle, commandLine?: string[]): RunMetadata {
  const m = bundle.meta ?? {};
  return {
    target: typeof m.target === 'string' ? m.target : Array.isArray(m.pages) ? (m.pages as string[]).join(' ') : undefined,
    personas: list(m.personas),
    profile: typeof m.profile === 'string' ? m.profile : undefined,
    defects: list(m.defects),
    status: bundle.status,
    portico: { version: bundle.tool.version, gitCommit: porticoGitCommit() },
    versions: bundle.versions,
    startedAt: bundle.startedAt,
    finishedAt: bundle.finishedAt,
    commandLine,
  };
}

export interface Sealed { manifest: Manifest; manifestSha256: string; files: string[] }

/** Writes manifest.json (every file hashed) and, with a key, manifest.sig. */
export function sealRunDir(dir: string, metadata: RunMetadata, key?: KeyObject): Sealed {
  const manifest = buildManifest(dir, metadata, { signed: !!key, keyFingerprint: key ? keyFingerprint(key) : undefined });
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dir, MANIFEST), bytes);
  const files = [join(dir, MANIFEST)];
  if (key) {
    writeFileSync(join(dir, SIGNATURE), JSON.stringify(signBytes(bytes, key), null, 2) + '\n');
    files.push(join(dir, SIGNATURE));
  }
  return { manifest, manifestSha256: sha256(bytes), files };
}
