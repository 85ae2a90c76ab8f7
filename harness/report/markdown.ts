import type { RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { renderGateText } from '../gate/gate.ts';
import { countIssues, groupIssues, issueCountText } from './issues.ts';
import { stripControls } from './safe-text.ts';

/**
 * Page text in Markdown that GitHub and GitLab render (HTML included): everything that could
 * become markup — tags, links, emphasis, table pipes, code spans — is escaped; one line per cell.
 */
export function mdText(s: string, max = 200): string {
  return stripControls(s).replace(/[\r\n\t]+/g, ' ').slice(0, max)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}

/** summary.md: the verdict, the gate and a table of issues, for a CI job summary or a merge request comment. */
export function renderMarkdown(bundle: RunBundle, title = 'Portico'): string {
  const issues = groupIssues(bundle.findings.filter(isBarrier));
  const status = bundle.gate ?? bundle.status;
  const verdict = status === 'clean' ? '✅ no barriers found' : status === 'barriers' ? `❌ ${issueCountText(countIssues(issues))}` : '⚠️ incomplete — not a pass';
  const lines = [`## ${mdText(title)}: ${verdict}`, ''];
  if (bundle.incomplete.length) {
    lines.push('**Could not check:**', '', ...bundle.incomplete.slice(0, 20).map((i) => `- ${mdText(i.where)}: ${mdText(i.cause, 300)}`), '');
  }
  if (bundle.gateReport) lines.push('**CI gate:**', '', ...renderGateText(bundle).split('\n').map((l) => `- ${mdText(l, 400)}`), '');
  if (issues.length) {
    lines.push('| rule | criteria | where | impact | met |', '|---|---|---|---|---|');
    for (const i of issues.slice(0, 50)) {
      const criteria = [...i.requirements.wcag, ...(i.requirements.wcag.length ? [] : i.requirements.other)].join(', ') || '—';
      lines.push(`| ${mdText(i.ruleId, 80)} | ${mdText(criteria, 80)} | ${mdText(i.pagePath, 80)} → ${mdText(i.selector ?? i.element, 120)} | ${i.impact ?? '—'} | ${i.occurrences.length}× |`);
    }
    if (issues.length > 50) lines.push('', `… and ${issues.length - 50} more: see report.html.`);
  }
  return lines.join('\n') + '\n';
}
