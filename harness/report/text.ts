import type { Finding, RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { describeCriterion } from '../standards/requirements.ts';
import { oneLine, terminalSafe } from './terminal-safe.ts';

const engineList = (f: Finding) => f.engines.join(', ');

function where(f: Finding): string {
  const c = f.context;
  const journey = [c.persona, c.flow, c.step ?? c.checkpoint].filter(Boolean).join(' › ');
  let path = c.url;
  try { path = new URL(c.url).pathname; } catch { /* keep as is */ }
  return oneLine(journey && c.checkpoint !== 'page' ? `${journey} (${path})` : path);
}

/** Groups barrier findings by WCAG criterion (or by their other reference when they cite no WCAG). */
export function groupByCriterion(findings: Finding[]): Array<{ key: string; title: string; findings: Finding[] }> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const keys = f.requirements.wcag.length ? f.requirements.wcag : f.requirements.other.length ? [f.requirements.other[0]] : ['(no criterion)'];
    for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const sortKey = (k: string) => (/^\d+\.\d+\.\d+$/.test(k) ? k.split('.').map((n) => n.padStart(3, '0')).join('.') : `~${k}`);
  return [...groups.entries()]
    .sort(([a], [b]) => sortKey(a).localeCompare(sortKey(b)))
    .map(([key, list]) => {
      if (!/^\d/.test(key)) return { key, title: key, findings: list };
      const d = describeCriterion(key);
      return { key, title: `${d.label} · ${d.section508}`, findings: list };
    });
}

/** Checks the automated audits could not decide (cantTell verdicts and findings) and audit verdicts that were not tried (untested). */
export function needsAPerson(bundle: RunBundle): { cantTell: number; untested: number } {
  const undecided = bundle.verdicts.filter((v) => v.outcome === 'cantTell' && v.findingCount === 0).length;
  return { cantTell: undecided + bundle.findings.filter((f) => f.outcome === 'cantTell').length, untested: bundle.verdicts.filter((v) => v.outcome === 'untested').length };
}

/** A summary a person can read in a terminal. Pure: bundle in, text out. Content is printed as data, never interpreted. */
export function renderText(bundle: RunBundle, options: { written?: string[]; maxPerGroup?: number } = {}): string {
  const max = options.maxPerGroup ?? 8;
  const lines: string[] = [];
  const barriers = bundle.findings.filter(isBarrier);
  const bestPractice = bundle.findings.filter((f) => f.outcome === 'failed' && f.category === 'best-practice');
  const checkpoints = new Set(bundle.verdicts.map((v) => `${v.context?.persona ?? ''}|${v.checkpoint}|${v.url}`));

  const headline = {
    clean: 'CLEAN — no barriers found by the automated checks',
    barriers: `BARRIERS — ${barriers.length} finding(s) on ${groupByCriterion(barriers).length} criteria`,
    incomplete: `INCOMPLETE — ${bundle.incomplete.length} thing(s) could not be checked; this is NOT a pass`,
  }[bundle.status];
  lines.push(`Portico: ${headline}`);
  const person = needsAPerson(bundle);
  lines.push(`  Needs a person: ${person.cantTell} check(s) the automated audits could not decide (cantTell) · ${person.untested} untested`);
  lines.push(`  ${checkpoints.size} checkpoint(s) audited · ${Object.entries(bundle.versions).filter(([k]) => ['chromium', 'axe-core', 'html_codesniffer', 'lighthouse'].includes(k)).map(([k, v]) => `${k} ${v}`).join(' · ')}`);

  if (bundle.incomplete.length) {
    lines.push('', 'Could not check:');
    for (const i of bundle.incomplete) lines.push(`  ✗ ${oneLine(i.where)}: ${oneLine(i.cause)}`);
  }
  if (bundle.status === 'incomplete' && barriers.length) lines.push('', `Barriers found in what could be checked: ${barriers.length}`);

  for (const group of groupByCriterion(barriers)) {
    lines.push('', `${group.title} — ${group.findings.length} finding(s)`);
    for (const f of group.findings.slice(0, max)) {
      lines.push(`  • ${oneLine(f.message).slice(0, 200)}`);
      lines.push(`    at ${where(f)} → ${oneLine(f.selector ?? f.domPath ?? '(page)')}  [${engineList(f)}]${f.impact ? ` ${f.impact}` : ''}`);
    }
    if (group.findings.length > max) lines.push(`  … and ${group.findings.length - max} more (see findings.json)`);
  }
  if (bestPractice.length) lines.push('', `Best practice (reported apart, not counted as barriers): ${bestPractice.length} — ${[...new Set(bestPractice.map((f) => f.ruleId))].join(', ')}`);
  if (options.written?.length) lines.push('', 'Written:', ...options.written.map((w) => `  ${w}`));
  return terminalSafe(lines.join('\n'));
}
