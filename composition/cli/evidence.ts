import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../harness/page-audit.ts';
import { BundleError } from '../../harness/evidence/errors.ts';
import { generateSigningKey, loadPublicKey } from '../../harness/evidence/sign.ts';
import { openBundle } from '../../harness/evidence/source.ts';
import { describeVerify, verifyBundle } from '../../harness/evidence/verify.ts';
import { zipRunDir } from '../../harness/evidence/zip.ts';
import { MANIFEST } from '../../harness/evidence/manifest.ts';

/** Exit code of `portico verify` when something does not hold. */
export const VERIFY_FAILED = 1;

export function keygenCommand(options: { out?: string; force?: boolean }): number {
  if (!options.out) throw new UsageError('keygen: --out FILE is required (the private key; the public key goes to FILE.pub)');
  const file = resolve(options.out);
  if (!options.force && (existsSync(file) || existsSync(`${file}.pub`))) throw new UsageError(`keygen: ${file} or ${file}.pub exists; refusing to overwrite a key (use --force)`);
  mkdirSync(dirname(file), { recursive: true });
  const k = generateSigningKey(file);
  process.stdout.write(`Ed25519 signing key written:\n  private ${k.privateKey} (keep it secret; mode 600)\n  public  ${k.publicKey} (give it to whoever verifies)\n  fingerprint ${k.fingerprint}\nSign runs with --signing-key ${options.out} or PORTICO_SIGNING_KEY=${options.out}.\n`);
  return 0;
}

export function verifyCommand(path: string, options: { key?: string; format?: string }): number {
  const source = openBundle(resolve(path));
  const trusted = options.key ? loadPublicKey(resolve(options.key)) : undefined;
  const result = verifyBundle(source, trusted);
  if (options.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(describeVerify(result, path) + '\n');
  return result.ok ? 0 : VERIFY_FAILED;
}

export function bundleCommand(dir: string, options: { out?: string }): number {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new BundleError(`${dir}: not a run directory`);
  if (!existsSync(resolve(abs, MANIFEST))) throw new BundleError(`${dir}: no ${MANIFEST}: not an evidence bundle (portico run and portico audit write one)`);
  const out = resolve(options.out ?? `${abs.replace(/\/+$/, '')}.zip`);
  if (out.startsWith(`${abs}/`)) throw new UsageError(`--out ${options.out}: the zip cannot go inside the directory it packs`);
  const started = performance.now();
  const size = zipRunDir(abs, out);
  process.stdout.write(`Wrote ${out} (${(size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(2)} s. Check it with: portico verify ${out}\n`);
  return 0;
}

export { openBundle, BundleError };
