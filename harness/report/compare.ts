import { escape } from 'html-escaper';
import type { RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';

export interface ProfileRun { profile: string; bundle: RunBundle; reportPath: string }

interface Row { persona: string; counts: number[]; blocked: string[][] }

function rows(runs: ProfileRun[]): Row[] {
  const personas = [...new Set(runs.flatMap((r) => r.bundle.verdicts.map((v) => v.context?.persona).filter(Boolean) as string[]))].sort();
  return personas.map((persona) => ({
    persona,
    counts: runs.map((r) => r.bundle.findings.filter((f) => isBarrier(f) && f.context.persona === persona).length),
    blocked: runs.map((r) => [...new Set(r.bundle.findings.filter((f) => isBarrier(f) && f.ruleId === 'journey-blocked' && f.context.persona === persona).map((f) => f.context.step ?? f.context.checkpoint))]),
  }));
}

/** Side-by-side table of profiles: barriers per persona and where each person was blocked. Pure. */
export function renderComparisonText(runs: ProfileRun[]): string {
  const header = ['persona', ...runs.map((r) => r.profile)];
  const body = rows(runs).map((row) => [row.persona, ...row.counts.map((c, i) => `${c} barrier(s)${row.blocked[i].length ? `, blocked at ${row.blocked[i].join(', ')}` : ''}`)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', ...runs.map((r) => `${r.profile}: ${r.bundle.status.toUpperCase()} — report: ${r.reportPath}`)].join('\n');
}

export function renderComparisonHtml(runs: ProfileRun[], relativeReport: (r: ProfileRun) => string): string {
  const e = (s: unknown) => escape(String(s));
  const table = rows(runs).map((row) => `<tr><th scope="row">${e(row.persona)}</th>${row.counts.map((c, i) => `<td>${c}${row.blocked[i].length ? ` <span class="blocked">(blocked at ${e(row.blocked[i].join(', '))})</span>` : ''}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Portico: reference target, profiles side by side</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}.blocked{color:#8a1c1c}a:focus-visible{outline:3px solid #1a4fd6}</style></head>
<body><main><h1>Reference target: the same journeys on two profiles</h1>
<p>Every persona walked its journeys on the conformant app and on the app with the barriers documented for CBP One in 2023 switched on. Barriers found per persona:</p>
<table><thead><tr><th scope="col">Persona</th>${runs.map((r) => `<th scope="col"><a href="${e(relativeReport(r))}">${e(r.profile)}</a> (${e(r.bundle.status)})</th>`).join('')}</tr></thead><tbody>${table}</tbody></table>
</main></body></html>`;
}
