import { createHash } from 'node:crypto';
import type { Evidence, Finding } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { describeCriterion } from '../standards/requirements.ts';
import { compareSc, wcagCriterion } from '../standards/wcag.ts';
import { en301549ClauseTitle } from '../standards/en301549.ts';
import { countIssues, groupIssues, issueCountText, type Issue } from './issues.ts';
import { STANDARD_LINKS, section508Url, wcagUnderstandingUrl } from './links.ts';
import { clip, h, safeHref } from './safe-text.ts';
import { signingText, type RenderInput } from './render-input.ts';
import type { RunBundle } from '../types.ts';
import { renderGateText } from '../gate/gate.ts';
import { cropFor, type Exhibits } from './exhibits.ts';
import { cropFigure, exhibitLinkFor, exhibitsSection, hasExhibits } from './exhibit-html.ts';

const link = (href: string | undefined, text: string) => {
  const safe = safeHref(href);
  return safe ? `<a href="${h(safe)}">${h(text)}</a>` : h(text);
};
const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

interface Cell { blocked: boolean; barriers: number }

/** Persona × step: blocked / N barriers / clean, from the verdicts (what was walked) and the issues. */
function grid(bundle: RunBundle, issues: Issue[]): string {
  const personas = [...new Set(bundle.verdicts.map((v) => v.context?.persona).filter((p): p is string => !!p))];
  if (!personas.length) return '';
  const steps: string[] = [];
  const walked = new Set<string>();
  for (const v of bundle.verdicts) {
    const step = v.context?.step ?? v.checkpoint;
    if (!steps.includes(step)) steps.push(step);
    walked.add(`${v.context?.persona}|${step}`);
  }
  const cells = new Map<string, Cell>();
  for (const i of issues) for (const o of i.occurrences) {
    const k = `${o.persona}|${o.step}`;
    const c = cells.get(k) ?? { blocked: false, barriers: 0 };
    if (i.blocking) c.blocked = true; else c.barriers++;
    cells.set(k, c);
  }
  const cell = (p: string, s: string) => {
    const k = `${p}|${s}`;
    if (!walked.has(k)) return '<td class="na">—<span class="visually-hidden"> not walked</span></td>';
    const c = cells.get(k);
    if (!c) return '<td class="clean">clean</td>';
    return `<td class="${c.blocked ? 'blocked' : 'barriers'}">${c.blocked ? '<strong>blocked</strong>' : ''}${c.blocked && c.barriers ? ', ' : ''}${c.barriers ? `${c.barriers} barrier${c.barriers === 1 ? '' : 's'}` : ''}</td>`;
  };
  return `<section aria-labelledby="grid-h"><h2 id="grid-h">Who met what, step by step</h2>
<p>Each row is a persona, each column a step of the journeys. “Blocked” means the person could not go on; “—” means the persona did not walk that step.</p>
<div class="scroll" role="region" aria-label="Persona by step table (scrolls sideways)" tabindex="0"><table class="grid"><caption>Persona by step: blocked, barriers met, or clean</caption>
<thead><tr><th scope="col">Persona</th>${steps.map((s) => `<th scope="col">${h(s)}</th>`).join('')}</tr></thead>
<tbody>${personas.map((p) => `<tr><th scope="row">${h(p)}</th>${steps.map((s) => cell(p, s)).join('')}</tr>`).join('')}</tbody></table></div></section>`;
}

function criteriaTable(issues: Issue[]): string {
  const by = new Map<string, Issue[]>();
  for (const i of issues) for (const sc of i.requirements.wcag) by.set(sc, [...(by.get(sc) ?? []), i]);
  const other = new Map<string, Issue[]>();
  for (const i of issues) if (!i.requirements.wcag.length) for (const o of i.requirements.other.slice(0, 1)) other.set(o, [...(other.get(o) ?? []), i]);
  if (!by.size && !other.size) return '';
  const rows = [...by.keys()].sort(compareSc).map((sc) => {
    const d = describeCriterion(sc);
    const list = by.get(sc)!;
    return `<tr><th scope="row">${link(wcagUnderstandingUrl(sc), d.label)}</th><td>${h(d.section508)}</td><td>${list.length}</td><td>${list.reduce((n, i) => n + i.occurrences.length, 0)}</td></tr>`;
  });
  const more = [...other.entries()].map(([o, list]) => `<tr><th scope="row">${h(o)}</th><td>not a WCAG criterion</td><td>${list.length}</td><td>${list.reduce((n, i) => n + i.occurrences.length, 0)}</td></tr>`);
  return `<section aria-labelledby="crit-h"><h2 id="crit-h">Criteria failed</h2>
<table><caption>Each criterion with its Section 508 standing, the issues that fail it and how often they were met</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Section 508</th><th scope="col">Issues</th><th scope="col">Occurrences</th></tr></thead><tbody>${[...rows, ...more].join('')}</tbody></table></section>`;
}

function criteriaList(i: Issue): string {
  const r = i.requirements;
  const items = [
    ...r.wcag.map((sc) => `<li>${link(wcagUnderstandingUrl(sc), `WCAG ${describeCriterion(sc).label}`)} · ${h(describeCriterion(sc).section508)}</li>`),
    ...r.section508.map((s) => `<li>${link(section508Url(s), `Section 508 ${s}`)}</li>`),
    ...(r.trustedTester.length ? [`<li>${link(STANDARD_LINKS.trustedTester, `Trusted Tester ${r.trustedTester.join(', ')}`)}</li>`] : []),
    ...r.en301549.map((c) => `<li>${link(STANDARD_LINKS.en301549, `EN 301 549 ${en301549ClauseTitle(c) ?? c}`)}</li>`),
    ...r.other.map((o) => `<li>${h(o)}</li>`),
  ];
  return items.length ? `<ul class="criteria">${items.join('')}</ul>` : '<p>No standard is cited for this rule.</p>';
}

function evidenceLinks(ev: Evidence[], files?: ReadonlySet<string>): string {
  const shown = ev.filter((e) => e.path && safeHref(e.path) && e.kind !== 'screenshot' && (!files || files.has(e.path)));
  const seen = new Set<string>();
  return shown.filter((e) => !seen.has(e.path!) && seen.add(e.path!)).map((e) => `${link(e.path, `${e.kind}: ${e.description}`)}`).join('<br>');
}

function reproduce(i: Issue): string {
  const o = i.occurrences[0];
  // The address as text: a journey's target (a local app on a random port) is usually gone by the time the report is read.
  const url = `<code>${h(clip(o.url, 500))}</code>`;
  const steps = o.persona
    ? [`Run <code>portico run --persona ${h(o.persona)}</code> (or walk the journey the way this persona operates the page).`, `Follow the flow <strong>${h(o.flow ?? '')}</strong> to the step <strong>${h(o.step)}</strong> (${url}).`]
    : [`Open ${url}.`];
  const blocked = i.blocking ? [`See that the person cannot go on: ${h(clip(o.message, 2000))}`] : [`Find the element <code>${h(clip(i.selector ?? i.element, 500))}</code>: ${h(clip(i.message, 1000))}`];
  return `<ol class="repro">${[...steps, ...blocked].map((s) => `<li>${s}</li>`).join('')}</ol>`;
}

function issueCard(i: Issue, n: number, files?: ReadonlySet<string>, exhibits?: Exhibits): string {
  const shot = i.occurrences.flatMap((o) => o.evidence.map((e) => ({ e, o }))).find(({ e }) => e.kind === 'screenshot' && safeHref(e.path) && (!files || files.has(e.path!)));
  const messages = [...new Set(i.occurrences.map((o) => o.message))];
  const attrs = `data-personas="${h(i.personas.join(' '))}" data-criteria="${h([...i.requirements.wcag, ...(i.requirements.wcag.length ? [] : i.requirements.other.slice(0, 1))].map(slug).join(' '))}" data-impact="${h(i.impact ?? 'none')}" data-engines="${h(i.engines.join(' '))}"`;
  const cropAt = i.occurrences.map((o) => cropFor(exhibits, { domPath: i.element, persona: o.persona, flow: o.flow, step: o.step })).find((c) => c && safeHref(c.path) && (!files || files.has(c.path)));
  const crop = cropFigure(cropAt, cropAt ? safeHref(cropAt.path) : undefined, i.selector ?? i.element, `crop-${slug(i.id)}`);
  const exhibit = i.occurrences.map((o) => exhibitLinkFor(exhibits, o, i)).find(Boolean);
  const who = `${i.occurrences.length} time(s) by ${i.personas.join(', ') || 'the page audit'} at ${i.steps.join(', ')}`;
  return `<article class="issue ${h(i.impact ?? '')}${i.blocking ? ' blocking' : ''}" id="issue-${h(i.id)}" aria-labelledby="issue-${h(i.id)}-h" ${attrs}>
<h3 id="issue-${h(i.id)}-h">${n}. ${i.blocking ? '<span class="tag">Blocks the journey</span> ' : ''}${h(clip(i.message.split(/\n| Steps taken: /)[0], 300))}</h3>
<p class="meta"><code>${h(i.ruleId)}</code> on <code>${h(clip(i.pagePath, 200))}</code> · ${h(i.impact ?? 'impact not rated')} · met ${h(who)} · engines that agree: ${h(i.engines.join(', '))} · criteria: ${h(i.requirements.wcag.join(', ') || i.requirements.other.slice(0, 1).join('') || 'none')}</p>
${exhibit ? `<p class="exhibit-link"><a href="${h(exhibit.href)}">${h(exhibit.text)}</a></p>` : ''}
<details><summary>Details of issue ${n}: element, standards, steps to reproduce, evidence</summary>
<dl class="facts"><dt>Rule</dt><dd><code>${h(i.ruleId)}</code> (audit ${h(i.auditId)})</dd><dt>Issue id</dt><dd><code>${h(i.id)}</code></dd>${i.selector ? `<dt>Element</dt><dd><code>${h(clip(i.selector, 500))}</code></dd>` : ''}</dl>
${messages.length > 1 ? `<p>What each person met (${messages.length} different messages):</p><ul>${messages.map((m) => `<li>${h(clip(m, 2000))}</li>`).join('')}</ul>` : ''}
${i.snippet ? `<pre><code>${h(clip(i.snippet, 4000))}</code></pre>` : ''}
<h4>Standards</h4>${criteriaList(i)}
${i.helpUrl ? `<p>${link(i.helpUrl, `How to fix (${i.ruleId})`)}</p>` : ''}
<h4>Steps to reproduce</h4>${reproduce(i)}
<h4>Occurrences</h4>
<ul class="occ">${i.occurrences.map((o) => `<li>${h(o.persona ?? 'page audit')}${o.flow ? ` › ${h(o.flow)}` : ''} › ${h(o.step)}${evidenceLinks(o.evidence, files) ? `: ${evidenceLinks(o.evidence, files)}` : ''}</li>`).join('')}</ul>
${crop}
${shot ? `<figure><img src="${h(safeHref(shot.e.path) ?? '')}" alt="Screenshot of step ${h(shot.o.step)} as ${h(shot.o.persona ?? 'the page audit')}" loading="lazy"><figcaption>${h(clip(shot.e.description, 300))} (${link(shot.e.path, 'open the screenshot')})</figcaption></figure>` : ''}
</details>
</article>`;
}

function options(values: string[], label: (v: string) => string = (v) => v): string {
  return values.map((v) => `<option value="${h(slug(v))}">${h(label(v))}</option>`).join('');
}

function filters(issues: Issue[]): string {
  const personas = [...new Set(issues.flatMap((i) => i.personas))].sort();
  const criteria = [...new Set(issues.flatMap((i) => i.requirements.wcag))].sort(compareSc);
  const other = [...new Set(issues.filter((i) => !i.requirements.wcag.length).flatMap((i) => i.requirements.other.slice(0, 1)))];
  const impacts = ['critical', 'serious', 'moderate', 'minor'].filter((x) => issues.some((i) => i.impact === x));
  const engines = [...new Set(issues.flatMap((i) => i.engines))].sort();
  const select = (id: string, label: string, opts: string) => `<label for="f-${id}">${label}</label> <select id="f-${id}" data-filter="${id}"><option value="">all</option>${opts}</select>`;
  return `<div id="filters" class="filters" role="search" hidden aria-label="Filter the issues"><fieldset><legend>Show only issues</legend>
${select('personas', 'met by', options(personas))}
${select('criteria', 'failing', options([...criteria, ...other], (v) => (wcagCriterion(v) ? describeCriterion(v).label : v)))}
${select('impact', 'of impact', options(impacts))}
${select('engines', 'found by', options(engines))}
<p id="filter-count" role="status" aria-live="polite"></p></fieldset></div>`;
}

// Reads only the page's own attributes; nothing from the target is ever inside this script.
const FILTER_SCRIPT = `(function(){var f=document.getElementById('filters');if(!f)return;f.hidden=false;var s=f.querySelectorAll('select');var items=document.querySelectorAll('article.issue');function run(){var n=0;items.forEach(function(a){var ok=true;s.forEach(function(x){var v=x.value;if(v&&(' '+(a.getAttribute('data-'+x.getAttribute('data-filter'))||'')+' ').indexOf(' '+v+' ')<0)ok=false;});a.hidden=!ok;if(ok)n++;});document.getElementById('filter-count').textContent=n+' of '+items.length+' issues shown';}s.forEach(function(x){x.addEventListener('change',run);});run();})();`;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1b;background:#fff}
a{color:#0b4fb3}a:focus,a:focus-visible,select:focus,summary:focus,[tabindex]:focus{outline:3px solid #0b4fb3;outline-offset:2px}
.status{padding:.75rem 1rem;border-left:6px solid #0b4fb3;background:#eef3ff}.status.incomplete{border-color:#b50909;background:#fff0f0}.status.barriers{border-color:#a34f00;background:#fff5e6}
.unsigned{color:#8a1c1c;font-weight:600}
.issue{border:1px solid #b3b3b3;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}.issue.critical{border-left:6px solid #b50909}.issue.serious{border-left:6px solid #a34f00}.issue.blocking{background:#fff8f8}
.tag{background:#8a1c1c;color:#fff;padding:0 .4rem;border-radius:3px;font-size:.9rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}.facts dt{font-weight:600}.facts dd{margin:0}
details{margin:.25rem 0 .5rem}summary{cursor:pointer;color:#0b4fb3}.meta{color:#3d3d3d;font-size:.95rem;margin:.25rem 0}
pre{white-space:pre-wrap;word-break:break-all;background:#f3f3f3;padding:.5rem}
img{max-width:100%;max-height:24rem;border:1px solid #b3b3b3}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #b3b3b3;padding:.25rem .5rem;text-align:left;vertical-align:top}
.grid td.blocked{background:#fde2e2;color:#6b0000}.grid td.barriers{background:#fff1d6;color:#4d2a00}.grid td.clean{background:#e3f4e6;color:#0f4d1c}.grid td.na{color:#4a4a4a}
.scroll{overflow-x:auto}.filters fieldset{border:1px solid #b3b3b3}.filters label{margin-left:.75rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chart{margin:1rem 0}.chart svg{max-width:100%;height:auto}.crop svg{max-width:100%;height:auto;border:1px solid #b3b3b3}
table.data td,table.data th{font-size:.9rem}td.marked{background:#fde2e2;color:#6b0000}
@media print{.filters{display:none}}`;

/** A self-contained HTML report of a run, grouped by issue (pure: input in, HTML out; every value escaped). */
export function renderHtml(input: RenderInput | RunBundle, title = 'Portico report'): string {
  const r: RenderInput = 'schema' in input ? { bundle: input, audits: [], title, signing: { signed: false } } : input;
  const { bundle } = r;
  const barriers = bundle.findings.filter(isBarrier);
  const issues = groupIssues(barriers);
  const counts = countIssues(issues);
  const bestPractice = groupIssues(bundle.findings.filter((f: Finding) => f.outcome === 'failed' && f.category === 'best-practice'));
  const review = bundle.findings.filter((f) => f.outcome === 'cantTell').length;
  const status = {
    clean: 'No barriers found by the automated checks',
    barriers: `${issueCountText(counts)} found${counts.blocking ? `; ${counts.blocking} of them block a journey` : ''}`,
    incomplete: `INCOMPLETE: some checks could not run; this is not a pass. ${issueCountText(counts)} found in what could be checked.`,
  }[bundle.status];
  const versions = Object.entries(bundle.versions).map(([k, v]) => `${h(k)} ${h(v)}`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash()}'">
<title>${h(r.title)}</title>
<style>${STYLE}</style></head><body>
<header><h1>${h(r.title)}</h1>
<p class="status ${h(bundle.status)}" role="status">${h(status)}</p>
<p class="${r.signing.signed ? 'signed' : 'unsigned'}">Evidence: ${h(signingText(r.signing))}. Check it with <code>portico verify</code>.</p>
<p>Started ${h(bundle.startedAt)} · finished ${h(bundle.finishedAt)} · Portico ${h(bundle.tool.version)} · ${versions}</p>
<nav aria-label="Sections"><ul><li><a href="#grid-h">Step by step</a></li><li><a href="#crit-h">Criteria failed</a></li><li><a href="#issues-h">Issues</a></li>${hasExhibits(r.exhibits) ? '<li><a href="#exhibits-h">Charts</a></li>' : ''}${bundle.incomplete.length ? '<li><a href="#incomplete-h">Could not check</a></li>' : ''}</ul></nav></header>
<main>
<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><ul>
<li><strong>${counts.issues}</strong> barrier issue(s), met <strong>${counts.occurrences}</strong> time(s) in all; <strong>${counts.blocking}</strong> block a journey.</li>
<li>${bestPractice.length} best-practice issue(s), reported apart and not counted as barriers.</li>
<li>${review} finding(s) need a person to review (cannot tell automatically).</li></ul></section>
${bundle.gateReport ? `<section aria-labelledby="gate-h"><h2 id="gate-h">CI gate: ${h(bundle.gateReport.status === 'clean' ? 'pass' : bundle.gateReport.status === 'barriers' ? 'fail' : 'incomplete')}</h2><ul>${renderGateText(bundle).split('\n').map((l) => `<li>${h(l)}</li>`).join('')}</ul></section>` : ''}
${bundle.incomplete.length ? `<section aria-labelledby="incomplete-h"><h2 id="incomplete-h">Could not check</h2><ul>${bundle.incomplete.map((i) => `<li><strong>${h(i.where)}</strong>: ${h(i.cause)}</li>`).join('')}</ul></section>` : ''}
${grid(bundle, issues)}
${criteriaTable(issues)}
<section aria-labelledby="issues-h"><h2 id="issues-h">Issues (${counts.issues})</h2>
<p>One issue is one rule on one element of one page, however many people met it; journey-blocking issues come first. Open an issue's details for the element, the standards, the steps to reproduce and the evidence.</p>
${issues.length ? filters(issues) : ''}
${issues.map((i, n) => issueCard(i, n + 1, r.files, r.exhibits)).join('\n') || '<p>No barrier issues.</p>'}
</section>
${exhibitsSection(r.exhibits)}
${bestPractice.length ? `<section aria-labelledby="bp-h"><h2 id="bp-h">Best practice (${bestPractice.length})</h2><ul>${bestPractice.map((i) => `<li><code>${h(i.ruleId)}</code> on <code>${h(clip(i.pagePath, 200))}</code>: ${h(clip(i.message, 300))} (${i.occurrences.length}×)</li>`).join('')}</ul></section>` : ''}
</main>
<script>${FILTER_SCRIPT}</script>
</body></html>`;
}

let cachedHash: string | undefined;
function scriptHash(): string {
  return (cachedHash ??= createHash('sha256').update(FILTER_SCRIPT).digest('base64'));
}
