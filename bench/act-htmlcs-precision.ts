/**
 * How far each HTML_CodeSniffer check can be trusted, measured on the ACT test cases. Pure.
 *
 * A check's report on a case counts only where the case's rule is about one of the check's
 * criteria, or of the axe rule Portico files it under (H30.2 is a 1.1.1 check reported as axe's
 * link-name, 2.4.4 and 4.1.2): an ACT case is built to pass or fail its own rule, other criteria on
 * the page are not what it tests. It is right on an expected-failed case, wrong on a passed or
 * inapplicable one.
 */
import { htmlcsCheckId, parseHtmlcsCode } from '../harness/standards/htmlcs-codes.ts';
import { canonicalRuleId, isHtmlcsOnlyRule } from '../harness/findings/rule-equivalence.ts';
import { wcagFromAxeTags } from '../harness/standards/wcag.ts';
import { axeRuleMeta } from '../audits/engines/axe-tags.ts';
import type { HtmlcsIssueArtifact } from '../harness/gatherers/types.ts';
import type { ActRule } from './act-measure.ts';

export interface CheckPrecision {
  check: string;
  type: 'error' | 'warning';
  /** Expected-failed cases it reported on. */
  onFailed: number;
  /** Passed or inapplicable cases it reported on. */
  onOther: number;
  otherCases: string[];
}

export function htmlcsPrecision(rules: readonly ActRule[], issuesOf: (testcaseId: string) => HtmlcsIssueArtifact[] | undefined): CheckPrecision[] {
  const table = new Map<string, CheckPrecision>();
  for (const rule of rules) {
    const criteria = new Set([...rule.requirements.conformance, ...rule.requirements.secondary]);
    for (const c of rule.cases) {
      const seen = new Set<string>();
      for (const issue of issuesOf(c.testcaseId) ?? []) {
        if (issue.type !== 'error' && issue.type !== 'warning') continue;
        const parsed = parseHtmlcsCode(issue.code);
        if (!parsed) continue;
        const filedUnder = canonicalRuleId('htmlcs', issue.code, /^<([a-z0-9-]+)/i.exec(issue.context ?? '')?.[1]);
        const axeCriteria = isHtmlcsOnlyRule(filedUnder) ? [] : wcagFromAxeTags(axeRuleMeta(filedUnder)?.tags ?? []);
        if (![...parsed.sc, ...axeCriteria].some((sc) => criteria.has(sc))) continue;
        const check = htmlcsCheckId(parsed);
        const key = `${issue.type}|${check}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const row = table.get(key) ?? { check, type: issue.type, onFailed: 0, onOther: 0, otherCases: [] };
        if (c.expected === 'failed') row.onFailed++;
        else { row.onOther++; row.otherCases.push(`${rule.id}/${c.testcaseId.slice(0, 7)}`); }
        table.set(key, row);
      }
    }
  }
  return [...table.values()].sort((a, b) => b.onOther - a.onOther || b.onFailed - a.onFailed || a.check.localeCompare(b.check));
}

/** Precision as a share: reports on failed cases over all reports; undefined with no reports. */
export const precisionOf = (p: CheckPrecision) => (p.onFailed + p.onOther ? p.onFailed / (p.onFailed + p.onOther) : undefined);
