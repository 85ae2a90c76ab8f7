import { test, expect } from '@playwright/test';
import { portico } from './spawn-cli.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunBundle } from '../../harness/types.ts';

const root = resolve(import.meta.dirname, '..', '..');


const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><main><h1>Shop</h1>${body}</main></body></html>`;
const IMG = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">';
const barrierPrints = (dir: string) => (JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle).findings.filter((f) => f.outcome === 'failed' && f.category === 'barrier').map((f) => f.fingerprint).sort();

test('a baseline gate fails only on new barriers; fingerprints survive an unrelated change above the element', async () => {
  const work = mkdtempSync(join(tmpdir(), 'portico-baseline-'));
  writeFileSync(join(work, 'shop.html'), page(`<p>Welcome.</p>${IMG}`));

  const first = await portico(['audit', 'shop.html', '--engines', 'axe', '--out', 'first'], work);
  expect(first.code).toBe(1);
  const made = await portico(['baseline', 'first', '--reason', 'fixing in JIRA-12', '--accepted-by', 'ci@example.org'], work);
  expect(made.code, made.stderr).toBe(0);
  const file = JSON.parse(readFileSync(join(work, 'portico-baseline.json'), 'utf8'));
  expect(file.entries.length).toBeGreaterThan(0);
  expect(file.entries[0]).toMatchObject({ reason: 'fixing in JIRA-12', acceptedBy: 'ci@example.org', rule: 'image-alt' });

  // An unrelated paragraph above the element: the same barriers, the same fingerprints, the gate passes.
  writeFileSync(join(work, 'shop.html'), page(`<p>Sale today!</p><p>Welcome.</p>${IMG}`));
  const same = await portico(['audit', 'shop.html', '--engines', 'axe', '--out', 'same', '--baseline', 'portico-baseline.json'], work);
  expect(same.code, same.stdout).toBe(0);
  expect(barrierPrints(join(work, 'same'))).toEqual(barrierPrints(join(work, 'first')));
  expect(same.stdout).toMatch(/0 new barrier\(s\)[\s\S]*Gate: PASS/);
  // The gate is in what people read later too: summary.txt and report.html.
  expect(readFileSync(join(work, 'same', 'summary.txt'), 'utf8')).toMatch(/CI gate:[\s\S]*Gate: PASS/);
  expect(readFileSync(join(work, 'same', 'report.html'), 'utf8')).toMatch(/<h2 id="gate-h">CI gate: pass<\/h2>/);

  // A new barrier fails the gate, and only it is new.
  writeFileSync(join(work, 'shop.html'), page(`<p>Welcome.</p>${IMG}<form><input type="text"></form>`));
  const worse = await portico(['audit', 'shop.html', '--engines', 'axe', '--out', 'worse', '--baseline', 'portico-baseline.json'], work);
  expect(worse.code).toBe(1);
  const bundle = JSON.parse(readFileSync(join(work, 'worse', 'findings.json'), 'utf8')) as RunBundle;
  expect(bundle.baseline?.new).toBeGreaterThan(0);
  expect(bundle.findings.filter((f) => bundle.baseline!.newFingerprints.includes(f.fingerprint)).every((f) => f.ruleId !== 'image-alt')).toBe(true);

  // Fixed: the entry is listed for removal.
  writeFileSync(join(work, 'shop.html'), page(`<p>Welcome.</p><img alt="Our shop" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">`));
  const fixed = await portico(['audit', 'shop.html', '--engines', 'axe', '--out', 'fixed', '--baseline', 'portico-baseline.json'], work);
  expect(fixed.code).toBe(0);
  expect(fixed.stdout).toMatch(/Fixed, remove from the baseline \(\d+\): [0-9a-f]{20} image-alt/);
});

test('a malformed baseline stops the run before anything starts (exit 64), naming the file and key', async () => {
  const work = mkdtempSync(join(tmpdir(), 'portico-baseline-bad-'));
  writeFileSync(join(work, 'shop.html'), page(IMG));
  writeFileSync(join(work, 'b.json'), JSON.stringify({ schema: 'portico.baseline/1', createdAt: 'x', entries: [{ fingerprint: 'zz', rule: 'r', criteria: [], where: '', checkpoint: 'page', reason: 'r', acceptedBy: 'a' }] }));
  const r = await portico(['audit', 'shop.html', '--out', 'out', '--baseline', 'b.json'], work);
  expect(r.code).toBe(64);
  expect(r.stderr).toMatch(/b\.json: entries\[0\]\.fingerprint/);
  const again = await portico(['baseline', 'nowhere'], work);
  expect(again.code).toBe(64);
  expect(again.stderr).toMatch(/no findings\.json/);
});

test('portico.config.yaml in the working directory: ignore entries and out, flags override, a bad key stops everything (exit 64)', async () => {
  const { existsSync } = await import('node:fs');
  const work = mkdtempSync(join(tmpdir(), 'portico-config-'));
  writeFileSync(join(work, 'shop.html'), page(IMG));
  writeFileSync(join(work, 'portico.config.yaml'), 'out: reports/a11y\nengines:\n  use: [axe]\nignore:\n  - rule: image-alt\n    reason: product photos get alt text in JIRA-7\n');
  const r = await portico(['audit', 'shop.html'], work);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/Ignored by the config: 1 \(product photos get alt text in JIRA-7\)[\s\S]*Gate: PASS/);
  expect(existsSync(join(work, 'reports', 'a11y', 'findings.json'))).toBe(true);
  const flagged = await portico(['audit', 'shop.html', '--out', 'elsewhere'], work);
  expect(flagged.code).toBe(0);
  expect(existsSync(join(work, 'elsewhere', 'findings.json'))).toBe(true);

  writeFileSync(join(work, 'portico.config.yaml'), 'out: never\nfailOn: fatal\n');
  const bad = await portico(['audit', 'shop.html'], work);
  expect(bad.code).toBe(64);
  expect(bad.stderr).toMatch(/portico\.config\.yaml: failOn: /);
  expect(existsSync(join(work, 'never'))).toBe(false);
});

test('portico.config engines and reporters apply: a disabled axe rule is not run, the HTML_CodeSniffer standard is the one asked for, only the chosen outputs are written', async () => {
  const work = mkdtempSync(join(tmpdir(), 'portico-tuning-'));
  writeFileSync(join(work, 'shop.html'), page(IMG));
  writeFileSync(join(work, 'portico.config.yaml'), 'engines: { use: [axe, htmlcs], axe: { disableRules: [image-alt] }, htmlcs: { standard: WCAG2A } }\nreporters: [sarif]\nout: tuned\n');
  const r = await portico(['audit', 'shop.html'], work);
  const bundle = JSON.parse(readFileSync(join(work, 'tuned', 'findings.json'), 'utf8')) as RunBundle;
  expect(bundle.findings.filter((f) => f.engineRules.axe === 'image-alt'), r.stderr).toEqual([]);
  expect(bundle.findings.some((f) => f.engines.includes('htmlcs') && f.requirements.wcag.includes('1.1.1')), 'HTML_CodeSniffer still reports the image').toBe(true);
  const artifacts = readFileSync(join(work, 'tuned', 'artifacts', (await import('node:fs')).readdirSync(join(work, 'tuned', 'artifacts')).find((f) => f.endsWith('.json') && f !== 'incomplete.json')!), 'utf8');
  expect(JSON.parse(artifacts).gathered.htmlcs.standard).toBe('WCAG2A');
  const { existsSync } = await import('node:fs');
  expect(existsSync(join(work, 'tuned', 'report.sarif'))).toBe(true);
  expect(existsSync(join(work, 'tuned', 'report.html'))).toBe(false);
});
