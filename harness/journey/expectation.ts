import type { AuditVerdict, Finding } from '../types.ts';

/** What proves a defect (the catalogue's `proof`): see targets/reference/defects.ts. */
export interface Proof {
  /** "audit", "audit/rule" or "*\/rule". */
  by: string[];
  /** Criteria or references; a proving finding cites at least one. */
  cites: string[];
  /** The proving finding's `key` must be one of these; null = any element the rules flag. */
  keys: string[] | null;
}

/** A journey step an expectation needs an artifact for: flow id and checkpoint (step) id. */
export interface ExpectedStep {
  flow: string;
  checkpoint: string;
}

/** What a journey project under `npm test` must show (ground truth from the defect catalogue). */
export type Expectation =
  | { kind: 'clean'; profile: string; persona?: string; steps?: ExpectedStep[]; requiredAudits?: string[] }
  // A defect project walks only as far as its step, so it cannot be asked to have tried every audit
  // the persona has (that is the conformant project's job): it must catch its defect there.
  | { kind: 'defect'; defectId: string; persona: string; step: string; proof: Proof; steps?: ExpectedStep[] };

/** What the run itself shows, beyond findings: which artifacts are on disk, and how each test ended. */
export interface RunFacts {
  /** Every artifacts file loaded for the project. */
  artifacts: Array<{ checkpoint: string; flow?: string; gatheredAt: string; blocked?: boolean }>;
  /** When this run started (ISO): an artifact gathered before it is left over from another run. */
  startedAt?: string;
  /** The project's Playwright tests and how they ended (absent: not known, e.g. judged inside the run). */
  tests?: Array<{ title: string; status: string; error?: string }>;
}

export interface ExpectationVerdict {
  /** Empty = the expectation holds. */
  problems: string[];
  summary: string;
  /** Findings that prove the defect (defect projects). */
  matched: Finding[];
  /** Declared criteria and references the matched findings cite. */
  criteriaMatched: string[];
  /** Every other failed finding in the project: what else the switch changed (or false findings on conformant). */
  alsoFound: Finding[];
}

export const isFailedBarrier = (f: Finding) => f.outcome === 'failed' && f.category === 'barrier';
const cited = (f: Finding) => [...f.requirements.wcag, ...f.requirements.other];
export const describeFinding = (f: Finding) => `[${f.context.persona ?? '?'} › ${f.context.step ?? f.context.checkpoint}] ${f.auditId}/${f.ruleId}${f.key ? `[${f.key}]` : ''} (${cited(f).join(', ') || 'no criterion'}): ${f.message.slice(0, 160)}`;

/** Whether a finding comes from one of the declared audits / rules. */
export function fromDeclared(f: Finding, by: string[]): boolean {
  return by.some((entry) => {
    const [audit, rule] = entry.split('/');
    return (audit === '*' || audit === f.auditId) && (rule === undefined || rule === f.ruleId);
  });
}

/** Why a failed finding of the defect's persona at its step does not prove it (null: it does). */
export function whyNotProof(f: Finding, proof: Proof): string | null {
  if (!fromDeclared(f, proof.by)) return `${f.auditId}/${f.ruleId} is not one of ${proof.by.join(', ')}`;
  if (!cited(f).some((c) => proof.cites.includes(c))) return `cites ${cited(f).join(', ') || 'nothing'}, none of ${proof.cites.join(', ')}`;
  if (proof.keys && (f.key === undefined || !proof.keys.includes(f.key))) return `key ${f.key === undefined ? '(none)' : `"${f.key}"`} is not ${proof.keys.map((k) => `"${k}"`).join(' or ')}`;
  return null;
}

/** Problems with the run itself: a test that did not pass, a step with no artifact, an artifact from another run. */
export function runProblems(expectation: Expectation, run: RunFacts | undefined): string[] {
  if (!run) return [];
  const problems: string[] = [];
  for (const t of run.tests ?? []) {
    if (t.status !== 'passed') problems.push(`test "${t.title}" ${t.status}${t.error ? `: ${t.error}` : ''}`);
  }
  const stale = run.startedAt ? run.artifacts.filter((a) => a.gatheredAt < run.startedAt!) : [];
  if (stale.length) problems.push(`${stale.length} artifact(s) were gathered before this run started (left over from another run), e.g. ${stale[0].flow ?? '?'} › ${stale[0].checkpoint} at ${stale[0].gatheredAt}`);
  const fresh = run.artifacts.filter((a) => !stale.includes(a));
  const artifactOf = (s: ExpectedStep) => fresh.find((a) => a.checkpoint === s.checkpoint && (a.flow === undefined || a.flow === s.flow));
  // The person was blocked at a step: that flow ends there, so its later steps are not expected.
  const steps = expectation.steps ?? [];
  const afterBlock = (i: number) => steps.slice(0, i).some((s) => s.flow === steps[i].flow && artifactOf(s)?.blocked);
  const missing = steps.filter((s, i) => !artifactOf(s) && !afterBlock(i));
  if (missing.length) problems.push(`no artifact for ${missing.length} expected step(s): ${missing.map((s) => `${s.flow} › ${s.checkpoint}`).join(', ')}`);
  return problems;
}

/**
 * Audits the persona needs that could not be tried anywhere: untested at every checkpoint (their
 * gatherer never ran) means nothing was looked at, so "no finding" from them proves nothing.
 */
export function untestedEverywhere(verdicts: AuditVerdict[], persona: string | undefined, required: string[]): string[] {
  const mine = verdicts.filter((v) => persona === undefined || v.context?.persona === persona);
  if (mine.length === 0) return [];
  return required.flatMap((auditId) => {
    const of = mine.filter((v) => v.auditId === auditId);
    if (of.length > 0 && !of.every((v) => v.outcome === 'untested')) return [];
    return [`${auditId}, which ${persona ?? 'the persona'} requires, was untested at every checkpoint${of[0]?.notes?.length ? ` (${of[0].notes.join('; ')})` : ''}`];
  });
}

/**
 * A defect is caught only by a failed barrier finding of its persona at its step that comes from
 * a declared audit or rule, cites a declared criterion or reference, and carries a declared key.
 * Conformant is clean when there is no failed finding. Either way the run must be whole: every
 * test passed, every expected step has a fresh artifact, no audit errored, no required audit was
 * untested everywhere.
 */
export function judgeExpectation(expectation: Expectation, findings: Finding[], verdicts: AuditVerdict[], run?: RunFacts): ExpectationVerdict {
  const errors = verdicts.filter((v) => v.outcome === 'error').map((v) => `could not run: ${v.auditId} at ${v.checkpoint}: ${v.notes?.join('; ') ?? ''}`);
  const untested = untestedEverywhere(verdicts, expectation.persona, expectation.kind === 'clean' ? expectation.requiredAudits ?? [] : []).map((u) => `not tested: ${u}`);
  const base = [...runProblems(expectation, run), ...errors, ...untested];
  const failed = findings.filter(isFailedBarrier);
  if (expectation.kind === 'clean') {
    const falseFindings = failed.map((f) => `false finding on ${expectation.profile}: ${describeFinding(f)}`);
    const problems = [...base, ...falseFindings];
    return { problems, matched: [], criteriaMatched: [], alsoFound: failed, summary: problems.length ? `${problems.length} problem(s) on ${expectation.profile}:\n${problems.join('\n')}` : `${expectation.profile}: no failed findings` };
  }
  const { proof } = expectation;
  const atStep = failed.filter((f) => f.context.persona === expectation.persona && f.context.step === expectation.step);
  const matched = atStep.filter((f) => whyNotProof(f, proof) === null);
  const criteriaMatched = [...new Set(matched.flatMap((f) => cited(f).filter((c) => proof.cites.includes(c))))].sort();
  const alsoFound = failed.filter((f) => !matched.includes(f));
  const problems = [...base];
  if (matched.length === 0) {
    const near = atStep.slice(0, 4).map((f) => `${describeFinding(f)} — not proof: ${whyNotProof(f, proof)}`);
    problems.push(`defect "${expectation.defectId}" was NOT caught: no failed finding of ${expectation.persona} at step "${expectation.step}" from ${proof.by.join(' or ')} citing ${proof.cites.join(' or ')}${proof.keys ? ` keyed ${proof.keys.join(' or ')}` : ''}.${near.length ? ` At that step: ${near.join(' | ')}` : failed.length ? ` Failed findings elsewhere: ${failed.slice(0, 4).map(describeFinding).join(' | ')}` : ' No failed findings at all.'}`);
  }
  return {
    problems,
    matched,
    criteriaMatched,
    alsoFound,
    summary: problems.length ? problems.join('\n') : `caught "${expectation.defectId}" at ${expectation.step} with ${matched.length} finding(s) citing ${criteriaMatched.join(', ')}`,
  };
}
