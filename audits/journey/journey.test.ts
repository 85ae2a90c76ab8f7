import { describe, expect, it } from 'vitest';
import { journeyBlockedAudit } from './journey-blocked.ts';
import { journeyObservationsAudit } from './journey-observations.ts';
import type { JourneyArtifact } from '../../harness/journey/journey-artifact.ts';
import type { Artifacts } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const journey = (over: Partial<JourneyArtifact>): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'registration', url: 'http://x/registration', pagePath: '/registration', context: { persona: 'keyboard', step: 'registration' }, gatheredAt: '', versions: {},
  gathered: { journey: { stepId: 'registration', stepTitle: 'Register', personaTitle: 'Keyboard-only user', actorKind: 'keyboard', blockedCites: { wcag: ['2.1.1'] }, observations: [], records: {}, actions: ['Tab to "Email", type'], ...over } },
});
const ctx = { checkpoint: 'registration', url: '', pagePath: '/registration', context: {} };

describe('journey-blocked', () => {
  it('a blocked step is a critical finding filed under the persona\'s criteria, with the steps taken', () => {
    const r = journeyBlockedAudit.audit(journey({ blocked: { cause: 'Tab never reached button "Continue"', how: 'with the keyboard only' } }), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.findings[0]).toMatchObject({ ruleId: 'journey-blocked', impact: 'critical', wcag: ['2.1.1'] });
    expect(r.findings[0].message).toMatch(/Keyboard-only user is blocked at "Register": Tab never reached.*Steps taken: Tab to "Email", type/);
  });
  it('a step that could not be tried is an error (the run is incomplete), never a pass', () => {
    expect(journeyBlockedAudit.audit(journey({ incomplete: 'connection refused' }), ctx).outcome).toBe('error');
  });
  it('a completed step passes', () => {
    expect(journeyBlockedAudit.audit(journey({}), ctx).outcome).toBe('passed');
  });
});

describe('journey-observations', () => {
  it('keeps several observations of one kind at one step apart', () => {
    const a = journey({ observations: [
      { ruleId: 'email-rejected', message: 'rejected a@b.com.ve', other: ['UASG 004'], selector: 'email:a' },
      { ruleId: 'email-rejected', message: 'rejected c@d.com.br', other: ['UASG 004'], selector: 'email:c' },
    ] });
    const { findings } = runAudits([journeyObservationsAudit], [a]);
    expect(findings).toHaveLength(2);
    expect(findings[0].requirements.other).toContain('UASG 004');
  });
  it('is inapplicable when nothing was observed', () => {
    expect(journeyObservationsAudit.audit(journey({}), ctx).outcome).toBe('inapplicable');
  });
});

describe('keys: what a journey finding is about, as data', () => {
  it('a blocked step carries the key the step gave (the field or control that stopped the person)', () => {
    const r = journeyBlockedAudit.audit(journey({ blocked: { cause: 'a US address is demanded', how: 'following the journey', key: 'us-address' }, blockedCites: { wcag: [], other: ['journey blocked: US address demanded without legal basis'] } }), ctx);
    expect(r.findings[0]).toMatchObject({ key: 'us-address', other: ['journey blocked: US address demanded without legal basis'] });
  });
  it('an observation keeps its key through run-audits', () => {
    const a = journey({ observations: [{ ruleId: 'email-rejected', key: 'idn', message: 'rejected', other: ['UASG 004'], selector: 'email:idn:rejected' }] });
    expect(runAudits([journeyObservationsAudit], [a]).findings[0].key).toBe('idn');
  });
});
