import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { HtmlcsArtifact } from '../../harness/gatherers/types.ts';
import { parseHtmlcsCode } from '../../harness/standards/htmlcs-codes.ts';
import { canonicalRuleId } from '../../harness/findings/rule-equivalence.ts';

/** HTML_CodeSniffer (through pa11y) errors, per element; codes parsed into criteria and techniques. */
export const htmlcsAudit: Audit = {
  meta: {
    id: 'htmlcs',
    title: 'HTML_CodeSniffer finds no WCAG 2 AA errors',
    failureTitle: 'HTML_CodeSniffer finds WCAG 2 AA errors',
    description: "Runs pa11y's HTML_CodeSniffer runner (WCAG2AA) on the live page; only errors are failures, its warnings and notices need a person.",
    requiredArtifacts: ['htmlcs'],
    requirements: {},
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const htmlcs = artifacts.gathered.htmlcs as HtmlcsArtifact;
    const errors = htmlcs.issues.filter((i) => i.type === 'error');
    const findings = errors.map((issue): DraftFinding => {
      const parsed = parseHtmlcsCode(issue.code);
      return {
        engines: ['htmlcs'],
        ruleId: canonicalRuleId('htmlcs', issue.code, /^<([a-z0-9-]+)/i.exec(issue.context ?? '')?.[1]),
        engineRules: { htmlcs: issue.code },
        outcome: 'failed',
        message: issue.message,
        selector: issue.selector,
        domPath: issue.domPath ?? undefined,
        snippet: issue.context ?? undefined,
        helpUrl: parsed?.techniques[0] ? `https://www.w3.org/WAI/WCAG21/Techniques/${techniqueFolder(parsed.techniques[0])}/${parsed.techniques[0]}` : undefined,
        wcag: parsed?.sc ?? [],
      };
    });
    return {
      outcome: findings.length ? 'failed' : 'passed',
      findings,
      notes: [`HTML_CodeSniffer ${htmlcs.version} (pa11y ${htmlcs.pa11yVersion}): ${errors.length} errors`],
    };
  },
};

function techniqueFolder(technique: string): string {
  const prefix = /^[A-Z]+/.exec(technique)?.[0] ?? '';
  return { H: 'html', G: 'general', F: 'failures', ARIA: 'aria', C: 'css', SCR: 'client-side-script', PDF: 'pdf' }[prefix] ?? 'general';
}
