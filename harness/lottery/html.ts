/** The lottery report as text and as a self-contained HTML page with its charts (pure, every value escaped). */
import { escape } from 'html-escaper';
import type { LotteryReport } from './report.ts';
import { formatInterval } from './stats.ts';

const e = (s: unknown) => escape(String(s ?? ''));

export interface LotteryCharts {
  waits: string;
  distribution: string;
  kAdvantage: string;
}

function paramsLine(r: LotteryReport): string {
  const p = r.params;
  return `${p.registrations.toLocaleString('en')} registrations (${formatInterval(r.population.entries, 0)} entries: families count once), ${p.dailySlots.toLocaleString('en')} slots a day, ${p.days} days, ${p.seeds} seed(s); arrivals: ${Math.round(p.arrivals.backlogShare * 100)} % waiting on day 0 (registered over the ${p.arrivals.backlogDays} days before), the rest over ${p.arrivals.arrivalDays} days; a waiting person asks again on a given day with probability ${p.requestProbability}, gives up with ${p.giveUpPerDay} a day; ${Math.round(p.groupShare * 100)} % of persons in families of 2–5; multiple-account experiment on day ${p.snapshotDay}, ${p.kTrials} draws a seed.`;
}

export function renderLotteryText(r: LotteryReport): string {
  const lines: string[] = [];
  lines.push(`Lottery fairness — ${r.target.title} (${r.target.driven === 'module' ? `driven through its code${r.target.drivenSeeds.length ? `; days driven on seed(s) ${r.target.drivenSeeds.join(', ')}` : ''}` : 'a model of its published rules'})`);
  lines.push(`  ${paramsLine(r)}`);
  lines.push('', 'Wait until an appointment, days (mean [95 % interval] over seeds):');
  lines.push(`  ${'design'.padEnd(44)} ${'median'.padEnd(20)} ${'p90'.padEnd(20)} ${'p99'.padEnd(20)} ${'max'.padEnd(20)} gave up`);
  for (const d of r.designs) lines.push(`  ${d.title.slice(0, 44).padEnd(44)} ${formatInterval(d.waits.median).padEnd(20)} ${formatInterval(d.waits.p90).padEnd(20)} ${formatInterval(d.waits.p99).padEnd(20)} ${formatInterval(d.waits.max).padEnd(20)} ${formatInterval(d.gaveUp, 0)}`);
  for (const c of r.modelCheck) lines.push(`  (check, seed ${c.seed}: the target through its code median/p90/p99/max ${c.module.median}/${c.module.p90}/${c.module.p99}/${c.module.max}; the model of its rules ${c.model.median}/${c.model.p90}/${c.model.p99}/${c.model.max})`);
  lines.push('', 'Holding k accounts: win probability ÷ that of one account (1 = no advantage):');
  for (const d of r.designs) lines.push(`  ${d.title.slice(0, 44).padEnd(44)} ${d.k.filter((k) => k.k > 1).map((k) => `k=${k.k} ×${formatInterval(k.ratio, 2)}`).join('  ')}${d.perPerson ? '  (counts persons)' : '  (counts accounts)'}`);
  const t = r.designs.find((d) => d.id === 'target');
  if (t) lines.push('', `Families: ${t.groupsSplit} of ${t.groupsWon} winning families split in the target's simulated draws; in published records ${r.records.reduce((a, x) => a + x.groupsSplit, 0)} of ${r.records.reduce((a, x) => a + x.groupsWon, 0)}.`);
  const s = r.shelters;
  lines.push('', `Shelters (${s.shelterResidents.toLocaleString('en')} residents in shelters among ${s.accounts.toLocaleString('en')} accounts; ${s.extraAccounts} extra accounts of persons with several):`);
  for (const rule of s.rules) lines.push(`  ${rule.rule.padEnd(15)} ${rule.description}: ${rule.shelterResidentsFlagged.toLocaleString('en')} shelter residents, ${rule.largeFamilyMembersFlagged.toLocaleString('en')} large-family members, ${rule.sharedAddressApplicantsFlagged} at the 358-applicant address flagged; ${rule.extraAccountsFlagged} of ${s.extraAccounts} extra accounts caught`);
  lines.push('', `Published draw records: ${r.records.length === 0 ? 'none found' : r.records.map((x) => `${x.day} ${x.verdict}${x.reason ? ` (${x.reason})` : ''}`).join('; ')}`);
  lines.push('', `Simulation time: ${(r.timing.simulationMs / 1000).toFixed(2)} s (${Object.entries(r.timing.byDesignMs).map(([id, ms]) => `${id} ${(ms / 1000).toFixed(2)} s`).join(', ')})`);
  return lines.join('\n');
}

export function renderLotteryHtml(r: LotteryReport, charts: LotteryCharts, findingsSummary: string[]): string {
  const rows = r.designs
    .map((d) => `<tr><th scope="row">${e(d.title)}</th><td>${e(formatInterval(d.waits.median))}</td><td>${e(formatInterval(d.waits.p90))}</td><td>${e(formatInterval(d.waits.p99))}</td><td>${e(formatInterval(d.waits.max))}</td><td>${e(formatInterval(d.gaveUp, 0))}</td>${d.k.filter((k) => k.k > 1).map((k) => `<td>×${e(formatInterval(k.ratio, 2))}</td>`).join('')}</tr>`)
    .join('');
  const kHeads = (r.designs[0]?.k ?? []).filter((k) => k.k > 1).map((k) => `<th scope="col">${e(`k = ${k.k}`)}</th>`).join('');
  const descriptions = r.designs.map((d) => `<li><strong>${e(d.title)}</strong>: ${e(d.description)}</li>`).join('');
  const shelterRows = r.shelters.rules.map((x) => `<tr><th scope="row">${e(x.rule)}</th><td>${e(x.description)}</td><td>${e(x.shelterResidentsFlagged)} / ${e(r.shelters.shelterResidents)}</td><td>${e(x.largeFamilyMembersFlagged)}</td><td>${e(x.extraAccountsFlagged)} / ${e(r.shelters.extraAccounts)}</td></tr>`).join('');
  const records = r.records.map((x) => `<li><code>${e(x.source)}</code>: ${e(x.verdict)}${x.reason ? ` — ${e(x.reason)}` : ''} (${e(x.requesters)} requesters, ${e(x.winners)} winners)</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lottery fairness — ${e(r.target.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #c9c9c9;padding:.25rem .5rem;text-align:left}figure{margin:1rem 0}svg{max-width:100%;height:auto}</style>
</head><body><main>
<h1>Lottery fairness — ${e(r.target.title)}</h1>
<p>${e(paramsLine(r))}</p>
<h2>Findings</h2>
${findingsSummary.length ? `<ul>${findingsSummary.map((f) => `<li>${e(f)}</li>`).join('')}</ul>` : '<p>No failed finding (see report.html for every verdict).</p>'}
<h2>Designs</h2><ul>${descriptions}</ul>
<table><caption>Days from registration to an appointment and the advantage of k accounts (mean [95 % interval] over seeds)</caption>
<thead><tr><th scope="col">Design</th><th scope="col">median</th><th scope="col">p90</th><th scope="col">p99</th><th scope="col">max</th><th scope="col">gave up</th>${kHeads}</tr></thead><tbody>${rows}</tbody></table>
<figure>${charts.waits}<figcaption>Wait percentiles by design (files: lottery-waits.svg).</figcaption></figure>
<figure>${charts.distribution}<figcaption>Wait distribution by design (lottery-wait-distribution.svg).</figcaption></figure>
<figure>${charts.kAdvantage}<figcaption>Advantage of holding k accounts (lottery-k-advantage.svg).</figcaption></figure>
<h2>Shelters: a shared-address rule against a per-person signal</h2>
<table><caption>Who each rule flags</caption><thead><tr><th scope="col">Rule</th><th scope="col">What it does</th><th scope="col">Shelter residents flagged</th><th scope="col">Large-family members flagged</th><th scope="col">Extra accounts caught</th></tr></thead><tbody>${shelterRows}</tbody></table>
<h2>Published draw records</h2>
${records ? `<ul>${records}</ul>` : '<p>No published draw record was found: none could be recomputed.</p>'}
</main></body></html>`;
}
