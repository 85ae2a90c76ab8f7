/**
 * npm run bench:engines [-- --runs N]
 * Per fixture page, median wall time of each engine on the ONE shared browser and live page, of all
 * engines together, and of each engine the way it runs alone (pa11y launching its own browser,
 * Lighthouse through chrome-launcher, axe on a fresh page), with the ratio shared/separate.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import pa11y from 'pa11y';
import AxeBuilder from '@axe-core/playwright';
import { launchSharedChromium } from '../harness/browser/launch.ts';
import { gatherAxe } from '../harness/gatherers/axe.ts';
import { gatherHtmlcs } from '../harness/gatherers/htmlcs.ts';
import { gatherLighthouse } from '../harness/gatherers/lighthouse.ts';
import { CHROMIUM_ARGS, requireChromium } from '../harness/setup/find-chromium.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const pagesDir = resolve(import.meta.dirname, '..', 'harness', 'test-pages');
// Served over loopback HTTP: Lighthouse's own navigation refuses file: URLs.
const server = createServer(async (req, res) => {
  const body = await readFile(join(pagesDir, basename(req.url ?? ''))).catch(() => null);
  if (body) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const PAGES = ['violations.html', 'clean.html'].map((f) => ({ name: f, url: `${base}/${f}` }));
const executablePath = requireChromium();

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
async function time(fn: () => Promise<unknown>): Promise<number> { const t = performance.now(); await fn(); return performance.now() - t; }
async function medianOf(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(fn));
  return median(times);
}

const shared = await launchSharedChromium();
const rows: Array<Record<string, string>> = [];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  for (const p of PAGES) {
    const page = await (await shared.browser.newContext()).newPage();
    await page.goto(p.url);
    const sharedAxe = await medianOf(() => gatherAxe(page));
    const sharedHtmlcs = await medianOf(() => gatherHtmlcs(page, shared.cdpPort));
    const sharedLh = await medianOf(() => gatherLighthouse(page, shared.cdpPort), Math.max(1, Math.min(RUNS, 3)));
    const sharedAxeHtmlcs = await medianOf(async () => { await gatherAxe(page); await gatherHtmlcs(page, shared.cdpPort); });
    const sharedAll = await medianOf(async () => { await gatherAxe(page); await gatherHtmlcs(page, shared.cdpPort); await gatherLighthouse(page, shared.cdpPort); }, Math.max(1, Math.min(RUNS, 3)));

    const aloneAxe = await medianOf(async () => {
      const ctx = await shared.browser.newContext();
      const fresh = await ctx.newPage();
      await fresh.goto(p.url);
      await new AxeBuilder({ page: fresh }).analyze();
      await ctx.close();
    });
    const alonePa11y = await medianOf(() => pa11y(p.url, { runners: ['htmlcs'], standard: 'WCAG2AA', chromeLaunchConfig: { executablePath, args: CHROMIUM_ARGS }, log: { debug() {}, info() {}, error() {} } } as never), Math.max(1, Math.min(RUNS, 3)));
    const aloneLh = await medianOf(async () => {
      const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
      try {
        await lighthouse(p.url, { port: chrome.port, logLevel: 'error', onlyCategories: ['accessibility'], disableFullPageScreenshot: true });
      } finally {
        chrome.kill();
      }
    }, Math.max(1, Math.min(RUNS, 3)));
    const separateAll = aloneAxe + alonePa11y + aloneLh;
    rows.push(
      { page: p.name, what: 'axe', shared: fmt(sharedAxe), alone: fmt(aloneAxe), ratio: (sharedAxe / aloneAxe).toFixed(2) },
      { page: p.name, what: 'htmlcs (pa11y)', shared: fmt(sharedHtmlcs), alone: fmt(alonePa11y), ratio: (sharedHtmlcs / alonePa11y).toFixed(2) },
      { page: p.name, what: 'lighthouse a11y', shared: fmt(sharedLh), alone: fmt(aloneLh), ratio: (sharedLh / aloneLh).toFixed(2) },
      { page: p.name, what: 'axe + htmlcs', shared: fmt(sharedAxeHtmlcs), alone: fmt(aloneAxe + alonePa11y), ratio: (sharedAxeHtmlcs / (aloneAxe + alonePa11y)).toFixed(2) },
      { page: p.name, what: 'all three', shared: fmt(sharedAll), alone: fmt(separateAll), ratio: (sharedAll / separateAll).toFixed(2) },
    );
    await page.context().close();
  }
} finally {
  await shared.browser.close();
  server.close();
}
console.log(`bench:engines — median of ${RUNS} runs after one warm-up (Lighthouse and separate pa11y: ≤ 3 runs); Chromium ${shared.version}`);
console.table(rows);
const goal = rows.filter((r) => r.what === 'axe + htmlcs').map((r) => `${r.page}: ${r.shared}`).join(', ');
console.log(`Goal: axe + htmlcs on a live page ≤ 1.5 s median after warm-up → ${goal}`);
