import { escape } from 'html-escaper';
import type { Finding, RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { describeCriterion } from '../standards/requirements.ts';

const e = (s: unknown) => escape(String(s ?? ''));

function criteria(f: Finding): string {
  const wcag = f.requirements.wcag.map((sc) => {
    const d = describeCriterion(sc);
    return `<li><strong>WCAG ${e(d.label)}</strong> · ${e(d.section508)}</li>`;
  });
  const other = f.requirements.other.map((o) => `<li>${e(o)}</li>`);
  const tt = f.requirements.trustedTester.length ? [`<li>Trusted Tester ${e(f.requirements.trustedTester.join(', '))}</li>`] : [];
  const en = f.requirements.en301549.length ? [`<li>EN 301 549 ${e(f.requirements.en301549.join(', '))}</li>`] : [];
  return `<ul class="criteria">${[...wcag, ...tt, ...en, ...other].join('')}</ul>`;
}

function findingCard(f: Finding): string {
  const shots = f.evidence.filter((x) => x.kind === 'screenshot' && x.path);
  const files = f.evidence.filter((x) => x.kind !== 'screenshot' && x.path);
  return `<article class="finding ${e(f.impact ?? '')}">
<h4>${e(f.message)}</h4>
<p class="meta">${e(f.ruleId)} · ${e(f.impact ?? 'impact n/a')} · engines: ${e(f.engines.join(', '))} · <code>${e(f.fingerprint)}</code></p>
${criteria(f)}
${f.selector ? `<p>Element: <code>${e(f.selector)}</code></p>` : ''}
${f.snippet ? `<pre><code>${e(f.snippet)}</code></pre>` : ''}
${f.helpUrl ? `<p><a href="${e(f.helpUrl)}">How to fix</a></p>` : ''}
${files.map((x) => `<p><a href="${e(x.path)}">${e(x.description)}</a></p>`).join('')}
${shots.slice(0, 1).map((x) => `<figure><a href="${e(x.path)}"><img src="${e(x.path)}" alt="Screenshot: ${e(x.description)}" loading="lazy"></a><figcaption>${e(x.description)}</figcaption></figure>`).join('')}
</article>`;
}

/** A self-contained HTML report of a run (pure: bundle in, HTML out; every value escaped). */
export function renderHtml(bundle: RunBundle, title = 'Portico report'): string {
  const barriers = bundle.findings.filter(isBarrier);
  const byPersona = new Map<string, Finding[]>();
  for (const f of barriers) {
    const key = f.context.persona ?? 'page audit';
    byPersona.set(key, [...(byPersona.get(key) ?? []), f]);
  }
  const status = { clean: 'No barriers found by the automated checks', barriers: `${barriers.length} barrier(s) found`, incomplete: 'INCOMPLETE: some checks could not run; this is not a pass' }[bundle.status];
  const sections = [...byPersona.entries()].map(([persona, list]) => {
    const bySteps = new Map<string, Finding[]>();
    for (const f of list) bySteps.set(f.context.step ?? f.context.checkpoint, [...(bySteps.get(f.context.step ?? f.context.checkpoint) ?? []), f]);
    return `<section><h2>${e(persona)} — ${list.length} finding(s)</h2>${[...bySteps.entries()].map(([step, fs]) => `<h3>Step: ${e(step)}</h3>${fs.map(findingCard).join('')}`).join('')}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1b1b1b}
.status{padding:.75rem 1rem;border-left:6px solid #1a4fd6;background:#eef3ff}.status.incomplete{border-color:#b50909;background:#fff0f0}.status.barriers{border-color:#b35c00;background:#fff5e6}
.finding{border:1px solid #c9c9c9;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}.finding.critical{border-left:6px solid #b50909}.finding.serious{border-left:6px solid #b35c00}
.meta{color:#4a4a4a;font-size:.9rem}pre{white-space:pre-wrap;background:#f5f5f5;padding:.5rem}img{max-width:100%;max-height:24rem;border:1px solid #c9c9c9}
a:focus,a:focus-visible{outline:3px solid #1a4fd6;outline-offset:2px}table{border-collapse:collapse}td,th{border:1px solid #c9c9c9;padding:.25rem .5rem;text-align:left}
</style></head><body><main>
<h1>${e(title)}</h1>
<p class="status ${e(bundle.status)}" role="status">${e(status)}</p>
<p>Started ${e(bundle.startedAt)} · finished ${e(bundle.finishedAt)} · ${Object.entries(bundle.versions).map(([k, v]) => `${e(k)} ${e(v)}`).join(' · ')}</p>
${bundle.incomplete.length ? `<h2>Could not check</h2><ul>${bundle.incomplete.map((i) => `<li><strong>${e(i.where)}</strong>: ${e(i.cause)}</li>`).join('')}</ul>` : ''}
${sections.join('\n') || '<p>No failed findings.</p>'}
</main></body></html>`;
}
