import type { AuditVerdict, Finding } from '../types.ts';

/** What a journey project under `npm test` must show (ground truth from the defect catalogue). */
export type Expectation =
  | { kind: 'clean'; profile: string }
  | { kind: 'defect'; defectId: string; persona: string; step: string; wcag: string[]; other: string[] };

export interface ExpectationVerdict {
  /** Empty = the expectation holds. */
  problems: string[];
  summary: string;
  /** Findings that catch the defect (defect projects). */
  matched: Finding[];
  /** Expected WCAG criteria the matched findings cite. */
  criteriaMatched: string[];
}

const failed = (f: Finding) => f.outcome === 'failed' && f.category === 'barrier';
const describe = (f: Finding) => `[${f.context.persona ?? '?'} › ${f.context.step ?? f.context.checkpoint}] ${f.ruleId} (${[...f.requirements.wcag, ...f.requirements.other].join(', ') || 'no criterion'}): ${f.message.slice(0, 160)}`;

/**
 * A defect is caught when a failed finding of its persona at its step cites one of its expected
 * criteria (or, for defects with no WCAG criterion, any failed finding there: conformant has none).
 * Conformant is clean when there is no failed finding and nothing could not run.
 */
export function judgeExpectation(expectation: Expectation, findings: Finding[], verdicts: AuditVerdict[]): ExpectationVerdict {
  const errors = verdicts.filter((v) => v.outcome === 'error').map((v) => `could not run: ${v.auditId} at ${v.checkpoint}: ${v.notes?.join('; ') ?? ''}`);
  if (expectation.kind === 'clean') {
    const falseFindings = findings.filter(failed).map((f) => `false finding on ${expectation.profile}: ${describe(f)}`);
    const problems = [...errors, ...falseFindings];
    return { problems, matched: [], criteriaMatched: [], summary: problems.length ? `${problems.length} problem(s) on ${expectation.profile}:\n${problems.join('\n')}` : `${expectation.profile}: no failed findings` };
  }
  const atStep = findings.filter((f) => failed(f) && f.context.persona === expectation.persona && f.context.step === expectation.step);
  const matched = expectation.wcag.length ? atStep.filter((f) => f.requirements.wcag.some((sc) => expectation.wcag.includes(sc))) : atStep;
  const criteriaMatched = [...new Set(matched.flatMap((f) => f.requirements.wcag.filter((sc) => expectation.wcag.includes(sc))))].sort();
  const problems = [...errors];
  if (matched.length === 0) {
    const elsewhere = findings.filter(failed).map(describe);
    problems.push(`defect "${expectation.defectId}" was NOT caught: no failed finding of ${expectation.persona} at step "${expectation.step}"${expectation.wcag.length ? ` citing ${expectation.wcag.join(' or ')}` : ''}.${elsewhere.length ? ` Failed findings seen: ${elsewhere.slice(0, 6).join(' | ')}` : ' No failed findings at all.'}`);
  }
  return {
    problems,
    matched,
    criteriaMatched,
    summary: problems.length ? problems.join('\n') : `caught "${expectation.defectId}" at ${expectation.step} with ${matched.length} finding(s)${criteriaMatched.length ? ` citing ${criteriaMatched.join(', ')}` : ''}`,
  };
}
