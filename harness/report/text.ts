import type { Finding, RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { describeCriterion } from '../standards/requirements.ts';
import { terminalSafe } from './terminal-safe.ts';
import { renderGateText } from '../gate/gate.ts';
import { countIssues, groupIssues, issueCountText, type Issue } from './issues.ts';
import { stripControls } from './safe-text.ts';
import { signingText, type SigningState } from './render-input.ts';

/** Page text goes to terminals and CI logs: no control characters or escape sequences, one line. */
const line = (s: string, max = 200) => stripControls(s).replace(/[\r\n\t]+/g, ' ').slice(0, max);

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

/** Issues by criterion: an issue citing two criteria is listed under both. */
function issuesByCriterion(issues: Issue[]): Array<{ title: string; issues: Issue[] }> {
  const byFinding = new Map<string, Issue>();
  const reps: Finding[] = [];
  for (const i of issues) {
    const rep = { requirements: i.requirements, fingerprint: i.id } as Finding;
    byFinding.set(i.id, i);
    reps.push(rep);
  }
  return groupByCriterion(reps).map((g) => ({ title: g.title, issues: g.findings.map((f) => byFinding.get(f.fingerprint)!) }));
}

function where(i: Issue): string {
  const who = i.personas.length ? `${i.personas.join(', ')} at ${i.steps.join(', ')}` : 'page audit';
  return `${line(i.pagePath, 120)} → ${line(i.selector ?? i.element, 160)}  [${i.engines.join(', ')}]${i.impact ? ` ${i.impact}` : ''} · met ${i.occurrences.length}× by ${line(who, 300)}`;
}

/** A summary a person can read in a terminal. Pure: bundle in, text out. Content is printed as data, never interpreted. */
export function renderText(bundle: RunBundle, options: { written?: string[]; maxPerGroup?: number; signing?: SigningState } = {}): string {
  const max = options.maxPerGroup ?? 8;
  const lines: string[] = [];
  const issues = groupIssues(bundle.findings.filter(isBarrier));
  const counts = countIssues(issues);
  const bestPractice = groupIssues(bundle.findings.filter((f) => f.outcome === 'failed' && f.category === 'best-practice'));
  const checkpoints = new Set(bundle.verdicts.map((v) => `${v.context?.persona ?? ''}|${v.checkpoint}|${v.url}`));
  const groups = issuesByCriterion(issues);

  const headline = {
    clean: 'CLEAN — no barriers found by the automated checks',
    barriers: `BARRIERS — ${issueCountText(counts)} on ${groups.length} criteria${counts.blocking ? `; ${counts.blocking} block a journey` : ''}`,
    incomplete: `INCOMPLETE — ${bundle.incomplete.length} thing(s) could not be checked; this is NOT a pass`,
  }[bundle.status];
  lines.push(`Portico: ${headline}`);
  const person = needsAPerson(bundle);
  lines.push(`  Needs a person: ${person.cantTell} check(s) the automated audits could not decide (cantTell) · ${person.untested} untested`);
  lines.push(`  ${checkpoints.size} checkpoint(s) audited · ${Object.entries(bundle.versions).filter(([k]) => ['chromium', 'axe-core', 'html_codesniffer', 'lighthouse'].includes(k)).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
  if (options.signing) lines.push(`  evidence: ${signingText(options.signing)}`);

  if (bundle.incomplete.length) {
    lines.push('', 'Could not check:');
    for (const i of bundle.incomplete) lines.push(`  ✗ ${line(i.where, 300)}: ${line(i.cause, 500)}`);
  }
  if (bundle.status === 'incomplete' && issues.length) lines.push('', `Barriers found in what could be checked: ${issueCountText(counts)}`);

  const blocking = issues.filter((i) => i.blocking);
  if (blocking.length) {
    lines.push('', `Blocks a journey — ${issueCountText(countIssues(blocking))}`);
    for (const i of blocking.slice(0, max)) lines.push(`  ✗ ${line(i.message, 300)}`, `    ${where(i)}`);
    if (blocking.length > max) lines.push(`  … and ${blocking.length - max} more (see report.html)`);
  }
  for (const group of groups) {
    lines.push('', `${group.title} — ${issueCountText(countIssues(group.issues))}`);
    for (const i of group.issues.slice(0, max)) {
      lines.push(`  • ${line(i.message)}`);
      lines.push(`    ${where(i)}`);
    }
    if (group.issues.length > max) lines.push(`  … and ${group.issues.length - max} more (see report.html)`);
  }
  if (bestPractice.length) lines.push('', `Best practice (reported apart, not counted as barriers): ${issueCountText(countIssues(bestPractice))} — ${[...new Set(bestPractice.map((i) => i.ruleId))].join(', ')}`);
  if (bundle.gateReport) lines.push('', 'CI gate:', ...renderGateText(bundle).split('\n').map((l) => `  ${terminalSafe(l)}`));
  if (options.written?.length) lines.push('', 'Written:', ...options.written.map((w) => `  ${w}`));
  // Each entry is one line: whatever a page or an engine put into it cannot start another.
  return terminalSafe(lines.map((l) => stripControls(l).replace(/[\r\n]+/g, ' ')).join('\n'));
}
