import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { BundleError } from './errors.ts';
import { listRunFiles, MANIFEST, OUTSIDE_MANIFEST } from './manifest.ts';
import { existsSync } from 'node:fs';

/** Zips a run directory: every file, the manifest and signatures included. Returns the zip's size. */
export function zipRunDir(dir: string, outFile: string): number {
  const files: Zippable = {};
  const outside = [...OUTSIDE_MANIFEST].filter((p) => existsSync(join(dir, p)));
  for (const path of [...outside, ...listRunFiles(dir)]) {
    // Images and archives are compressed already; deflating them again only costs time.
    const stored = /\.(png|jpe?g|webp|zip|gz|pdf)$/i.test(path);
    files[path] = [readFileSync(join(dir, path)), { level: stored ? 0 : 6, mtime: new Date('2000-01-01T00:00:00Z') }];
  }
  const bytes = zipSync(files);
  writeFileSync(outFile, bytes);
  return bytes.length;
}

/** Reads a zip into memory; anything that is not a whole zip is a BundleError naming the file. */
export function readZip(file: string): Map<string, Buffer> {
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch (error) { throw new BundleError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code})`); }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new BundleError(`${file}: not a readable zip (${(error as Error).message}); it may be truncated or not a zip at all`);
  }
  const out = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(entries)) if (!name.endsWith('/')) out.set(name.replace(/^\.\//, ''), Buffer.from(data));
  if (!out.has(MANIFEST)) {
    const top = [...out.keys()].filter((k) => k.endsWith(`/${MANIFEST}`));
    if (top.length === 1) {
      const prefix = top[0].slice(0, -MANIFEST.length);
      return new Map([...out].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    }
  }
  return out;
}

