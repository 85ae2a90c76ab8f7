import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { axeRuleMeta } from './axe-tags.ts';
import { wcagFromAxeTags } from '../../harness/standards/wcag.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * Lighthouse's accessibility audits are axe rules run by Lighthouse's own copy of axe: their ids
 * are axe rule ids, so a Lighthouse failure merges with axe's on the same element (one finding,
 * two engines). WCAG criteria come from axe's own metadata for that rule.
 */
export const lighthouseAccessibilityAudit: Audit = {
  meta: {
    id: 'lighthouse-accessibility',
    title: "Lighthouse's accessibility audits pass",
    failureTitle: "Lighthouse's accessibility audits fail",
    description: 'Failing binary audits of the Lighthouse accessibility category, per element.',
    requiredArtifacts: ['lighthouse'],
    requirements: {},
    mode: 'automatic',
    rules: 'engine',
  },
  audit(artifacts: Artifacts): AuditResult {
    const lh = gathered(artifacts, 'lighthouse');
    const category = lh.categories.accessibility;
    if (!category) return { outcome: 'untested', findings: [], notes: ['Lighthouse ran without the accessibility category'] };
    const ids = new Set(category.auditIds);
    const findings: DraftFinding[] = [];
    for (const audit of lh.audits) {
      if (!ids.has(audit.id) || audit.scoreDisplayMode !== 'binary' || audit.score !== 0) continue;
      const meta = axeRuleMeta(audit.id);
      const wcag = wcagFromAxeTags(meta?.tags ?? []);
      for (const item of audit.items) {
        findings.push({
          engines: ['lighthouse'],
          ruleId: audit.id,
          engineRules: { lighthouse: audit.id },
          outcome: 'failed',
          category: wcag.length ? 'barrier' : 'best-practice',
          message: item.explanation ? `${audit.title}. ${item.explanation.replace(/\s+/g, ' ')}` : audit.title,
          selector: item.selector,
          domPath: item.domPath ?? undefined,
          snippet: item.snippet,
          helpUrl: meta?.helpUrl,
          wcag,
          tags: meta?.tags ?? [],
        });
      }
    }
    const score = category.score === null ? 'n/a' : Math.round(category.score * 100);
    return {
      outcome: findings.some((f) => f.category !== 'best-practice') ? 'failed' : 'passed',
      findings,
      notes: [`Lighthouse ${lh.version} (${lh.mode}): accessibility score ${score}`],
    };
  },
};
