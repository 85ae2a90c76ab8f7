import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { BundleError } from './errors.ts';

/** manifest.sig: an Ed25519 signature over the exact bytes of manifest.json. */
export interface SignatureFile {
  schema: 'portico.signature/1';
  algorithm: 'Ed25519';
  /** sha256 of the public key's SPKI DER, hex: how keys are named to people. */
  keyFingerprint: string;
  /** The signer's public key (SPKI PEM), so a bundle can be checked for integrity without --key. */
  publicKey: string;
  signature: string;
}

export function keyFingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Writes the private key (PKCS#8 PEM, mode 600) to `file` and the public key to `file.pub`. */
export function generateSigningKey(file: string): { privateKey: string; publicKey: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(`${file}.pub`, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey: file, publicKey: `${file}.pub`, fingerprint: keyFingerprint(publicKey) };
}

function readKeyFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new BundleError(`${what} ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export function loadPrivateKey(file: string): KeyObject {
  const text = readKeyFile(file, 'signing key');
  let key: KeyObject;
  try { key = createPrivateKey(text); } catch { throw new BundleError(`signing key ${file}: not a PEM private key (make one with portico keygen --out FILE)`); }
  if (key.asymmetricKeyType !== 'ed25519') throw new BundleError(`signing key ${file}: an ${key.asymmetricKeyType} key; Portico signs with Ed25519 (portico keygen)`);
  return key;
}

export function loadPublicKey(file: string): KeyObject {
  const text = readKeyFile(file, 'public key');
  let key: KeyObject;
  try { key = createPublicKey(text); } catch { throw new BundleError(`public key ${file}: not a PEM public key (the FILE.pub written by portico keygen)`); }
  if (key.asymmetricKeyType !== 'ed25519') throw new BundleError(`public key ${file}: an ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

export function signBytes(bytes: Buffer, privateKey: KeyObject): SignatureFile {
  const publicKey = createPublicKey(privateKey);
  return {
    schema: 'portico.signature/1',
    algorithm: 'Ed25519',
    keyFingerprint: keyFingerprint(publicKey),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    signature: sign(null, bytes, privateKey).toString('base64'),
  };
}

export function signatureHolds(bytes: Buffer, sig: SignatureFile, publicKey: KeyObject): boolean {
  try {
    return verify(null, bytes, publicKey, Buffer.from(sig.signature, 'base64'));
  } catch {
    return false;
  }
}
