/**
 * `npm run bench:startup` — how fast Portico answers from a cold process.
 *
 *   help        `portico --help` (median of 7)
 *   one page    `portico audit page.html` from a cold process, default engines (median of 3)
 *   pa11y       `pa11y page.html` alone on the same Chromium build, for comparison (median of 3)
 *   20 pages    one `portico audit` call with 20 pages (two at a time on one browser), per page
 *
 * Goals (2-core machine): help ≤ 0.3 s, one page ≤ 2.5 s, ≤ 1 s a page in a batch. Absolute times
 * differ between machines, so each line also gives the ratio to a reference loop timed in this run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireChromium, CHROMIUM_ARGS } from '../harness/setup/find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'portico-startup-'));
const page = join(root, 'harness', 'test-pages', 'violations.html');
const portico = join(root, 'bin', 'portico.js');

function referenceLoop(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 50_000_000; i++) x = (x * 31 + i) % 1_000_003;
  if (x < 0) console.log(x);
  return (performance.now() - t) / 1000;
}

function timed(cmd: string, args: string[]): { s: number; status: number | null; stderr: string } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: scratch, encoding: 'utf8' });
  return { s: (performance.now() - t) / 1000, status: r.status, stderr: r.stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const reference = referenceLoop();
const line = (label: string, s: number, goal?: number) =>
  console.log(`${label.padEnd(22)} ${s.toFixed(2).padStart(6)} s  (${(s / reference).toFixed(2)} × reference loop${goal ? `; goal ≤ ${goal} s` : ''})`);

console.log(`reference loop         ${reference.toFixed(2).padStart(6)} s`);
line('portico --help', median(Array.from({ length: 7 }, () => timed(process.execPath, [portico, '--help']).s)), 0.3);

let n = 0;
const audit = (pages: string[]) => {
  const r = timed(process.execPath, [portico, 'audit', '--out', join(scratch, `out-${n++}`), ...pages]);
  if (r.status !== 1) throw new Error(`portico audit exited ${r.status} (expected 1: barriers): ${r.stderr.slice(0, 500)}`);
  return r.s;
};
line('audit, one page (cold)', median([audit([page]), audit([page]), audit([page])]), 2.5);

const chrome = requireChromium();
const config = join(scratch, 'pa11y.json');
writeFileSync(config, JSON.stringify({ chromeLaunchConfig: { executablePath: chrome, args: CHROMIUM_ARGS } }));
const pa11y = join(root, 'node_modules', 'pa11y', 'bin', 'pa11y.js');
line('pa11y alone, one page', median(Array.from({ length: 3 }, () => timed(process.execPath, [pa11y, '--config', config, page]).s)));

const batch = Array.from({ length: 20 }, (_, i) => {
  const copy = join(scratch, `page-${i}.html`);
  copyFileSync(page, copy);
  return copy;
});
const total = audit(batch);
line('audit, 20 pages', total);
line('  per page', total / 20, 1);
