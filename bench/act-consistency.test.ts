import { describe, expect, it } from 'vitest';
import {
  bestProcedureSet, caseCounts, consistencyLabel, consistencyOf, expectedCriteria, requirementsCorrect,
  type Actual, type Expected, type ProcedureMapping, type RuleRequirements, type TestResult,
} from './act-consistency.ts';

const EXPECTED: Expected[] = ['passed', 'inapplicable', 'failed', 'failed'];
const results = (outcomes: Array<Actual | Actual[]>, expected = EXPECTED): TestResult[] =>
  expected.map((e, i) => ({ testcaseId: `case${i}`, expected: e, outcomes: outcomes[i] === undefined ? [] : ([] as Actual[]).concat(outcomes[i]) }));
const level = (sc: string) => (({ '2.4.9': 'AAA', '1.4.6': 'AAA' }) as Record<string, 'AAA'>)[sc] ?? 'A';
const REQ: RuleRequirements = { conformance: ['4.1.2', '2.4.9'], secondary: ['1.3.1'], levelOf: level };
const mapping = (procedure: string, outcomes: Actual[], reportedCriteria = ['4.1.2']): ProcedureMapping => ({ procedure, testResults: results(outcomes), reportedCriteria });

describe('consistencyOf', () => {
  it('is complete when every failed case fails and nothing else does', () => {
    expect(consistencyOf(results(['passed', 'inapplicable', 'failed', 'failed']), true)).toBe('complete');
  });
  it('accepts cantTell on a failed case for completeness, but not a pass', () => {
    expect(consistencyOf(results(['passed', 'passed', 'failed', 'cantTell']), true)).toBe('complete');
    expect(consistencyOf(results(['passed', 'passed', 'failed', 'passed']), true)).toBe('partial');
  });
  it('is inconsistent as soon as a passed or inapplicable case fails', () => {
    expect(consistencyOf(results(['failed', 'passed', 'failed', 'failed']), true)).toBeNull();
    expect(consistencyOf(results(['passed', 'failed', 'failed', 'failed']), true)).toBeNull();
  });
  it('is only partial when a case is untested or the criteria are wrong', () => {
    expect(consistencyOf(results(['passed', undefined as never, 'failed', 'failed']), true)).toBe('partial');
    expect(consistencyOf(results(['passed', 'passed', 'failed', 'failed']), false)).toBe('partial');
  });
  it('is minimal with cantTell and no catch, if the inapplicable cases are left alone', () => {
    expect(consistencyOf(results(['passed', 'passed', 'cantTell', 'passed']), true)).toBe('minimal');
    expect(consistencyOf(results(['passed', 'cantTell', 'cantTell', 'passed']), true)).toBeNull();
    expect(consistencyOf(results(['passed', 'passed', 'passed', 'passed']), true)).toBeNull();
  });
});

describe('criteria', () => {
  it('expects A/AA conformance criteria, or the AAA ones when the rule has nothing else', () => {
    expect(expectedCriteria(REQ)).toEqual(['4.1.2']);
    expect(expectedCriteria({ conformance: ['1.4.6'], secondary: ['1.4.3'], levelOf: level })).toEqual(['1.4.6']);
  });
  it('is correct when every expected criterion is reported and nothing outside the rule', () => {
    expect(requirementsCorrect(['4.1.2'], REQ)).toBe(true);
    expect(requirementsCorrect(['4.1.2', '2.4.9', '1.3.1'], REQ)).toBe(true);
    expect(requirementsCorrect(['2.4.9'], REQ)).toBe(false);
    expect(requirementsCorrect(['4.1.2', '2.1.1'], REQ)).toBe(false);
  });
});

describe('bestProcedureSet', () => {
  it('picks the most consistent procedure and ignores worse ones', () => {
    const set = bestProcedureSet([
      mapping('noisy', ['failed', 'passed', 'failed', 'failed']),
      mapping('good', ['passed', 'passed', 'failed', 'failed']),
    ], REQ)!;
    expect(set.procedures).toEqual(['good']);
    expect(set.consistency).toBe('complete');
  });
  it('combines partial procedures that are complete together', () => {
    const set = bestProcedureSet([
      mapping('a', ['passed', 'passed', 'failed', 'passed']),
      mapping('b', ['passed', 'passed', 'passed', 'failed']),
    ], REQ)!;
    expect(set.procedures.sort()).toEqual(['a', 'b']);
    expect(set.consistency).toBe('complete');
    expect(caseCounts(set.testResults)).toEqual({ failedCases: 2, failedCaught: 2, otherCases: 2, otherWronglyFailed: 0 });
  });
  it('reports an inconsistent set when that is all there is, and nothing when there is nothing', () => {
    const set = bestProcedureSet([mapping('noisy', ['failed', 'passed', 'failed', 'passed'])], REQ)!;
    expect(set.consistency).toBeNull();
    expect(caseCounts(set.testResults)).toEqual({ failedCases: 2, failedCaught: 1, otherCases: 2, otherWronglyFailed: 1 });
    expect(bestProcedureSet([], REQ)).toBeUndefined();
  });
  it('names the levels as the community does', () => {
    expect(['complete', 'partial', 'minimal', null, undefined].map((c) => consistencyLabel(c as never))).toEqual([
      'consistent', 'partially consistent', 'partially consistent', 'inconsistent', 'untested',
    ]);
  });
});
