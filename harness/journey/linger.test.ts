import { describe, expect, it } from 'vitest';
import { lingerObservation, lingerSeconds, lingerSecondsFor, type LingerFacts } from './linger.ts';

const facts = (over: Partial<LingerFacts>): LingerFacts => ({ step: 'registration', seconds: 1500, entered: {}, browserClock: true, serverClock: true, hooksUsed: ['advanceClock'], warning: null, navigatedTo: null, ...over });

describe('lingerObservation (2.2.1)', () => {
  it('says nothing when a warning offered a way to extend', () => {
    expect(lingerObservation(facts({ warning: { atSeconds: 780, text: 'Your session ends in 2 minutes', extend: 'Stay signed in' } }), true)).toBeNull();
  });
  it('says nothing when no time limit was met (the form went through)', () => {
    expect(lingerObservation(facts({}), false)).toBeNull();
  });
  it('is a barrier when the session ended with no warning', () => {
    const o = lingerObservation(facts({}), true);
    expect(o).toMatchObject({ ruleId: 'time-limit-no-warning', key: 'session', wcag: ['2.2.1'] });
    expect(o?.outcome).toBeUndefined();
    expect(o?.message).toMatch(/25 minutes.*no warning/);
  });
  it('is a barrier when the warning has no way to extend', () => {
    expect(lingerObservation(facts({ warning: { atSeconds: 600, text: 'Session ending', extend: null } }), false)?.message).toMatch(/no way to extend/);
    expect(lingerObservation(facts({ navigatedTo: 'https://x/signed-out' }), false)?.message).toMatch(/went to https:\/\/x\/signed-out/);
  });
  it('is cantTell, not a barrier, when only the browser clock could move and nothing happened', () => {
    expect(lingerObservation(facts({ serverClock: false, hooksUsed: [] }), false)?.outcome).toBe('cantTell');
    expect(lingerObservation(facts({ serverClock: false, hooksUsed: [] }), true)?.outcome).toBeUndefined();
  });
});

describe('lingerSeconds', () => {
  it('defaults past common session limits and can be configured', () => {
    expect(lingerSeconds(undefined, {})).toBeGreaterThan(1200);
    expect(lingerSeconds({ seconds: 60 }, {})).toBe(60);
    expect(lingerSeconds({ seconds: 60 }, { PORTICO_LINGER_SECONDS: '2400' })).toBe(2400);
  });
});

describe('lingerSecondsFor: a session the target says lasts N s', () => {
  it('is waited past by a tenth (at least 10 s), never longer than the persona would wait', () => {
    expect(lingerSecondsFor({ seconds: 1500 }, 120, {})).toBe(132);
    expect(lingerSecondsFor({ seconds: 1500 }, 60, {})).toBe(70);
    expect(lingerSecondsFor({ seconds: 100 }, 120, {})).toBe(100);
    expect(lingerSecondsFor({ seconds: 1500 }, undefined, {})).toBe(1500);
  });
});

describe('lingerObservation: a wait bounded by the session the target says lasts N s', () => {
  it('says how long the person stayed and how long the session lasts, not "common session limits"', () => {
    const m = lingerObservation(facts({ seconds: 132, sessionLastsSeconds: 120 }), true)?.message;
    expect(m).toMatch(/stayed 132 s on the form \(longer than the 120 s the session lasts\)/);
    expect(lingerObservation(facts({}), true)?.message).toMatch(/stayed 25 minutes on the form \(longer than common session limits\)/);
  });
});
