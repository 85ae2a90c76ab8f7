import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKey, keyFingerprint, loadPrivateKey, loadPublicKey } from './sign.ts';
import { sealRunDir } from './seal.ts';
import { openBundle } from './source.ts';
import { describeVerify, verifyBundle } from './verify.ts';
import { zipRunDir } from './zip.ts';
import { BundleError } from './errors.ts';
import type { RunMetadata } from './manifest.ts';

const meta: RunMetadata = { status: 'barriers', portico: { version: '0.1.0' }, versions: { chromium: '1' }, startedAt: 'a', finishedAt: 'b', target: 'reference' };
let dir: string;
let keys: string;

function run(): string {
  const d = join(dir, 'run');
  mkdirSync(join(d, 'evidence', 'keyboard'), { recursive: true });
  writeFileSync(join(d, 'findings.json'), '{"schema":"portico.run/1"}');
  writeFileSync(join(d, 'report.html'), '<!doctype html><title>r</title>');
  writeFileSync(join(d, 'evidence', 'keyboard', 'shot.png'), Buffer.from([137, 80, 78, 71, 1, 2, 3]));
  return d;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portico-evidence-'));
  keys = join(dir, 'keys');
  mkdirSync(keys);
  return () => rmSync(dir, { recursive: true, force: true });
});

describe('manifest and signature', () => {
  it('a signed run verifies, with its key and without', () => {
    const d = run();
    generateSigningKey(join(keys, 'k'));
    const key = loadPrivateKey(join(keys, 'k'));
    const sealed = sealRunDir(d, meta, key);
    expect(sealed.manifest.files.map((f) => f.path)).toEqual(['evidence/keyboard/shot.png', 'findings.json', 'report.html']);
    expect(sealed.manifest.files[0]).toMatchObject({ size: 7, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const withKey = verifyBundle(openBundle(d), loadPublicKey(join(keys, 'k.pub')));
    expect(withKey).toMatchObject({ ok: true, signature: { status: 'valid', trusted: true, keyFingerprint: keyFingerprint(key) } });
    expect(verifyBundle(openBundle(d))).toMatchObject({ ok: true, signature: { status: 'valid', trusted: false } });
  });

  it('names exactly what changed, is missing or was added', () => {
    const d = run();
    generateSigningKey(join(keys, 'k'));
    sealRunDir(d, meta, loadPrivateKey(join(keys, 'k')));
    appendFileSync(join(d, 'report.html'), '<!-- edited -->');
    unlinkSync(join(d, 'evidence', 'keyboard', 'shot.png'));
    writeFileSync(join(d, 'evidence', 'planted.png'), 'x');
    const r = verifyBundle(openBundle(d), loadPublicKey(join(keys, 'k.pub')));
    expect(r.ok).toBe(false);
    expect(r.changed.map((c) => c.path)).toEqual(['report.html']);
    expect(r.missing).toEqual(['evidence/keyboard/shot.png']);
    expect(r.added).toEqual(['evidence/planted.png']);
    expect(r.signature.status).toBe('valid');
    const text = describeVerify(r, d);
    expect(text).toMatch(/NOT VERIFIED/);
    expect(text).toMatch(/changed: report\.html/);
    expect(text).toMatch(/missing: evidence\/keyboard\/shot\.png/);
    expect(text).toMatch(/added: evidence\/planted\.png/);
  });

  it('a manifest edited after signing fails the signature; another key fails naming both fingerprints', () => {
    const d = run();
    generateSigningKey(join(keys, 'k'));
    generateSigningKey(join(keys, 'other'));
    sealRunDir(d, meta, loadPrivateKey(join(keys, 'k')));
    const theirs = loadPublicKey(join(keys, 'other.pub'));
    const wrong = verifyBundle(openBundle(d), theirs);
    expect(wrong.ok).toBe(false);
    expect(wrong.signature).toEqual({ status: 'wrong-key', keyFingerprint: keyFingerprint(loadPublicKey(join(keys, 'k.pub'))), expectedFingerprint: keyFingerprint(theirs) });
    expect(describeVerify(wrong, d)).toContain(keyFingerprint(theirs));
    const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
    m.metadata.target = 'something else';
    writeFileSync(join(d, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
    expect(verifyBundle(openBundle(d), loadPublicKey(join(keys, 'k.pub'))).signature.status).toBe('invalid');
  });

  it('an unsigned run says so, verifies its hashes, and fails when a key is required', () => {
    const d = run();
    sealRunDir(d, meta);
    const r = verifyBundle(openBundle(d));
    expect(r).toMatchObject({ ok: true, signature: { status: 'unsigned' } });
    expect(describeVerify(r, d)).toMatch(/UNSIGNED/);
    generateSigningKey(join(keys, 'k'));
    expect(verifyBundle(openBundle(d), loadPublicKey(join(keys, 'k.pub'))).ok).toBe(false);
  });
});

describe('zip bundles', () => {
  it('a zip verifies like its directory, and a changed file inside it is named', () => {
    const d = run();
    generateSigningKey(join(keys, 'k'));
    sealRunDir(d, meta, loadPrivateKey(join(keys, 'k')));
    const zip = join(dir, 'run.zip');
    zipRunDir(d, zip);
    expect(verifyBundle(openBundle(zip), loadPublicKey(join(keys, 'k.pub')))).toMatchObject({ ok: true, files: 3 });
    writeFileSync(join(d, 'findings.json'), '{"schema":"portico.run/1","tampered":true}');
    zipRunDir(d, zip);
    expect(verifyBundle(openBundle(zip)).changed.map((c) => c.path)).toEqual(['findings.json']);
  });

  it('not a bundle, a truncated zip, a manifest that does not parse: a clear BundleError', () => {
    const d = run();
    sealRunDir(d, meta);
    const zip = join(dir, 'run.zip');
    zipRunDir(d, zip);
    truncateSync(zip, Math.floor(statSync(zip).size / 2));
    expect(() => openBundle(zip)).toThrow(BundleError);
    expect(() => openBundle(zip)).toThrow(/not a readable zip.*truncated/);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(() => openBundle(join(dir, 'notes.txt'))).toThrow(/not a readable zip/);
    expect(() => openBundle(keys)).toThrow(/not a Portico run directory or bundle/);
    writeFileSync(join(d, 'manifest.json'), '{"schema": "portico.manifest/1", "files": [');
    expect(() => verifyBundle(openBundle(d))).toThrow(/manifest\.json does not parse/);
  });
});

describe('portico keygen / verify (CLI)', () => {
  const main = fileURLToPath(new URL('../../composition/cli/main.ts', import.meta.url));
  const cli = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

  it('exit 0 when everything holds, 1 when something does not, 64 for what is not a bundle', () => {
    const d = run();
    const made = cli('keygen', '--out', join(keys, 'cli'));
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/fingerprint [0-9a-f]{64}/);
    expect(cli('keygen', '--out', join(keys, 'cli')).status).toBe(64);
    sealRunDir(d, meta, loadPrivateKey(join(keys, 'cli')));
    expect(cli('verify', d, '--key', join(keys, 'cli.pub')).status).toBe(0);
    writeFileSync(join(d, 'report.html'), 'changed');
    const bad = cli('verify', d, '--key', join(keys, 'cli.pub'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/changed: report\.html/);
    writeFileSync(join(dir, 'x.zip'), 'PK\u0003\u0004 truncated');
    const notZip = cli('verify', join(dir, 'x.zip'));
    expect(notZip.status).toBe(64);
    expect(notZip.stderr).toMatch(/not a readable zip/);
  }, 120_000);
});
