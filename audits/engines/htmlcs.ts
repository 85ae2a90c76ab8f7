import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { HtmlcsIssueArtifact } from '../../harness/gatherers/types.ts';
import { parseHtmlcsCode } from '../../harness/standards/htmlcs-codes.ts';
import { canonicalRuleId } from '../../harness/findings/rule-equivalence.ts';
import { unearnedHtmlcsCheck } from '../../harness/findings/htmlcs-precision.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * HTML_CodeSniffer (through pa11y), per element; codes parsed into criteria and techniques.
 *
 * - An error is a barrier only where its check has earned it: a check measured to fail passing
 *   ACT test cases (harness/findings/htmlcs-precision.ts) is reported `cantTell`, and becomes a
 *   barrier only when another engine or a Portico audit fails the same element under the same
 *   criterion (harness/findings/corroborate.ts).
 * - A warning tied to a criterion is `cantTell` — something for a person to look at — never a barrier.
 * - Notices are not findings (the gatherer does not keep them).
 */
export const htmlcsAudit: Audit = {
  meta: {
    id: 'htmlcs',
    title: 'HTML_CodeSniffer finds no WCAG 2 AA errors',
    failureTitle: 'HTML_CodeSniffer finds WCAG 2 AA errors',
    description: "Runs pa11y's HTML_CodeSniffer runner (WCAG2AA) on the live page; errors of checks that have earned it are failures, other errors and warnings need a person (cantTell).",
    requiredArtifacts: ['htmlcs'],
    requirements: {},
    mode: 'automatic',
    rules: 'engine',
  },
  audit(artifacts: Artifacts): AuditResult {
    const htmlcs = gathered(artifacts, 'htmlcs');
    const findings: DraftFinding[] = [];
    let errors = 0, unearned = 0, warnings = 0;
    for (const issue of htmlcs.issues) {
      const parsed = parseHtmlcsCode(issue.code);
      if (issue.type === 'error') {
        errors++;
        const gate = unearnedHtmlcsCheck(issue.code);
        if (gate) unearned++;
        findings.push(draft(issue, gate ? 'cantTell' : 'failed', gate ? ` (HTML_CodeSniffer's check ${gate.check} failed ${gate.falseFails} passing ACT test case(s): a barrier only when another engine agrees)` : ''));
      } else if (issue.type === 'warning' && parsed && parsed.sc.length) {
        warnings++;
        findings.push(draft(issue, 'cantTell', ' (HTML_CodeSniffer warning: needs a person to check)'));
      }
    }
    return {
      outcome: findings.some((f) => f.outcome === 'failed') ? 'failed' : 'passed',
      findings,
      notes: [`HTML_CodeSniffer ${htmlcs.version} (pa11y ${htmlcs.pa11yVersion}): ${errors} errors (${unearned} of checks that fail passing cases, reported cantTell), ${warnings} warnings tied to a criterion (cantTell)`],
    };
  },
};

function draft(issue: HtmlcsIssueArtifact, outcome: 'failed' | 'cantTell', suffix: string): DraftFinding {
  const parsed = parseHtmlcsCode(issue.code);
  return {
    engines: ['htmlcs'],
    ruleId: canonicalRuleId('htmlcs', issue.code, /^<([a-z0-9-]+)/i.exec(issue.context ?? '')?.[1]),
    engineRules: { htmlcs: issue.code },
    outcome,
    message: issue.message + suffix,
    selector: issue.selector,
    domPath: issue.domPath ?? undefined,
    snippet: issue.context ?? undefined,
    helpUrl: parsed?.techniques[0] ? `https://www.w3.org/WAI/WCAG21/Techniques/${techniqueFolder(parsed.techniques[0])}/${parsed.techniques[0]}` : undefined,
    wcag: parsed?.sc ?? [],
  };
}

function techniqueFolder(technique: string): string {
  const prefix = /^[A-Z]+/.exec(technique)?.[0] ?? '';
  return { H: 'html', G: 'general', F: 'failures', ARIA: 'aria', C: 'css', SCR: 'client-side-script', PDF: 'pdf' }[prefix] ?? 'general';
}
