import { describe, expect, it } from 'vitest';
import type { AuditVerdict, Finding } from '../types.ts';
import { judgeExpectation, untestedEverywhere, type Expectation } from './expectation.ts';
import { matrixRows, matrixSummary, renderMatrix } from './matrix.ts';
import { DEFECTS } from '../../targets/reference/defects.ts';

type Over = Partial<Finding> & { persona?: string; step?: string; wcag?: string[]; other?: string[] };
const f = (over: Over): Finding => ({
  fingerprint: Math.random().toString(36), auditId: over.auditId ?? 'focus-visible', engines: ['portico'], ruleId: over.ruleId ?? 'focus-visible', engineRules: {}, outcome: over.outcome ?? 'failed', category: over.category ?? 'barrier',
  message: 'm', key: over.key, requirements: { wcag: over.wcag ?? [], section508: [], trustedTester: [], en301549: [], other: over.other ?? [] },
  context: { checkpoint: over.step ?? 'home', step: over.step ?? 'home', persona: over.persona ?? 'keyboard', url: 'http://x/' }, evidence: [],
});
const defect: Expectation = { kind: 'defect', defectId: 'focus-outline-removed', persona: 'keyboard', step: 'account-email', proof: { by: ['focus-visible/focus-visible'], cites: ['2.4.7'], keys: null } };

/** The catalogue's own expectation for a defect, as playwright.config.ts builds it. */
const expectationFor = (id: string): Expectation => {
  const d = DEFECTS.find((x) => x.id === id)!;
  return { kind: 'defect', defectId: d.id, persona: d.persona, step: d.step, proof: d.proof };
};
const emailFinding = (key: string, ruleId = 'email-rejected') => f({ auditId: 'journey-observations', ruleId, key, persona: 'universal-email', step: 'account-email', other: ['UASG 004', 'RFC 6531'] });

describe('judgeExpectation: what proves a defect', () => {
  it('a failed finding of its persona at its step, from a declared rule, citing a declared criterion', () => {
    const v = judgeExpectation(defect, [f({ step: 'account-email', wcag: ['2.4.7'] })], []);
    expect(v.problems).toEqual([]);
    expect(v.criteriaMatched).toEqual(['2.4.7']);
  });
  it.each<[string, Over]>([
    ['another step', { step: 'home', wcag: ['2.4.7'] }],
    ['another persona', { step: 'account-email', persona: 'screen-reader', wcag: ['2.4.7'] }],
    ['another criterion', { step: 'account-email', wcag: ['1.4.3'] }],
    ['the right criterion from another audit', { step: 'account-email', wcag: ['2.4.7'], auditId: 'axe', ruleId: 'focus-order' }],
    ['the right audit with another rule', { step: 'account-email', wcag: ['2.4.7'], ruleId: 'focus-obscured' }],
    ['only cantTell', { step: 'account-email', wcag: ['2.4.7'], outcome: 'cantTell' }],
    ['only best practice', { step: 'account-email', wcag: ['2.4.7'], category: 'best-practice' }],
  ])('is NOT caught by a finding at %s', (_, over) => {
    expect(judgeExpectation(defect, [f(over)], []).problems[0]).toMatch(/NOT caught/);
  });

  it('a defect with no WCAG criterion is NOT caught by just any failed finding at its step', () => {
    const e = expectationFor('us-address-required');
    const unattributed = f({ auditId: 'journey-blocked', ruleId: 'journey-blocked', persona: 'no-us-address', step: 'registration', other: ['blocked: the journey could not continue (see what the page says)'] });
    const v = judgeExpectation(e, [unattributed], []);
    expect(v.problems[0]).toMatch(/NOT caught.*not proof: cites blocked: the journey could not continue/);
  });
  it('us-address-required needs the block that names the field as its key', () => {
    const e = expectationFor('us-address-required');
    const cites = { auditId: 'journey-blocked', ruleId: 'journey-blocked', persona: 'no-us-address', step: 'registration', other: ['journey blocked: US address demanded without legal basis'] };
    expect(judgeExpectation(e, [f({ ...cites })], []).problems[0]).toMatch(/key \(none\) is not "us-address"/);
    expect(judgeExpectation(e, [f({ ...cites, key: 'phone' })], []).problems[0]).toMatch(/NOT caught/);
    expect(judgeExpectation(e, [f({ ...cites, key: 'us-address' })], []).problems).toEqual([]);
  });
  it('registration-not-editable is NOT caught by a screen-reader "no such control" block under 4.1.2', () => {
    const e = expectationFor('registration-not-editable');
    const roleNameBlock = f({ auditId: 'journey-blocked', ruleId: 'journey-blocked', persona: 'screen-reader', step: 'registration-edit', wcag: ['4.1.2'], other: ['blocked: cannot continue by role and accessible name'] });
    expect(judgeExpectation(e, [roleNameBlock], []).problems[0]).toMatch(/NOT caught/);
    const noWay = f({ auditId: 'journey-blocked', ruleId: 'journey-blocked', persona: 'screen-reader', step: 'registration-edit', key: 'registration-edit', other: ['journey blocked: registration cannot be corrected'] });
    expect(judgeExpectation(e, [noWay], []).problems).toEqual([]);
  });
  it('the right criterion with the wrong key does not catch', () => {
    const e = expectationFor('email-rejects-idn');
    expect(judgeExpectation(e, [emailFinding('country-code-sld')], []).problems[0]).toMatch(/key "country-code-sld" is not "idn"/);
  });

  it('tells the four email defects apart: each is caught only by its own address category', () => {
    const ids = ['email-rejects-country-code-sld', 'email-rejects-long-tld', 'email-rejects-idn', 'email-rejects-unicode-local-part'];
    const keyOf: Record<string, string> = { 'email-rejects-country-code-sld': 'country-code-sld', 'email-rejects-long-tld': 'long-tld', 'email-rejects-idn': 'idn', 'email-rejects-unicode-local-part': 'unicode-local-part' };
    for (const id of ids) {
      for (const other of ids) {
        const caught = judgeExpectation(expectationFor(id), [emailFinding(keyOf[other])], []).problems.length === 0;
        expect(caught, `${id} judged on a finding keyed ${keyOf[other]}`).toBe(id === other);
      }
    }
    // A silently lost address of the category proves it as well; the A-label form proves the long-TLD defect.
    expect(judgeExpectation(expectationFor('email-rejects-idn'), [emailFinding('idn', 'email-silently-lost')], []).problems).toEqual([]);
    expect(judgeExpectation(expectationFor('email-rejects-long-tld'), [emailFinding('a-label')], []).problems).toEqual([]);
  });

  it('puts every other failed finding in "also found", so a leaking switch shows', () => {
    const e = expectationFor('email-rejects-idn');
    const leak = emailFinding('unicode-local-part');
    const elsewhere = f({ persona: 'universal-email', step: 'home', auditId: 'axe', ruleId: 'label', wcag: ['4.1.2'] });
    const v = judgeExpectation(e, [emailFinding('idn'), leak, elsewhere], []);
    expect(v.problems).toEqual([]);
    expect(v.alsoFound).toEqual([leak, elsewhere]);
    const [row] = matrixRows([{ project: 'p', expectation: e, findings: [emailFinding('idn'), leak, elsewhere], verdicts: [], seconds: 1 }]);
    expect(row.alsoFound).toBe('universal-email › account-email: email-rejected[unicode-local-part]; universal-email › home: label');
  });

  it('conformant: any failed finding is a false finding; an audit that could not run is a problem too', () => {
    const clean: Expectation = { kind: 'clean', profile: 'conformant' };
    expect(judgeExpectation(clean, [f({})], []).problems[0]).toMatch(/false finding/);
    expect(judgeExpectation(clean, [], [{ auditId: 'axe', checkpoint: 'home', url: 'u', outcome: 'error', findingCount: 0 }]).problems[0]).toMatch(/could not run/);
    expect(judgeExpectation(clean, [f({ outcome: 'cantTell' })], []).problems).toEqual([]);
  });
});

describe('judgeExpectation: the run behind the row', () => {
  const steps = [{ flow: 'register', checkpoint: 'home' }, { flow: 'register', checkpoint: 'account-email' }];
  const e: Expectation = { ...defect, steps } as Expectation;
  const caught = [f({ step: 'account-email', wcag: ['2.4.7'] })];
  const fresh = (checkpoint: string) => ({ checkpoint, flow: 'register', gatheredAt: '2026-12-02T08:00:05.000Z' });
  const startedAt = '2026-12-02T08:00:00.000Z';

  it('holds when every expected step has a fresh artifact and every test passed', () => {
    expect(judgeExpectation(e, caught, [], { artifacts: [fresh('home'), fresh('account-email')], startedAt, tests: [{ title: 'register', status: 'passed' }] }).problems).toEqual([]);
  });
  it('a missing artifact for an expected step makes the row fail', () => {
    expect(judgeExpectation(e, caught, [], { artifacts: [fresh('home')], startedAt }).problems).toEqual([expect.stringMatching(/no artifact for 1 expected step\(s\): register › account-email/)]);
  });
  it('a person blocked at a step ends that flow: its later steps are not expected, other flows\' still are', () => {
    const withErrors: Expectation = { ...defect, steps: [...steps, { flow: 'register', checkpoint: 'account-email-errors' }, { flow: 'help', checkpoint: 'help' }] } as Expectation;
    const blockedAt = { ...fresh('account-email'), blocked: true };
    expect(judgeExpectation(withErrors, caught, [], { artifacts: [fresh('home'), blockedAt, { checkpoint: 'help', flow: 'help', gatheredAt: fresh('help').gatheredAt }], startedAt }).problems).toEqual([]);
    expect(judgeExpectation(withErrors, caught, [], { artifacts: [fresh('home'), fresh('account-email'), { checkpoint: 'help', flow: 'help', gatheredAt: fresh('help').gatheredAt }], startedAt }).problems).toEqual([expect.stringMatching(/no artifact for 1 expected step\(s\): register › account-email-errors/)]);
    expect(judgeExpectation(withErrors, caught, [], { artifacts: [fresh('home'), blockedAt], startedAt }).problems).toEqual([expect.stringMatching(/no artifact for 1 expected step\(s\): help › help/)]);
  });
  it('artifacts left over from an earlier run are stale: they fail the row and do not count', () => {
    const old = { ...fresh('account-email'), gatheredAt: '2026-12-01T23:00:00.000Z' };
    const v = judgeExpectation(e, caught, [], { artifacts: [fresh('home'), old], startedAt });
    expect(v.problems.join('\n')).toMatch(/1 artifact\(s\) were gathered before this run started/);
    expect(v.problems.join('\n')).toMatch(/no artifact for 1 expected step/);
  });
  it.each(['failed', 'timedOut', 'skipped', 'interrupted'])('a %s test makes the row red', (status) => {
    const v = judgeExpectation(e, caught, [], { artifacts: [fresh('home'), fresh('account-email')], startedAt, tests: [{ title: 'register', status, error: 'boom' }] });
    expect(v.problems).toEqual([`test "register" ${status}: boom`]);
    const [row] = matrixRows([{ project: 'p', expectation: e, findings: caught, verdicts: [], seconds: 1, run: { artifacts: [fresh('home'), fresh('account-email')], startedAt, tests: [{ title: 'register', status }] } }]);
    expect(row.ok).toBe(false);
  });
  it('a clean row with a required audit untested everywhere is not clean', () => {
    const v: AuditVerdict = { auditId: 'visible-labels', checkpoint: 'home', url: 'u', outcome: 'untested', findingCount: 0, notes: ['artifact "form-semantics" was not gathered'], context: { persona: 'screen-reader' } };
    const problems = judgeExpectation({ kind: 'clean', profile: 'conformant', persona: 'screen-reader', requiredAudits: ['visible-labels'] }, [], [v]).problems;
    expect(problems).toEqual([expect.stringMatching(/not tested: visible-labels, which screen-reader requires, was untested at every checkpoint \(artifact "form-semantics" was not gathered\)/)]);
  });
});

describe('untestedEverywhere', () => {
  const v = (auditId: string, outcome: AuditVerdict['outcome'], persona = 'keyboard'): AuditVerdict => ({ auditId, checkpoint: 'c', url: 'u', outcome, findingCount: 0, context: { persona } });
  it('names a required audit that was untested at every checkpoint, and not one tried once', () => {
    expect(untestedEverywhere([v('a', 'untested'), v('a', 'untested'), v('b', 'untested'), v('b', 'passed')], 'keyboard', ['a', 'b'])).toEqual([expect.stringMatching(/^a, which keyboard requires/)]);
  });
  it('a required audit with no verdict at all is untested; another persona\'s verdicts do not count', () => {
    expect(untestedEverywhere([v('a', 'passed', 'screen-reader'), v('b', 'passed')], 'keyboard', ['a'])).toHaveLength(1);
  });
});

describe('defect matrix', () => {
  it('computes recall and keeps a missed defect red with its reason', () => {
    const rows = matrixRows([
      { project: 'a', expectation: defect, findings: [f({ step: 'account-email', wcag: ['2.4.7'] })], verdicts: [], seconds: 3 },
      { project: 'b', expectation: { ...defect, defectId: 'other' } as Expectation, findings: [], verdicts: [], seconds: 2 },
      { project: 'c', expectation: { kind: 'clean', profile: 'conformant' }, findings: [], verdicts: [], seconds: 1 },
    ]);
    expect(matrixSummary(rows)).toMatchObject({ defects: 2, caught: 1, recall: 0.5, cleanProjects: 1, projectsWithFalseFindings: 0 });
    const table = renderMatrix(rows);
    expect(table).toMatch(/\| also found \|/);
    expect(table).toMatch(/❌ \| other .*NOT caught/);
    expect(table).toMatch(/Recall: 1\/2/);
  });
});
