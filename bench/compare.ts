/**
 * npm run bench:compare [-- --out DIR]
 *
 * The same pages audited by Portico (`portico audit --engines all`: one browser, every engine on
 * each live page) and by the three tools it builds on, each run on its own the way a team would:
 * pa11y-ci (HTML_CodeSniffer, WCAG2AA), the axe CLI (WebDriver), the Lighthouse CLI (one Chrome per
 * URL). Every tool's barriers are keyed (page, WCAG success criterion) (bench/compare-normalise.ts);
 * prints what each found, its wall time, what the others found that Portico does not, and the ratio
 * of Portico's time to the three's. Goal: Portico finds a superset in ≤ 0.5 × their total time.
 * Exit 0 when the goal is met, 1 when not, 2 when Portico could not audit a page.
 *
 * The pages (bench/compare-pages.ts, 23): the reference app with its cbp-one-2023 barriers (7 pages
 * a visitor reaches without an account), the benefits app with all its defects on (6 pages that
 * render signed out; it is built in the browser from ES modules, so a tool that audits before the
 * page renders shows it), and the first failed case of ten ACT rules all three tools claim (names,
 * title, lang, contrast, meta refresh, zoom, autocomplete). No page needs a journey: the others
 * cannot walk one, and a comparison on pages only Portico can reach would not be fair.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import axe from 'axe-core';
import { serveComparePages } from './compare-pages.ts';
import { runAxeCli, runLighthouseCli, runPa11yCi, runPortico, type LighthouseRun } from './compare-tools.ts';
import {
  compare, fromAxeCli, fromLighthouse, fromPa11yCi, fromPortico, pairsOf, splitPair,
  type Crash, type Item, type PairMap, type ToolResult,
} from './compare-normalise.ts';

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const OUT = resolve(option('--out') ?? resolve(import.meta.dirname, 'out', 'compare'));
const CHROMEDRIVER = process.env.PORTICO_CHROMEDRIVER ?? '/usr/bin/chromedriver';
if (!existsSync(CHROMEDRIVER)) {
  console.error(`bench:compare: no ChromeDriver at ${CHROMEDRIVER} (the axe CLI needs one matching your Chromium). Run it as npm run bench:compare, which installs Debian's chromium-driver when it can, or install one and set PORTICO_CHROMEDRIVER.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

const axeTags = new Map(axe.getRules().map((r) => [r.ruleId, r.tags] as const));
const served = await serveComparePages();
const urls = served.pages.map((p) => p.url);
const label = new Map(served.pages.map((p) => [p.url, p.label]));
const nameOf = (page: string) => label.get(page) ?? page;
const load = loadavg()[0];

let portico, pa11y, axeCli, lighthouse;
try {
  process.stderr.write(`bench:compare: ${urls.length} pages; portico…`);
  const p = await runPortico(urls, OUT);
  process.stderr.write(` ${p.seconds.toFixed(0)} s; pa11y-ci…`);
  const a = await runPa11yCi(urls, OUT);
  process.stderr.write(` ${a.seconds.toFixed(0)} s; axe CLI…`);
  const x = await runAxeCli(urls, OUT, CHROMEDRIVER);
  process.stderr.write(` ${x.seconds.toFixed(0)} s; Lighthouse CLI…`);
  const l = await runLighthouseCli(urls, OUT);
  process.stderr.write(` ${l.seconds.toFixed(0)} s\n`);
  portico = { seconds: p.seconds, result: fromPortico(p.output as never, urls) };
  pa11y = { seconds: a.seconds, result: fromPa11yCi(a.output as never, urls, axeTags) };
  axeCli = { seconds: x.seconds, result: fromAxeCli(x.output as never, urls) };
  lighthouse = { seconds: l.seconds, result: mergeLighthouse(l.output) };
} finally {
  await served.close();
}

function mergeLighthouse(runs: LighthouseRun[]): ToolResult {
  const parts = runs.map((r): ToolResult => r.lhr
    ? fromLighthouse(r.lhr as never, r.url, axeTags)
    : { tool: 'lighthouse-cli', items: [], crashes: [{ tool: 'lighthouse-cli', page: r.url, message: r.error ?? 'no result' }] });
  return { tool: 'lighthouse-cli', items: parts.flatMap((p) => p.items), crashes: parts.flatMap((p) => p.crashes) };
}

const others = [pa11y, axeCli, lighthouse];
const c = compare(portico.result, others.map((o) => o.result));
const othersSeconds = others.reduce((s, o) => s + o.seconds, 0);
const ratio = portico.seconds / othersSeconds;

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);
const lines: string[] = [];
lines.push(`bench:compare — ${urls.length} pages (reference cbp-one-2023, benefits broken, ACT failed cases); load average ${load.toFixed(1)} on ${navigator.hardwareConcurrency} cores at the start`);
lines.push('barriers = failing items as each tool reports them (pa11y error issue, axe violation node, Lighthouse failed-audit item, Portico failed finding) tied to a WCAG criterion');
lines.push('');
lines.push(`${pad('tool', 16)} ${padL('barriers', 8)} ${padL('(page,SC)', 10)} ${padL('no SC', 6)} ${padL('crashes', 8)} ${padL('seconds', 8)}`);
const row = (name: string, r: ToolResult, seconds: number) => {
  const keyed = r.items.filter((i) => i.criteria.length);
  lines.push(`${pad(name, 16)} ${padL(keyed.length, 8)} ${padL(pairsOf(keyed).size, 10)} ${padL(r.items.length - keyed.length, 6)} ${padL(r.crashes.length, 8)} ${padL(seconds.toFixed(1), 8)}`);
};
row('portico', portico.result, portico.seconds);
for (const o of others) row(o.result.tool, o.result, o.seconds);
lines.push(`${pad('others (union)', 16)} ${padL('', 8)} ${padL(c.others.size, 10)} ${padL('', 6)} ${padL('', 8)} ${padL(othersSeconds.toFixed(1), 8)}`);
lines.push(`portico cantTell (not counted as found): ${portico.result.cantTell.length} findings on ${pairsOf(portico.result.cantTell).size} (page,SC) pairs`);

const crashes: Crash[] = [portico, ...others].flatMap((t) => t.result.crashes);
lines.push('');
lines.push(`crashes (a page a tool could not audit; none of its barriers there are counted): ${crashes.length}`);
for (const k of crashes) lines.push(`  ${pad(k.tool, 15)} ${pad(nameOf(k.page), 34)} ${k.message}`);

const describe = (items: Item[]) => {
  const byTool = new Map<string, Set<string>>();
  for (const i of items) byTool.set(i.tool, (byTool.get(i.tool) ?? new Set()).add(i.rule));
  return [...byTool].map(([t, rules]) => `${t}: ${[...rules].join(', ')}`).join('; ');
};
const listPairs = (map: PairMap, extra?: (key: string) => string) => {
  for (const [key, items] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    const { page, criterion } = splitPair(key);
    lines.push(`  ${pad(nameOf(page), 34)} ${pad(criterion, 7)} ${describe(items)}${extra ? extra(key) : ''}`);
  }
};
lines.push('');
lines.push(`found by others, not by Portico: ${c.missing.size}`);
listPairs(c.missing);
const told = pairsOf(portico.result.cantTell);
lines.push(`found by others, Portico says only cantTell (not counted as found): ${c.cantTellOnly.size}`);
listPairs(c.cantTellOnly, (key) => `  | portico cantTell: ${[...new Set(told.get(key)!.map((i) => i.rule))].join(', ')}`);
const bySc = new Map<string, number>();
for (const key of c.onlyPortico.keys()) { const sc = splitPair(key).criterion; bySc.set(sc, (bySc.get(sc) ?? 0) + 1); }
lines.push(`found only by Portico: ${c.onlyPortico.size} (page,SC) pairs (by criterion: ${[...bySc].sort(([, a], [, b]) => b - a).map(([sc, n]) => `${sc} ×${n}`).join(', ') || 'none'})`);
lines.push('');
const missingAll = c.missing.size + c.cantTellOnly.size;
lines.push(`time: portico ${portico.seconds.toFixed(1)} s; pa11y-ci ${pa11y.seconds.toFixed(1)} s + axe CLI ${axeCli.seconds.toFixed(1)} s + Lighthouse CLI ${lighthouse.seconds.toFixed(1)} s = ${othersSeconds.toFixed(1)} s; ratio ${ratio.toFixed(2)} (goal ≤ 0.5)`);
lines.push(`  without the Lighthouse CLI (pa11y-ci + axe CLI, ${(pa11y.seconds + axeCli.seconds).toFixed(1)} s): ratio ${(portico.seconds / (pa11y.seconds + axeCli.seconds)).toFixed(2)}`);
lines.push(`compare: portico superset ${missingAll === 0 ? 'yes' : 'no'} (missing ${missingAll} of ${c.others.size}), time ratio ${ratio.toFixed(2)} (portico ${portico.seconds.toFixed(0)}s, others ${othersSeconds.toFixed(0)}s)`);

writeFileSync(resolve(OUT, 'summary.json'), JSON.stringify({
  pages: served.pages, seconds: { portico: portico.seconds, 'pa11y-ci': pa11y.seconds, 'axe-cli': axeCli.seconds, 'lighthouse-cli': lighthouse.seconds },
  results: [portico.result, ...others.map((o) => o.result)],
  missing: [...c.missing.keys()].map(splitPair), cantTellOnly: [...c.cantTellOnly.keys()].map(splitPair), onlyPortico: [...c.onlyPortico.keys()].map(splitPair),
}, null, 1));
console.log(lines.join('\n'));
// 2: Portico itself could not audit a page; 1: the goal is not met. The others' crashes are facts about them, printed above.
process.exitCode = portico.result.crashes.length ? 2 : missingAll > 0 || ratio > 0.5 ? 1 : 0;
