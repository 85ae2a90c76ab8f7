import { describe, expect, it } from 'vitest';
import { journeyCheckpoints, unfinishedJourneys, untestedRequired } from './portico-reporter.ts';
import type { Artifacts, AuditVerdict } from '../../harness/types.ts';

describe('a journey that did not finish makes the run incomplete, with its cause', () => {
  it('passed journeys are complete', () => {
    expect(unfinishedJourneys([{ where: 'reference@keyboard › register', status: 'passed' }])).toEqual([]);
  });
  it.each([
    ['skipped', /skipped: nothing was checked/],
    ['interrupted', /interrupted before it finished/],
    ['timedOut', /timed out: Test timeout of 180000ms exceeded/],
    ['failed', /Test timeout of 180000ms exceeded/],
    [undefined, /never ran/],
  ] as const)('%s', (status, cause) => {
    const [entry] = unfinishedJourneys([{ where: 'reference@keyboard › register', status, error: 'Test timeout of 180000ms exceeded.' }]);
    expect(entry.where).toBe('reference@keyboard › register');
    expect(entry.cause).toMatch(cause);
  });
});

describe('an audit a persona requires that was untested at every checkpoint makes the run incomplete', () => {
  const v = (auditId: string, outcome: AuditVerdict['outcome'], persona = 'screen-reader'): AuditVerdict => ({ auditId, checkpoint: 'home', url: 'http://x/', outcome, findingCount: 0, notes: outcome === 'untested' ? ['artifact "form-semantics" was not gathered'] : undefined, context: { persona } });
  it('names the persona, the audit and why', () => {
    const required = ['axe', 'htmlcs', 'visible-labels', 'error-identified', 'error-announced', 'captcha-alternative', 'headings-landmarks', 'biometric-alternative', 'new-window', 'audio-control', 'label-in-name', 'sensory-instructions', 'descriptive-labels', 'accessible-authentication', 'consistent-help', 'journey-blocked', 'journey-observations'];
    const verdicts = required.map((id) => v(id, id === 'visible-labels' ? 'untested' : 'passed'));
    expect(untestedRequired(verdicts)).toEqual([{ where: 'screen-reader [visible-labels]', cause: expect.stringMatching(/visible-labels, which screen-reader requires, was untested at every checkpoint \(artifact "form-semantics" was not gathered\)/) }]);
  });
  it('an audit tried at one checkpoint at least is not incomplete', () => {
    const verdicts = ['journey-blocked', 'journey-observations'].flatMap((id) => [v(id, 'untested', 'multi-account'), v(id, 'passed', 'multi-account')]);
    expect(untestedRequired(verdicts)).toEqual([]);
  });
});

describe('a run whose only checkpoint is the lottery walked nothing', () => {
  const a = (gathered: Record<string, unknown>) => ({ schema: 'portico.artifacts/1', checkpoint: 'c', url: '', pagePath: '/', context: {}, gatheredAt: '', versions: {}, gathered }) as Artifacts;
  it('the lottery checkpoint is not a journey checkpoint', () => {
    expect(journeyCheckpoints([a({ lottery: { error: 'x' } })])).toEqual([]);
    expect(journeyCheckpoints([a({ lottery: {} }), a({ axe: {} })])).toHaveLength(1);
  });
});
