import { isBarrier } from '../bundle.ts';
import { describeCriterion } from '../standards/requirements.ts';
import { compareSc } from '../standards/wcag.ts';
import { en301549Clause } from '../standards/en301549.ts';
import { countIssues, groupIssues, issueCountText, type Issue } from './issues.ts';
import { clip, h } from './safe-text.ts';
import { signingText, type RenderInput } from './render-input.ts';
import { cropFor } from './exhibits.ts';
import { cropFigure, exhibitLinkFor, exhibitsSection } from './exhibit-html.ts';

export interface ComplaintOptions {
  /** How an evidence file (relative to the run directory) is addressed from the printed page. */
  assetUrl: (path: string) => string | undefined;
  maxScreenshots?: number;
}

function who(i: Issue): string {
  return i.personas.length ? i.personas.join(', ') : 'the page audit';
}

/**
 * The complaint packet as HTML, to be printed to PDF by Chromium: who is blocked where, the
 * standards violated, the evidence, dates, versions and the manifest's SHA-256. Plain words;
 * everything from the target is escaped. Pure.
 */
export function renderComplaintHtml(input: RenderInput, options: ComplaintOptions): string {
  const { bundle } = input;
  const issues = groupIssues(bundle.findings.filter(isBarrier));
  const counts = countIssues(issues);
  const blocking = issues.filter((i) => i.blocking);
  const others = issues.filter((i) => !i.blocking);
  const target = String(bundle.meta?.target ?? (Array.isArray(bundle.meta?.pages) ? (bundle.meta!.pages as string[]).join(', ') : 'the audited pages'));
  const criteria = [...new Set(issues.flatMap((i) => i.requirements.wcag))].sort(compareSc);
  const otherRefs = [...new Set(issues.flatMap((i) => i.requirements.other))];
  const shots = (options.maxScreenshots ?? 6);
  let shown = 0;
  const screenshot = (i: Issue) => {
    if (shown >= shots) return '';
    for (const o of i.occurrences) for (const e of o.evidence) {
      if (e.kind !== 'screenshot' || !e.path) continue;
      const src = options.assetUrl(e.path);
      if (!src) continue;
      shown++;
      return `<figure><img src="${h(src)}" alt="Screenshot: what ${h(o.persona ?? 'the page audit')} saw at step ${h(o.step)}"><figcaption>${h(clip(e.description, 200))} (file ${h(e.path)})</figcaption></figure>`;
    }
    return '';
  };
  const crop = (i: Issue) => {
    for (const o of i.occurrences) {
      const c = cropFor(input.exhibits, { domPath: i.element, persona: o.persona, flow: o.flow, step: o.step });
      const src = c ? options.assetUrl(c.path) : undefined;
      if (c && src) return cropFigure(c, src, i.selector ?? i.element, `crop-${i.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`);
    }
    return '';
  };
  const exhibit = (i: Issue) => {
    const x = i.occurrences.map((o) => exhibitLinkFor(input.exhibits, o, i)).find(Boolean);
    return x ? `<p><strong>Evidence chart:</strong> <a href="${h(x.href)}">${h(x.text)}</a>, in “Charts and their numbers” below.</p>` : '';
  };
  const issueBlock = (i: Issue, n: number) => `<section class="issue"><h3>${n}. ${h(clip(i.message.split('\n')[0], 300))}</h3>
<p><strong>Who:</strong> ${h(who(i))}. <strong>Where:</strong> step ${h(i.steps.join(', '))}, page <code>${h(clip(i.pagePath, 200))}</code>. <strong>How often:</strong> ${i.occurrences.length} time(s).</p>
<p><strong>Standards:</strong> ${h([...i.requirements.wcag.map((sc) => `WCAG ${describeCriterion(sc).label} (${describeCriterion(sc).section508})`), ...i.requirements.other].join('; ') || 'none cited')}.</p>
<p><strong>To reproduce:</strong> ${i.occurrences[0].persona ? `walk the journey "${h(i.occurrences[0].flow ?? '')}" as ${h(i.occurrences[0].persona)} to the step "${h(i.occurrences[0].step)}" at <code>${h(clip(i.occurrences[0].url, 300))}</code>` : `open <code>${h(clip(i.occurrences[0].url, 300))}</code>`}${i.selector ? ` and look at the element <code>${h(clip(i.selector, 300))}</code>` : ''}. Tools that agree: ${h(i.engines.join(', '))}. Issue id ${h(i.id)}.</p>
${exhibit(i)}${crop(i)}${screenshot(i)}</section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src file: data:; style-src 'unsafe-inline'">
<title>Accessibility complaint packet: ${h(target)}</title>
<style>body{font:11pt/1.45 system-ui,sans-serif;color:#111;margin:0}h1{font-size:20pt}h2{font-size:15pt;margin-top:1.4em;border-bottom:1px solid #999}h3{font-size:12pt}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3pt 5pt;text-align:left;vertical-align:top}code{font-size:9.5pt;word-break:break-all}
img{max-width:100%;max-height:9cm;border:1px solid #999}.issue{break-inside:avoid}.unsigned{color:#8a1c1c;font-weight:700}.chart,.exhibit table{break-inside:avoid}.chart svg,.crop svg{max-width:100%;height:auto}td.marked{background:#fde2e2}</style></head>
<body><main>
<h1>Accessibility complaint packet: ${h(target)}</h1>
<p>This packet was produced by Portico ${h(bundle.tool.version)}, an automated accessibility test tool, from a run on ${h(bundle.startedAt.slice(0, 10))}. A real browser walked the service's journeys the way particular people use it (for example, with a screen reader, or with a keyboard only) and recorded every barrier each person met, with evidence.</p>
<h2>In short</h2>
<ul>
<li>${blocking.length ? `<strong>${blocking.length} barrier(s) stop people from finishing</strong>: ${h([...new Set(blocking.flatMap((i) => i.personas))].join(', ') || 'the page audit')}.` : 'No person was stopped from finishing a journey by the automated checks.'}</li>
<li>In all, ${h(issueCountText(counts))} were found, on ${criteria.length} WCAG success criteria.</li>
<li>Run status: ${h(bundle.status)}${bundle.status === 'incomplete' ? ` — some checks could not run, so this list is not complete: ${h(bundle.incomplete.map((i) => `${i.where}: ${i.cause}`).join('; '))}` : ''}.</li>
</ul>
<h2>Who is blocked, and where</h2>
${blocking.length ? blocking.map((i, n) => issueBlock(i, n + 1)).join('') : '<p>Nobody was blocked in this run.</p>'}
<h2>Standards violated</h2>
${criteria.length || otherRefs.length ? `<table><thead><tr><th scope="col">WCAG 2.2 success criterion</th><th scope="col">Section 508</th><th scope="col">EN 301 549</th></tr></thead><tbody>
${criteria.map((sc) => `<tr><td>${h(describeCriterion(sc).label)}</td><td>${h(describeCriterion(sc).section508)}</td><td>${h(en301549Clause(sc) ?? 'no V3.2.1 clause')}</td></tr>`).join('')}</tbody></table>
${otherRefs.length ? `<p>Other references cited: ${h(otherRefs.join('; '))}.</p>` : ''}` : '<p>None.</p>'}
<h2>Other barriers found</h2>
${others.length ? others.slice(0, 25).map((i, n) => issueBlock(i, blocking.length + n + 1)).join('') + (others.length > 25 ? `<p>… and ${others.length - 25} more, listed in report.html in the evidence bundle.</p>` : '') : '<p>None.</p>'}
${exhibitsSection(input.exhibits, 'exhibits-h', { open: true })}
<h2>Dates, tools and integrity</h2>
<table><tbody>
<tr><th scope="row">Run started</th><td>${h(bundle.startedAt)}</td></tr>
<tr><th scope="row">Run finished</th><td>${h(bundle.finishedAt)}</td></tr>
<tr><th scope="row">Tool and browser versions</th><td>Portico ${h(bundle.tool.version)}; ${h(Object.entries(bundle.versions).map(([k, v]) => `${k} ${v}`).join('; '))}</td></tr>
${bundle.meta?.profile ? `<tr><th scope="row">Configuration</th><td>profile ${h(bundle.meta.profile)}${bundle.meta.defects ? `, defects ${h(bundle.meta.defects)}` : ''}; personas ${h(bundle.meta.personas ?? '')}</td></tr>` : ''}
<tr><th scope="row">Evidence manifest (manifest.json) SHA-256</th><td><code>${h(input.manifest?.sha256 ?? 'not written')}</code></td></tr>
<tr><th scope="row">Signature</th><td class="${input.signing.signed ? '' : 'unsigned'}">${h(signingText(input.signing))}</td></tr>
</tbody></table>
<p>The evidence bundle holds every screenshot, screen-reader transcript, keyboard tab sequence and the full findings, each listed in manifest.json with its SHA-256. Anyone can check that nothing was changed with <code>portico verify &lt;bundle&gt;${input.signing.signed ? ' --key &lt;public key&gt;' : ''}</code>.</p>
<p>Automated checks find some barriers, never all: people should review these results before relying on them.</p>
</main></body></html>`;
}
