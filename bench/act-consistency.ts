/**
 * How the ACT community judges an implementation of an ACT rule (the W3C ACT Task Force's
 * implementation mapping): per procedure (one of the tool's own checks), the outcomes it gave on
 * each of the rule's test cases, then
 *
 * - inconsistent (null): a passed or inapplicable case was reported failed (a false positive);
 * - complete ("consistent"): no false positive, every failed case reported failed or cantTell,
 *   nothing untested, at least one failed case caught, and the criteria reported are right;
 * - partial: no false positive and at least one failed case caught;
 * - minimal: no false positive, none caught, but cantTell somewhere and the inapplicable cases left alone.
 *
 * Several procedures may implement one rule together: the set is the procedures at the best level
 * found, and partial procedures that together are complete make a complete set. Pure; no I/O.
 */

export type Expected = 'passed' | 'failed' | 'inapplicable';
export type Actual = Expected | 'cantTell' | 'untested';
export type Consistency = 'complete' | 'partial' | 'minimal' | null;

export interface TestResult {
  testcaseId: string;
  expected: Expected;
  /** Every outcome the procedure(s) gave on this case; none = untested. */
  outcomes: Actual[];
}

export interface ProcedureMapping {
  procedure: string;
  testResults: TestResult[];
  /** WCAG criteria ("1.1.1") the procedure named when it failed one of the rule's cases. */
  reportedCriteria: string[];
}

export interface RuleRequirements {
  /** Criteria the rule is for conformance to (its `forConformance` WCAG keys). */
  conformance: string[];
  /** Criteria it names as related but not for conformance (`secondary`). */
  secondary: string[];
  /** Levels of the conformance criteria, to drop AAA where the rule also maps to A/AA criteria. */
  levelOf: (sc: string) => 'A' | 'AA' | 'AAA' | undefined;
}

export interface ProcedureSet {
  procedures: string[];
  consistency: Consistency;
  requirementsCorrect: boolean;
  testResults: TestResult[];
}

const isFalsePositive = (r: TestResult) => r.expected !== 'failed' && r.outcomes.includes('failed');
const isTruePositive = (r: TestResult) => r.expected === 'failed' && r.outcomes.includes('failed');
const isFalseNegative = (r: TestResult) =>
  r.expected === 'failed' && r.outcomes.every((o) => o === 'passed' || o === 'inapplicable' || o === 'untested');
const isUntested = (r: TestResult) => r.outcomes.length === 0 || r.outcomes.includes('untested');

/**
 * The criteria an implementation must report: the rule's conformance criteria at A/AA, or all of
 * them when the rule is only about AAA criteria (as the published reports count it).
 */
export function expectedCriteria(req: RuleRequirements): string[] {
  const aOrAa = req.conformance.filter((sc) => req.levelOf(sc) !== 'AAA');
  return aOrAa.length ? aOrAa : [...req.conformance];
}

/** Every expected criterion reported, and nothing reported that the rule does not name. */
export function requirementsCorrect(reported: readonly string[], req: RuleRequirements): boolean {
  const allowed = new Set([...req.conformance, ...req.secondary]);
  return expectedCriteria(req).every((sc) => reported.includes(sc)) && reported.every((sc) => allowed.has(sc));
}

export function consistencyOf(testResults: readonly TestResult[], criteriaCorrect: boolean): Consistency {
  if (testResults.some(isFalsePositive)) return null;
  const caught = testResults.some(isTruePositive);
  if (caught && criteriaCorrect && !testResults.some(isUntested) && !testResults.some(isFalseNegative)) return 'complete';
  if (caught) return 'partial';
  const cantTell = testResults.some((r) => r.outcomes.includes('cantTell'));
  const inapplicableLeftAlone = testResults.every(
    (r) => r.expected !== 'inapplicable' || r.outcomes.every((o) => o === 'passed' || o === 'inapplicable'),
  );
  return cantTell && inapplicableLeftAlone ? 'minimal' : null;
}

const LEVELS: Consistency[] = ['complete', 'partial', 'minimal', null];
const covered = (m: ProcedureMapping) => m.testResults.filter((r) => !isUntested(r)).length;

/** Several procedures' results on the same cases, merged case by case. */
export function combine(mappings: readonly ProcedureMapping[]): ProcedureMapping {
  if (mappings.length === 0) throw new Error('combine: no procedures to combine');
  const byCase = new Map<string, TestResult>();
  for (const m of mappings) {
    for (const r of m.testResults) {
      const seen = byCase.get(r.testcaseId);
      if (seen) seen.outcomes.push(...r.outcomes);
      else byCase.set(r.testcaseId, { ...r, outcomes: [...r.outcomes] });
    }
  }
  return {
    procedure: mappings.map((m) => m.procedure).join('+'),
    testResults: [...byCase.values()],
    reportedCriteria: [...new Set(mappings.flatMap((m) => m.reportedCriteria))].sort(),
  };
}

/** The procedure set that implements a rule best, by the ACT community's rules. */
export function bestProcedureSet(mappings: readonly ProcedureMapping[], req: RuleRequirements): ProcedureSet | undefined {
  if (mappings.length === 0) return undefined;
  const scored = mappings.map((m) => ({ m, consistency: consistencyOf(m.testResults, requirementsCorrect(m.reportedCriteria, req)) }));
  const best = LEVELS[Math.min(...scored.map((s) => LEVELS.indexOf(s.consistency)))];
  const chosen = scored.filter((s) => s.consistency === best).map((s) => s.m).sort((a, b) => covered(b) - covered(a));
  const merged = combine(chosen);
  const correct = requirementsCorrect(merged.reportedCriteria, req);
  const consistency = best === 'partial' ? consistencyOf(merged.testResults, correct) : best;
  return { procedures: chosen.map((m) => m.procedure), consistency, requirementsCorrect: correct, testResults: merged.testResults };
}

export interface CaseCounts {
  failedCases: number;
  failedCaught: number;
  otherCases: number;
  otherWronglyFailed: number;
}

/** Failed cases reported failed, and passed/inapplicable cases reported failed. */
export function caseCounts(testResults: readonly TestResult[]): CaseCounts {
  const failed = testResults.filter((r) => r.expected === 'failed');
  const other = testResults.filter((r) => r.expected !== 'failed');
  return {
    failedCases: failed.length,
    failedCaught: failed.filter(isTruePositive).length,
    otherCases: other.length,
    otherWronglyFailed: other.filter(isFalsePositive).length,
  };
}

export function addCounts(list: readonly CaseCounts[]): CaseCounts {
  return list.reduce(
    (a, c) => ({
      failedCases: a.failedCases + c.failedCases,
      failedCaught: a.failedCaught + c.failedCaught,
      otherCases: a.otherCases + c.otherCases,
      otherWronglyFailed: a.otherWronglyFailed + c.otherWronglyFailed,
    }),
    { failedCases: 0, failedCaught: 0, otherCases: 0, otherWronglyFailed: 0 },
  );
}

/** The community's words for the levels. */
export function consistencyLabel(c: Consistency | undefined): string {
  if (c === undefined) return 'untested';
  if (c === 'complete') return 'consistent';
  if (c === 'partial' || c === 'minimal') return 'partially consistent';
  return 'inconsistent';
}
