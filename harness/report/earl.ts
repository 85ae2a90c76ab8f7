import type { AuditVerdict, Finding, Outcome } from '../types.ts';
import { wcagCriterion } from '../standards/wcag.ts';
import { declaredCriteria } from './rules.ts';
import type { RenderInput } from './render-input.ts';

const EARL_OUTCOME: Record<Outcome, string> = {
  passed: 'earl:passed',
  failed: 'earl:failed',
  cantTell: 'earl:cantTell',
  inapplicable: 'earl:inapplicable',
  error: 'earl:untested',
  untested: 'earl:untested',
};

/** "1.1.1" → "WCAG2:non-text-content" (the Understanding slug, as ACT implementation reports cite criteria). */
function criterionRef(sc: string): string | undefined {
  const url = wcagCriterion(sc)?.understandingUrl;
  return url ? `WCAG2:${url.split('/').pop()!.replace(/\.html$/, '')}` : undefined;
}

const isPartOf = (wcag: string[]) => wcag.map(criterionRef).filter((x): x is string => !!x);

function subject(url: string, ctx: { persona?: string; flow?: string; step?: string; checkpoint: string }) {
  const where = [ctx.persona, ctx.flow, ctx.step ?? ctx.checkpoint].filter(Boolean).join(' › ');
  return { '@type': ['earl:TestSubject', 'sch:WebPage'], source: url, ...(where ? { title: where } : {}) };
}

/**
 * EARL in JSON-LD, shaped like the ACT implementation reports: an assertor, then one Assertion per
 * finding (failed / cantTell, with a pointer to the element) and per audit verdict that found
 * nothing (passed / inapplicable / untested). Pure.
 */
export function renderEarl(input: RenderInput): object {
  const { bundle } = input;
  const assertor = `urn:portico:${bundle.tool.version}`;
  const declared = declaredCriteria(input.audits);
  const testOf = (auditId: string, ruleId: string, wcag: string[], helpUrl?: string) => ({
    '@type': 'TestCase',
    '@id': helpUrl ?? `urn:portico:rule:${auditId}:${ruleId}`,
    title: ruleId,
    isPartOf: isPartOf(wcag),
  });
  const fromFinding = (f: Finding) => ({
    '@type': 'Assertion',
    mode: 'earl:automatic',
    assertedBy: assertor,
    subject: subject(f.context.url, f.context),
    test: testOf(f.auditId, f.ruleId, f.requirements.wcag, f.helpUrl),
    result: {
      '@type': 'TestResult',
      outcome: EARL_OUTCOME[f.outcome],
      description: f.message,
      ...(f.selector || f.domPath ? { pointer: { '@type': 'ptr:CSSSelectorPointer', 'ptr:expression': f.selector ?? f.domPath } } : {}),
      date: bundle.finishedAt,
    },
  });
  const fromVerdict = (v: AuditVerdict) => ({
    '@type': 'Assertion',
    mode: 'earl:automatic',
    assertedBy: assertor,
    subject: subject(v.url, { ...v.context, checkpoint: v.checkpoint }),
    test: testOf(v.auditId, v.auditId, declared.get(v.auditId) ?? []),
    result: { '@type': 'TestResult', outcome: EARL_OUTCOME[v.outcome], ...(v.notes?.length ? { description: v.notes.join('; ') } : {}), date: bundle.finishedAt },
  });
  return {
    '@context': {
      '@vocab': 'http://www.w3.org/ns/earl#',
      earl: 'http://www.w3.org/ns/earl#',
      WCAG2: 'https://www.w3.org/TR/WCAG22/#',
      dct: 'http://purl.org/dc/terms/',
      sch: 'https://schema.org/',
      doap: 'http://usefulinc.com/ns/doap#',
      ptr: 'http://www.w3.org/2009/pointers#',
      source: 'dct:source',
      title: 'dct:title',
      description: 'dct:description',
      date: 'dct:date',
      assertedBy: { '@type': '@id' },
      outcome: { '@type': '@id' },
      mode: { '@type': '@id' },
      isPartOf: { '@id': 'dct:isPartOf', '@type': '@id' },
    },
    '@graph': [
      { '@id': assertor, '@type': ['earl:Assertor', 'earl:Software', 'doap:Project'], 'doap:name': 'Portico', 'doap:release': { 'doap:revision': bundle.tool.version } },
      ...bundle.findings.map(fromFinding),
      // A verdict that produced findings is already told by them; the rest say what passed or could not run.
      ...bundle.verdicts.filter((v) => v.findingCount === 0).map(fromVerdict),
    ],
  };
}
