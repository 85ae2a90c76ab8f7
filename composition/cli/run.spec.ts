import { test, expect } from '@playwright/test';
import { portico } from './spawn-cli.ts';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startReferenceApp, type ReferenceApp } from '../../targets/reference/server.ts';
import { freePort } from '../../harness/browser/launch.ts';
import type { RunBundle } from '../../harness/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const example = join(root, 'targets', 'examples', 'reference-help.target.yaml');

const outDir = () => mkdtempSync(join(tmpdir(), 'portico-run-'));
const bundle = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle;

test.describe.configure({ mode: 'parallel' });

test.describe('portico run on a target described in YAML', () => {
  let clean: ReferenceApp;
  let outline: ReferenceApp;
  test.beforeAll(async () => {
    clean = await startReferenceApp({ port: 0 });
    outline = await startReferenceApp({ port: 0, defects: ['focus-outline-removed'] });
  });
  test.afterAll(async () => { await clean.close(); await outline.close(); });

  test('a keyboard user walks it on a conformant app: exit 0, report written', async () => {
    const out = outDir();
    const r = await portico(['run', '--target', example, '--base-url', clean.url, '--persona', 'keyboard', '--workers', '1', '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(bundle(out).status).toBe('clean');
    expect(bundle(out).verdicts.length).toBeGreaterThan(0);
    for (const f of ['report.html', 'summary.txt']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(r.stdout).toMatch(/CLEAN/);
  });

  test('the same journey with the focus outline removed: exit 1, 2.4.7 at the step, with a screenshot', async () => {
    const out = outDir();
    const r = await portico(['run', '--target', example, '--base-url', outline.url, '--persona', 'keyboard', '--workers', '1', '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const f = bundle(out).findings.find((x) => x.ruleId === 'focus-visible');
    expect(f?.requirements.wcag).toEqual(['2.4.7']);
    expect(f?.context).toMatchObject({ persona: 'keyboard', flow: 'help' });
    const shot = f?.evidence.find((e) => e.kind === 'screenshot');
    expect(shot && existsSync(join(out, shot.path!))).toBe(true);
  });
});

test('a target that is down is incomplete (exit 2), never clean', async () => {
  const out = outDir();
  const r = await portico(['run', '--target', example, '--base-url', `http://127.0.0.1:${await freePort()}`, '--persona', 'keyboard', '--workers', '1', '--out', out]);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(bundle(out).status).toBe('incomplete');
  expect(r.stdout).toMatch(/INCOMPLETE/);
  expect(r.stdout).toMatch(/connection refused/);
});

test('bad usage and bad target files exit 64 and say what is wrong, where', async () => {
  const unknown = await portico(['run', '--persona', 'nobody']);
  expect(unknown.code).toBe(64);
  expect(unknown.stderr).toMatch(/unknown persona\(s\) nobody; choose from/);
  const defect = await portico(['run', '--defects', 'no-such-defect']);
  expect(defect.code).toBe(64);
  expect(defect.stderr).toMatch(/no-such-defect/);
  const dir = outDir();
  const bad = join(dir, 'bad.target.yaml');
  writeFileSync(bad, readFileSync(example, 'utf8').replace('role: button', 'role: buton'));
  const file = await portico(['run', '--target', bad]);
  expect(file.code).toBe(64);
  expect(file.stderr).toMatch(/bad\.target\.yaml: .*flow "help" › step "help" › click › role/s);
});
