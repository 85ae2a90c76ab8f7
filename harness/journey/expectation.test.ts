import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { judgeExpectation } from './expectation.ts';
import { matrixRows, matrixSummary, renderMatrix } from './matrix.ts';

const f = (over: Partial<Finding> & { persona?: string; step?: string; wcag?: string[] }): Finding => ({
  fingerprint: Math.random().toString(36), auditId: 'x', engines: ['portico'], ruleId: over.ruleId ?? 'rule', engineRules: {}, outcome: over.outcome ?? 'failed', category: over.category ?? 'barrier',
  message: 'm', requirements: { wcag: over.wcag ?? [], section508: [], trustedTester: [], en301549: [], other: [] },
  context: { checkpoint: over.step ?? 'home', step: over.step ?? 'home', persona: over.persona ?? 'keyboard', url: 'http://x/' }, evidence: [],
});
const defect = { kind: 'defect' as const, defectId: 'focus-outline-removed', persona: 'keyboard', step: 'account-email', wcag: ['2.4.7'], other: [] };

describe('judgeExpectation', () => {
  it('a defect is caught by a failed finding of its persona at its step citing an expected criterion', () => {
    const v = judgeExpectation(defect, [f({ step: 'account-email', wcag: ['2.4.7'] })], []);
    expect(v.problems).toEqual([]);
    expect(v.criteriaMatched).toEqual(['2.4.7']);
  });
  it.each([
    ['another step', { step: 'home', wcag: ['2.4.7'] }],
    ['another persona', { step: 'account-email', persona: 'screen-reader', wcag: ['2.4.7'] }],
    ['another criterion', { step: 'account-email', wcag: ['1.4.3'] }],
    ['only cantTell', { step: 'account-email', wcag: ['2.4.7'], outcome: 'cantTell' as const }],
    ['only best practice', { step: 'account-email', wcag: ['2.4.7'], category: 'best-practice' as const }],
  ])('is NOT caught by a finding at %s', (_, over) => {
    expect(judgeExpectation(defect, [f(over)], []).problems[0]).toMatch(/NOT caught/);
  });
  it('a defect with no WCAG criterion is caught by any failed finding at its step', () => {
    const v = judgeExpectation({ ...defect, wcag: [], other: ['lottery'] }, [f({ step: 'account-email' })], []);
    expect(v.problems).toEqual([]);
  });
  it('conformant: any failed finding is a false finding; an audit that could not run is a problem too', () => {
    expect(judgeExpectation({ kind: 'clean', profile: 'conformant' }, [f({})], []).problems[0]).toMatch(/false finding/);
    expect(judgeExpectation({ kind: 'clean', profile: 'conformant' }, [], [{ auditId: 'axe', checkpoint: 'home', url: 'u', outcome: 'error', findingCount: 0 }]).problems[0]).toMatch(/could not run/);
    expect(judgeExpectation({ kind: 'clean', profile: 'conformant' }, [f({ outcome: 'cantTell' })], []).problems).toEqual([]);
  });
});

describe('defect matrix', () => {
  it('computes recall and keeps a missed defect red with its reason', () => {
    const rows = matrixRows([
      { project: 'a', expectation: defect, findings: [f({ step: 'account-email', wcag: ['2.4.7'] })], verdicts: [], seconds: 3 },
      { project: 'b', expectation: { ...defect, defectId: 'other' }, findings: [], verdicts: [], seconds: 2 },
      { project: 'c', expectation: { kind: 'clean', profile: 'conformant' }, findings: [], verdicts: [], seconds: 1 },
    ]);
    expect(matrixSummary(rows)).toMatchObject({ defects: 2, caught: 1, recall: 0.5, cleanProjects: 1, projectsWithFalseFindings: 0 });
    const table = renderMatrix(rows);
    expect(table).toMatch(/❌ \| other .*NOT caught/);
    expect(table).toMatch(/Recall: 1\/2/);
  });
});
