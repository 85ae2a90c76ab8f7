/**
 * Portico's EARL implementation report (JSON-LD), in the shape the ACT community's mapping tool
 * reads and the published reports in the corpus's earl/ use: one Assertion per (test case, procedure),
 * the subject being the case's w3.org address. Pure.
 */
import { wcagCriterion } from '../harness/standards/wcag.ts';
import type { RuleMeasure } from './act-measure.ts';

export interface EarlOptions {
  assertedBy: string;
  toolName: string;
  version: string;
}

/** WCAG2:<understanding slug>, e.g. "WCAG2:non-text-content" for 1.1.1. */
export function wcagTerm(sc: string): string {
  const criterion = wcagCriterion(sc);
  if (!criterion) throw new Error(`EARL: "${sc}" is not a WCAG 2 criterion`);
  return `WCAG2:${/Understanding\/([^/.]+)\.html$/.exec(criterion.understandingUrl)![1]}`;
}

export function earlReport(measures: readonly RuleMeasure[], options: EarlOptions) {
  const graph: unknown[] = [];
  for (const m of measures) {
    for (const procedure of m.candidates) {
      const isPartOf = procedure.reportedCriteria.map(wcagTerm);
      for (const r of procedure.testResults) {
        const url = m.rule.cases.find((c) => c.testcaseId === r.testcaseId)!.url;
        for (const outcome of r.outcomes) {
          graph.push({
            '@type': 'Assertion',
            mode: 'earl:automatic',
            subject: { '@type': ['earl:TestSubject', 'sch:WebPage'], source: url },
            assertedBy: options.assertedBy,
            result: { '@type': 'TestResult', outcome: `earl:${outcome === 'untested' ? 'untested' : outcome}` },
            test: { '@type': 'TestCase', title: procedure.procedure, isPartOf },
          });
        }
      }
    }
  }
  return {
    '@context': {
      '@vocab': 'http://www.w3.org/ns/earl#',
      earl: 'http://www.w3.org/ns/earl#',
      WCAG2: 'http://www.w3.org/TR/WCAG21/#',
      dct: 'http://purl.org/dc/terms/',
      sch: 'https://schema.org/',
      doap: 'http://usefulinc.com/ns/doap#',
      source: 'dct:source',
      title: 'dct:title',
      assertedBy: { '@type': '@id' },
      outcome: { '@type': '@id' },
      mode: { '@type': '@id' },
      isPartOf: { '@id': 'http://purl.org/dc/terms/isPartOf', '@type': '@id' },
    },
    '@graph': [
      { '@id': options.assertedBy, '@type': ['earl:Assertor', 'earl:Software', 'doap:Project'], 'doap:name': options.toolName, 'doap:release': { 'doap:revision': options.version } },
      ...graph,
    ],
  };
}
