import { describe, expect, it } from 'vitest';
import { journeyCheckpoints, unfinishedJourneys, untestedRequired } from './portico-reporter.ts';
import type { Artifacts, AuditVerdict } from '../../harness/types.ts';
import { PERSONAS, auditsFor } from '../registry.ts';

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
    const required = auditsFor(PERSONAS.find((p) => p.id === 'screen-reader')!).map((a) => a.meta.id);
    expect(required).toContain('visible-labels');
    const verdicts = required.map((id) => v(id, id === 'visible-labels' ? 'untested' : 'passed'));
    expect(untestedRequired(verdicts)).toEqual([{ where: 'screen-reader [visible-labels]', cause: expect.stringMatching(/visible-labels, which screen-reader requires, was untested at every checkpoint \(artifact "form-semantics" was not gathered\)/) }]);
  });
  it('an audit tried at one checkpoint at least is not incomplete', () => {
    const verdicts = ['journey-blocked', 'journey-observations'].flatMap((id) => [v(id, 'untested', 'multi-account'), v(id, 'passed', 'multi-account')]);
    expect(untestedRequired(verdicts)).toEqual([]);
  });
});

describe('a language persona on a target that does not offer its language', () => {
  const checkpoint = (requestedLanguage: string) => ({ schema: 'portico.artifacts/1', checkpoint: 'home', url: 'http://x/', pagePath: '/', context: { persona: 'rtl-reader', locale: 'ar' }, gatheredAt: '', versions: {}, gathered: { journey: { requestedLanguage } } }) as unknown as Artifacts;
  const rtl = auditsFor(PERSONAS.find((p) => p.id === 'rtl-reader')!).map((a) => a.meta.id);
  const languageAudits = ['page-language', 'untranslated-text', 'text-direction'];
  // Only what was chosen at its checkpoints has verdicts: the language audits are left out of pages asked in English.
  const verdicts = rtl.filter((id) => !languageAudits.includes(id)).map((auditId): AuditVerdict => ({ auditId, checkpoint: 'home', url: 'http://x/', outcome: 'passed', findingCount: 0, context: { persona: 'rtl-reader' } }));
  it('walked in the target\'s language: its language audits are required nowhere, so the run is not incomplete', () => {
    expect(rtl).toEqual(expect.arrayContaining(languageAudits));
    expect(untestedRequired(verdicts, [checkpoint('en')])).toEqual([]);
  });
  it('walked in its own language: a language audit with no verdict is still untested everywhere', () => {
    expect(untestedRequired(verdicts, [checkpoint('ar')]).map((u) => u.where)).toEqual(expect.arrayContaining(['rtl-reader [page-language]']));
  });
});

describe('a run whose only checkpoint is the lottery walked nothing', () => {
  const a = (gathered: Record<string, unknown>) => ({ schema: 'portico.artifacts/1', checkpoint: 'c', url: '', pagePath: '/', context: {}, gatheredAt: '', versions: {}, gathered }) as Artifacts;
  it('the lottery checkpoint is not a journey checkpoint', () => {
    expect(journeyCheckpoints([a({ lottery: { error: 'x' } })])).toEqual([]);
    expect(journeyCheckpoints([a({ lottery: {} }), a({ axe: {} })])).toHaveLength(1);
  });
});
