import type { DraftFinding, Evidence, Impact } from '../../harness/types.ts';
import type { LayoutIssue } from '../../harness/gatherers/probes/layout.ts';

/** Shared wording for the low-vision layout audits (reflow, resize-text, text-spacing). */
export const MAX_ELEMENT_FINDINGS = 25;

export function layoutFinding(issue: LayoutIssue, p: { ruleId: string; wcag: string[]; when: string; impact?: Impact; evidence: Evidence[] }): DraftFinding {
  const text = issue.text ? ` "${issue.text}"` : '';
  let message: string;
  if (issue.kind === 'clipped' && issue.box) {
    const b = issue.box;
    const lost = [b.scrollWidth > b.clientWidth ? `${b.scrollWidth - b.clientWidth} px of width` : '', b.scrollHeight > b.clientHeight ? `${b.scrollHeight - b.clientHeight} px of height` : ''].filter(Boolean).join(' and ');
    message = `${p.when}, text is cut off: <${issue.tag}>${text} shows ${b.clientWidth}×${b.clientHeight} px of content that needs ${b.scrollWidth}×${b.scrollHeight} px (${lost} hidden by overflow ${b.overflowX === b.overflowY ? b.overflowX : `${b.overflowX}/${b.overflowY}`}${b.textOverflow === 'ellipsis' ? ' with an ellipsis' : ''}).`;
  } else if (issue.kind === 'overlap' && issue.other) {
    message = `${p.when}, text overlaps other text: <${issue.tag}>${text} is drawn over <${issue.other.tag}> "${issue.other.text}" (${issue.other.domPath}).`;
  } else {
    message = `${p.when}, content is pushed off-screen: <${issue.tag}>${text} spans x=${issue.rect.x}…${issue.rect.x + issue.rect.width} px, beyond the viewport.`;
  }
  return {
    engines: ['portico'],
    ruleId: p.ruleId,
    outcome: 'failed',
    impact: p.impact ?? 'serious',
    message,
    selector: issue.domPath,
    domPath: issue.domPath,
    snippet: issue.snippet,
    wcag: p.wcag,
    evidence: p.evidence,
  };
}

export function capFindings(findings: DraftFinding[], notes: string[]): DraftFinding[] {
  if (findings.length <= MAX_ELEMENT_FINDINGS) return findings;
  notes.push(`${findings.length} elements affected; the first ${MAX_ELEMENT_FINDINGS} are reported`);
  return findings.slice(0, MAX_ELEMENT_FINDINGS);
}
