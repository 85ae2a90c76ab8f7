import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
/** Printed after the manifest because it cites the manifest's SHA-256; signed on its own (complaint.pdf.sig). */
export const COMPLAINT = 'complaint.pdf';
export const COMPLAINT_SIGNATURE = 'complaint.pdf.sig';
/** Files the manifest cannot list (they are made from it). */
export const OUTSIDE_MANIFEST = new Set([MANIFEST, SIGNATURE, COMPLAINT, COMPLAINT_SIGNATURE]);

/** Playwright writes its rerun bookkeeping after the reporters end: never evidence, never listed. */
const BOOKKEEPING = /(^|\/)\.last-run\.json$/;

export function isOutsideManifest(path: string): boolean {
  return OUTSIDE_MANIFEST.has(path) || BOOKKEEPING.test(path);
}

export interface ManifestFile { path: string; sha256: string; size: number }

export interface RunMetadata {
  target?: string;
  personas?: string[];
  profile?: string;
  defects?: string[];
  status: string;
  portico: { version: string; gitCommit?: string };
  versions: Record<string, string>;
  startedAt: string;
  finishedAt: string;
  commandLine?: string[];
}

export interface Manifest {
  schema: 'portico.manifest/1';
  createdAt: string;
  metadata: RunMetadata;
  signed: boolean;
  keyFingerprint?: string;
  /** Written after the manifest and so not listed in it: what they are. */
  outside: Record<string, string>;
  files: ManifestFile[];
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir` (relative, forward slashes, sorted), except the manifest's own files. */
export function listRunFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((p) => !isOutsideManifest(p)).sort();
}

export function hashFiles(dir: string, paths: string[]): ManifestFile[] {
  return paths.map((path) => {
    const bytes = readFileSync(join(dir, path));
    return { path, sha256: sha256(bytes), size: bytes.length };
  });
}

export function buildManifest(dir: string, metadata: RunMetadata, signing: { signed: boolean; keyFingerprint?: string }, createdAt = new Date().toISOString()): Manifest {
  return {
    schema: 'portico.manifest/1',
    createdAt,
    metadata,
    signed: signing.signed,
    ...(signing.keyFingerprint ? { keyFingerprint: signing.keyFingerprint } : {}),
    outside: {
      [SIGNATURE]: 'Ed25519 signature over the bytes of manifest.json',
      [COMPLAINT]: "the complaint packet; it cites this manifest's SHA-256 and is signed on its own in complaint.pdf.sig",
    },
    files: hashFiles(dir, listRunFiles(dir)),
  };
}
