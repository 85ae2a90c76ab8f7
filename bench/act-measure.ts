/**
 * From what Portico found on each ACT test case to the ACT community's per-rule judgement. Pure.
 *
 * A Portico "procedure" is a canonical rule id (axe's id, `htmlcs:<check>`, a Portico audit's rule):
 * what a finding is filed under. For each ACT rule the candidates are the procedures that reported
 * something on the rule's cases under one of the rule's WCAG criteria (any procedure, for a rule
 * that names none); on a case a candidate is failed / cantTell from its findings, untested when the
 * page or every audit behind it could not run, else passed. The best set is chosen as the community does.
 *
 * The whole-tool view is stricter and is what a Portico user sees: a case counts as failed when
 * ANY failed finding names one of the rule's conformance criteria, whatever check it came from.
 * Rules that are for conformance to no criterion (the ARIA rules name 1.3.1 and 4.1.2 only as
 * related) cannot be matched so and are left out of it.
 */
import type { Actual, Expected, ProcedureMapping, ProcedureSet, RuleRequirements, TestResult } from './act-consistency.ts';
import { bestProcedureSet, consistencyOf, requirementsCorrect } from './act-consistency.ts';

export interface ActCase {
  testcaseId: string;
  ruleId: string;
  expected: Expected;
  /** The case's address on w3.org, the subject the community's EARL reports use. */
  url: string;
  title: string;
}

export interface ActRule {
  id: string;
  name: string;
  requirements: RuleRequirements;
  cases: ActCase[];
}

export interface ObservedFinding {
  ruleId: string;
  auditId: string;
  outcome: string;
  wcag: string[];
}

/** What Portico saw on one case. */
export interface CaseObservation {
  testcaseId: string;
  /** False when the page could not be loaded or gathered at all (its cause is in `problem`). */
  audited: boolean;
  problem?: string;
  findings: ObservedFinding[];
  /** Audits whose verdict was `error` on this page (an engine that crashed, …). */
  erroredAudits: string[];
}

export interface RuleMeasure {
  rule: ActRule;
  candidates: ProcedureMapping[];
  best: ProcedureSet | undefined;
  /** Whole-tool results; undefined when the rule names no WCAG criterion to match by. */
  whole: { testResults: TestResult[]; consistency: ReturnType<typeof consistencyOf> } | undefined;
}

const ruleCriteria = (r: RuleRequirements) => new Set([...r.conformance, ...r.secondary]);

function procedureOutcome(procedure: string, obs: CaseObservation | undefined): Actual {
  if (!obs || !obs.audited) return 'untested';
  const own = obs.findings.filter((f) => f.ruleId === procedure);
  if (own.some((f) => f.outcome === 'failed')) return 'failed';
  if (own.some((f) => f.outcome === 'cantTell')) return 'cantTell';
  return 'passed';
}

/** Every candidate procedure for a rule, with its outcomes on each case. */
export function candidateProcedures(rule: ActRule, observations: ReadonlyMap<string, CaseObservation>): ProcedureMapping[] {
  const criteria = ruleCriteria(rule.requirements);
  const relevant = (f: ObservedFinding) => (f.outcome === 'failed' || f.outcome === 'cantTell') && (criteria.size === 0 || f.wcag.some((sc) => criteria.has(sc)));
  const auditsOf = new Map<string, Set<string>>();
  for (const c of rule.cases) {
    for (const f of observations.get(c.testcaseId)?.findings ?? []) {
      if (!relevant(f)) continue;
      const audits = auditsOf.get(f.ruleId) ?? new Set<string>();
      audits.add(f.auditId);
      auditsOf.set(f.ruleId, audits);
    }
  }
  return [...auditsOf.keys()].sort().map((procedure) => {
    const reported = new Set<string>();
    const testResults = rule.cases.map((c): TestResult => {
      const obs = observations.get(c.testcaseId);
      let outcome = procedureOutcome(procedure, obs);
      // Untested only when every audit behind the procedure failed to run there: one engine's crash leaves the others' results standing.
      if (outcome === 'passed' && obs && [...auditsOf.get(procedure)!].every((a) => obs.erroredAudits.includes(a))) outcome = 'untested';
      if (outcome === 'failed') for (const f of obs!.findings) if (f.ruleId === procedure && f.outcome === 'failed') f.wcag.forEach((sc) => reported.add(sc));
      return { testcaseId: c.testcaseId, expected: c.expected, outcomes: [outcome] };
    });
    return { procedure, testResults, reportedCriteria: [...reported].sort() };
  });
}

/** The criteria a whole-tool match uses: the rule's conformance criteria. */
export function matchCriteria(req: RuleRequirements): string[] {
  return req.conformance;
}

export function wholeToolResults(rule: ActRule, observations: ReadonlyMap<string, CaseObservation>): TestResult[] | undefined {
  const criteria = new Set(matchCriteria(rule.requirements));
  if (criteria.size === 0) return undefined;
  return rule.cases.map((c) => {
    const obs = observations.get(c.testcaseId);
    let outcome: Actual = 'passed';
    if (!obs || !obs.audited) outcome = 'untested';
    else {
      const matching = obs.findings.filter((f) => f.wcag.some((sc) => criteria.has(sc)));
      if (matching.some((f) => f.outcome === 'failed')) outcome = 'failed';
      else if (matching.some((f) => f.outcome === 'cantTell')) outcome = 'cantTell';
    }
    return { testcaseId: c.testcaseId, expected: c.expected, outcomes: [outcome] };
  });
}

export function measureRule(rule: ActRule, observations: ReadonlyMap<string, CaseObservation>): RuleMeasure {
  const candidates = candidateProcedures(rule, observations);
  const wholeResults = wholeToolResults(rule, observations);
  const reported = new Set<string>();
  const criteria = new Set(matchCriteria(rule.requirements));
  for (const c of rule.cases) for (const f of observations.get(c.testcaseId)?.findings ?? []) if (f.outcome === 'failed') f.wcag.filter((sc) => criteria.has(sc)).forEach((sc) => reported.add(sc));
  return {
    rule,
    candidates,
    best: bestProcedureSet(candidates, rule.requirements),
    whole: wholeResults && { testResults: wholeResults, consistency: consistencyOf(wholeResults, requirementsCorrect([...reported], rule.requirements)) },
  };
}
