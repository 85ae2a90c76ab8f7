/**
 * The exhibits as HTML sections (pure): the lottery's charts with their numbers as tables, the
 * capture-acceptance chart with its table, and the cropped screenshot of a flagged element with
 * the element outlined. Shared by report.html and the complaint packet. Every chart is an inline
 * SVG with role="img", a <title> and a <desc>, beside a table of the same numbers; ids are
 * prefixed so several exhibits can share one page.
 */
import type { CaptureExhibit, CropExhibit, Exhibits, LotteryExhibit } from './exhibits.ts';
import { kAdvantageChart, waitDistributionChart, waitPercentileChart } from '../lottery/svg.ts';
import { formatInterval } from '../lottery/stats.ts';
import { captureChartSvg, captureRows, captureTable } from './capture-chart.ts';
import { cropSvg } from './crop.ts';
import { clip, h, stripControls } from './safe-text.ts';

const where = (x: { persona?: string; flow?: string; step?: string; checkpoint: string }) => [x.persona, x.flow, x.step ?? x.checkpoint].filter(Boolean).join(' › ');

export const lotteryAnchor = (n: number) => `exhibit-lottery-${n}`;
export const captureAnchor = (n: number) => `exhibit-capture-${n}`;

function lotteryTables(ex: LotteryExhibit, open: boolean): { waits: string; distribution: string; k: string; shelters: string; records: string } {
  const r = ex.report;
  const ks = [...new Set(r.designs.flatMap((d) => d.k.map((k) => k.k)))].filter((k) => k > 1);
  const waits = `<table class="data"><caption>Days from registration to an appointment, by design (mean [95 % interval] over ${r.params.seeds} seed(s))</caption><thead><tr><th scope="col">Design</th><th scope="col">median</th><th scope="col">p90</th><th scope="col">p99</th><th scope="col">max</th><th scope="col">gave up</th></tr></thead><tbody>${r.designs
    .map((d) => `<tr><th scope="row">${h(d.title)}</th><td>${h(formatInterval(d.waits.median))}</td><td>${h(formatInterval(d.waits.p90))}</td><td>${h(formatInterval(d.waits.p99))}</td><td>${h(formatInterval(d.waits.max))}</td><td>${h(formatInterval(d.gaveUp, 0))}</td></tr>`)
    .join('')}</tbody></table>`;
  const k = `<table class="data"><caption>Win probability with k accounts ÷ with one account (1 = no advantage; mean [95 % interval])</caption><thead><tr><th scope="col">Design</th>${ks.map((x) => `<th scope="col">k = ${x}</th>`).join('')}<th scope="col">counts</th></tr></thead><tbody>${r.designs
    .map((d) => `<tr><th scope="row">${h(d.title)}</th>${ks.map((x) => { const s = d.k.find((v) => v.k === x); return `<td>${s ? `×${h(formatInterval(s.ratio, 2))}` : 'n/a'}</td>`; }).join('')}<td>${d.perPerson ? 'persons' : 'accounts'}</td></tr>`)
    .join('')}</tbody></table>`;
  const weeks = Math.max(0, ...r.designs.map((d) => d.weeklyShare.length));
  const distribution = `<details${open ? ' open' : ''}><summary>The wait distribution as a table (${weeks} weeks)</summary><table class="data"><caption>Share of the appointments by weeks waited, per design (mean over seeds)</caption><thead><tr><th scope="col">Weeks waited</th>${r.designs.map((d) => `<th scope="col">${h(d.title)}</th>`).join('')}</tr></thead><tbody>${Array.from({ length: weeks }, (_, w) => `<tr><th scope="row">${w}</th>${r.designs.map((d) => `<td>${((d.weeklyShare[w] ?? 0) * 100).toFixed(2)} %</td>`).join('')}</tr>`).join('')}</tbody></table></details>`;
  const s = r.shelters;
  const shelters = `<table class="data"><caption>Who each duplicate-account rule flags (${s.shelterResidents} shelter residents, ${s.extraAccounts} extra accounts among ${s.accounts} accounts)</caption><thead><tr><th scope="col">Rule</th><th scope="col">What it does</th><th scope="col">Shelter residents flagged</th><th scope="col">Large-family members flagged</th><th scope="col">Extra accounts caught</th></tr></thead><tbody>${s.rules
    .map((x) => `<tr><th scope="row">${h(x.rule)}</th><td>${h(x.description)}</td><td>${x.shelterResidentsFlagged} / ${s.shelterResidents}</td><td>${x.largeFamilyMembersFlagged}</td><td>${x.extraAccountsFlagged} / ${s.extraAccounts}</td></tr>`)
    .join('')}</tbody></table>`;
  const records = r.records.length
    ? `<table class="data"><caption>Published draw records, recomputed from their revealed seeds</caption><thead><tr><th scope="col">Day</th><th scope="col">Verdict</th><th scope="col">Requesters</th><th scope="col">Winners</th><th scope="col">Families split</th></tr></thead><tbody>${r.records.map((x) => `<tr><th scope="row">${h(x.day)}</th><td>${h(x.verdict)}${x.reason ? `: ${h(clip(x.reason, 300))}` : ''}</td><td>${x.requesters}</td><td>${x.winners}</td><td>${x.groupsSplit} of ${x.groupsWon}</td></tr>`).join('')}</tbody></table>`
    : '<p>No published draw record was found: none could be recomputed.</p>';
  return { waits, distribution, k, shelters, records };
}

/** One lottery simulation: three charts, each beside its table, then shelters and records. */
/** `open`: the tables folded away on screen are printed open (the complaint). */
export function lotteryExhibitHtml(ex: LotteryExhibit, n: number, level = 3, open = false): string {
  const r = ex.report;
  const id = lotteryAnchor(n);
  const t = lotteryTables(ex, open);
  const hx = `h${level}`;
  const p = r.params;
  const figure = (svg: string, table: string, caption: string) => `<figure class="chart"><div class="svg">${stripControls(svg)}</div><figcaption>${h(caption)}</figcaption>${table}</figure>`;
  return `<section class="exhibit" aria-labelledby="${id}-h" id="${id}"><${hx} id="${id}-h">Lottery simulation: ${h(clip(r.target.title, 200))}</${hx}>
<p>A short simulation run as one checkpoint of this run (${where(ex) ? h(where(ex)) + ', ' : ''}${p.registrations.toLocaleString('en')} registrations, ${p.dailySlots.toLocaleString('en')} slots a day, ${p.days} days, ${p.seeds} seed(s), the target ${r.target.driven === 'module' ? 'driven through its own code' : 'modelled from its published rules'}; ${(r.timing.simulationMs / 1000).toFixed(1)} s). The lottery findings above are judged from these numbers.</p>
${figure(kAdvantageChart(r.designs, `${id}-k`), t.k, 'Advantage of holding several accounts, by design (log scale).')}
${figure(waitPercentileChart(r.designs, `${id}-waits`), t.waits, 'Wait until an appointment, by design.')}
${figure(waitDistributionChart(r.designs, `${id}-dist`), t.distribution, 'How long people waited, by design.')}
${t.shelters}
${t.records}
</section>`;
}

/** A capture grid: the dot plot beside its table (also for a grid that passes: it is the evidence). */
export function captureExhibitHtml(ex: CaptureExhibit, n: number, level = 3): string {
  const id = captureAnchor(n);
  const rows = captureRows(ex.facts);
  const marked = rows.filter((r) => r.marked);
  const hx = `h${level}`;
  return `<section class="exhibit" aria-labelledby="${id}-h" id="${id}"><${hx} id="${id}-h">Photo acceptance by skin tone: ${h(where(ex))}</${hx}>
<p>${rows.length} cells (${new Set(rows.map((r) => r.lighting)).size} lightings × ${new Set(rows.map((r) => r.mst)).size} Monk Skin Tones), ${h(ex.facts.attemptsPerCell)} attempts each, through the page's own capture control with a synthetic camera (${h(clip(ex.facts.stimulus, 200))}). ${marked.length ? `${marked.length} cell(s) below 0.8 of the best tone under the same lighting.` : 'No tone below 0.8 of the best tone under its lighting.'}</p>
<figure class="chart"><div class="svg">${captureChartSvg(ex.facts, `${id}-chart`)}</div><figcaption>Share of photos accepted per tone and lighting; the line is the Wilson 95 % interval, the dashed line 0.8 × the best tone.</figcaption>
${captureTable(ex.facts, `Photos accepted per Monk Skin Tone and lighting (${where(ex)})`)}</figure>
</section>`;
}

/** The cropped screenshot with the element outlined, or '' when there is none. */
export function cropFigure(crop: CropExhibit | undefined, src: string | undefined, element: string, id: string): string {
  if (!crop || !src) return '';
  const svg = cropSvg(crop, src, `${id}`, `The element ${clip(element, 200)} outlined on a crop of the page at step ${crop.step ?? crop.checkpoint}`);
  return svg ? `<figure class="crop">${svg}<figcaption>The element, outlined, as the page showed it at the checkpoint (${h(where(crop))}).</figcaption></figure>` : '';
}

export const hasExhibits = (x: Exhibits | undefined): x is Exhibits => !!x && (x.lottery.length > 0 || x.capture.length > 0);

/** Every chart exhibit, as one section. */
export function exhibitsSection(x: Exhibits | undefined, headingId = 'exhibits-h', o: { open?: boolean } = {}): string {
  if (!hasExhibits(x)) return '';
  return `<section aria-labelledby="${headingId}"><h2 id="${headingId}">Charts and their numbers</h2>
${x.capture.map((c, n) => captureExhibitHtml(c, n + 1)).join('\n')}
${x.lottery.map((l, n) => lotteryExhibitHtml(l, n + 1, 3, o.open)).join('\n')}
</section>`;
}

/** The exhibit a lottery or capture issue is judged from: its anchor and title, for a link from the issue. */
export function exhibitLinkFor(x: Exhibits | undefined, occ: { persona?: string; flow?: string; step: string }, ruleOrAudit: { ruleId: string; auditId: string }): { href: string; text: string } | undefined {
  if (!x) return undefined;
  const same = (e: { persona?: string; flow?: string; step?: string; checkpoint: string }) => e.persona === occ.persona && e.flow === occ.flow && (e.step === occ.step || e.checkpoint === occ.step);
  const c = x.capture.findIndex(same);
  if (c >= 0 && /capture/.test(`${ruleOrAudit.ruleId} ${ruleOrAudit.auditId}`)) return { href: `#${captureAnchor(c + 1)}`, text: 'The capture-acceptance chart and its table' };
  const l = x.lottery.findIndex(same);
  if (l >= 0) return { href: `#${lotteryAnchor(l + 1)}`, text: 'The lottery simulation: charts and tables' };
  return undefined;
}
