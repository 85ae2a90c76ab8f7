import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { BundleError } from './errors.ts';
import { COMPLAINT, COMPLAINT_SIGNATURE, MANIFEST, SIGNATURE, sha256, type Manifest } from './manifest.ts';
import { keyFingerprint, signatureHolds, type SignatureFile } from './sign.ts';
import type { BundleSource } from './source.ts';

export interface VerifyResult {
  ok: boolean;
  manifestSha256: string;
  files: number;
  changed: Array<{ path: string; expected: string; actual: string; expectedSize: number; actualSize: number }>;
  missing: string[];
  added: string[];
  signature:
    | { status: 'unsigned' }
    | { status: 'valid'; keyFingerprint: string; trusted: boolean }
    | { status: 'invalid'; keyFingerprint: string; reason: string }
    | { status: 'wrong-key'; keyFingerprint: string; expectedFingerprint: string };
  complaint: 'signed' | 'changed' | 'not covered' | 'absent';
  problems: string[];
}

function parseJson<T>(bytes: Buffer, what: string, label: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    throw new BundleError(`${label}: ${what} does not parse as JSON (${(error as Error).message})`);
  }
}

function readManifest(source: BundleSource): { bytes: Buffer; manifest: Manifest } {
  const bytes = source.read(MANIFEST);
  if (!bytes) throw new BundleError(`${source.label}: no ${MANIFEST}: not an evidence bundle (runs write one; portico bundle DIR makes the zip)`);
  const manifest = parseJson<Manifest>(bytes, MANIFEST, source.label);
  if (manifest?.schema !== 'portico.manifest/1' || !Array.isArray(manifest.files)) throw new BundleError(`${source.label}: ${MANIFEST} is not a Portico manifest (schema "${(manifest as { schema?: unknown })?.schema}")`);
  for (const [i, f] of manifest.files.entries()) {
    if (typeof f?.path !== 'string' || !/^[0-9a-f]{64}$/.test(String(f?.sha256)) || typeof f?.size !== 'number') throw new BundleError(`${source.label}: ${MANIFEST} files[${i}] needs path, sha256 (64 hex) and size`);
  }
  return { bytes, manifest };
}

function readSignature(source: BundleSource, name: string): SignatureFile | undefined {
  const bytes = source.read(name);
  if (!bytes) return undefined;
  const sig = parseJson<SignatureFile>(bytes, name, source.label);
  if (sig?.algorithm !== 'Ed25519' || typeof sig.signature !== 'string' || typeof sig.publicKey !== 'string') throw new BundleError(`${source.label}: ${name} is not a Portico Ed25519 signature file`);
  return sig;
}

/**
 * Checks every hash and the signature. `trusted` is the public key the reader trusts (--key):
 * without it the signature is checked against the key it names, which proves integrity, not who signed.
 */
export function verifyBundle(source: BundleSource, trusted?: KeyObject): VerifyResult {
  const { bytes, manifest } = readManifest(source);
  const problems: string[] = [];
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const present = new Set(source.files());
  const changed: VerifyResult['changed'] = [];
  const missing: string[] = [];
  for (const f of manifest.files) {
    const data = source.read(f.path);
    if (!data) { missing.push(f.path); continue; }
    const actual = sha256(data);
    if (actual !== f.sha256 || data.length !== f.size) changed.push({ path: f.path, expected: f.sha256, actual, expectedSize: f.size, actualSize: data.length });
  }
  const added = [...present].filter((p) => !listed.has(p)).sort();

  let signature: VerifyResult['signature'] = { status: 'unsigned' };
  const sig = readSignature(source, SIGNATURE);
  if (sig) {
    let signer: KeyObject | undefined;
    try { signer = createPublicKey(sig.publicKey); } catch { problems.push(`${SIGNATURE}: its public key does not parse`); }
    const signerFp = signer ? keyFingerprint(signer) : sig.keyFingerprint;
    if (signer && signerFp !== sig.keyFingerprint) problems.push(`${SIGNATURE}: names key ${sig.keyFingerprint} but carries key ${signerFp}`);
    if (trusted && keyFingerprint(trusted) !== signerFp) signature = { status: 'wrong-key', keyFingerprint: signerFp, expectedFingerprint: keyFingerprint(trusted) };
    else if (signer && signatureHolds(bytes, sig, trusted ?? signer)) signature = { status: 'valid', keyFingerprint: signerFp, trusted: !!trusted };
    else signature = { status: 'invalid', keyFingerprint: signerFp, reason: `the signature does not match ${MANIFEST} (it was changed after signing, or the signature was)` };
    if (manifest.signed !== true) problems.push(`${MANIFEST} says it is unsigned but ${SIGNATURE} is present`);
  } else {
    if (manifest.signed) problems.push(`${MANIFEST} says it is signed by ${manifest.keyFingerprint ?? 'a key'} but ${SIGNATURE} is missing`);
    if (trusted) problems.push(`--key given but the bundle is not signed`);
  }

  let complaint: VerifyResult['complaint'] = 'absent';
  const pdf = source.read(COMPLAINT);
  if (pdf) {
    const csig = readSignature(source, COMPLAINT_SIGNATURE);
    if (!csig) complaint = 'not covered';
    else {
      let key: KeyObject | undefined;
      try { key = trusted ?? createPublicKey(csig.publicKey); } catch { /* reported below */ }
      complaint = key && keyFingerprint(key) === csig.keyFingerprint && signatureHolds(pdf, csig, key) ? 'signed' : 'changed';
      if (complaint === 'changed') problems.push(`${COMPLAINT}: its signature (${COMPLAINT_SIGNATURE}) does not hold: the PDF was changed or signed by another key`);
    }
  }

  const ok = !changed.length && !missing.length && !added.length && !problems.length && (signature.status === 'valid' || signature.status === 'unsigned');
  return { ok, manifestSha256: sha256(bytes), files: manifest.files.length, changed, missing, added, signature, complaint, problems };
}

/** What `portico verify` prints: every difference by name. */
export function describeVerify(r: VerifyResult, label: string): string {
  const lines = [`${r.ok ? 'VERIFIED' : 'NOT VERIFIED'}: ${label}`, `  manifest.json sha256 ${r.manifestSha256} · ${r.files} file(s) listed`];
  const s = r.signature;
  if (s.status === 'unsigned') lines.push('  UNSIGNED: the manifest has no signature; the hashes show integrity only against accidents, not tampering');
  if (s.status === 'valid') lines.push(`  signature: valid Ed25519, key ${s.keyFingerprint}${s.trusted ? ' (the key you gave)' : ' (the key the bundle names; pass --key FILE.pub to check who signed)'}`);
  if (s.status === 'invalid') lines.push(`  signature: INVALID (key ${s.keyFingerprint}): ${s.reason}`);
  if (s.status === 'wrong-key') lines.push(`  signature: signed by ANOTHER KEY: bundle key ${s.keyFingerprint}, your key ${s.expectedFingerprint}`);
  for (const c of r.changed) lines.push(`  changed: ${c.path} (sha256 ${c.expected.slice(0, 16)}… → ${c.actual.slice(0, 16)}…, ${c.expectedSize} → ${c.actualSize} bytes)`);
  for (const m of r.missing) lines.push(`  missing: ${m}`);
  for (const a of r.added) lines.push(`  added: ${a} (not in the manifest)`);
  for (const p of r.problems) lines.push(`  problem: ${p}`);
  lines.push(`  complaint.pdf: ${{ signed: 'signature holds', changed: 'CHANGED since signing', 'not covered': 'present, not covered (unsigned run): it cites the manifest SHA-256 above', absent: 'not in the bundle' }[r.complaint]}`);
  return lines.join('\n');
}
