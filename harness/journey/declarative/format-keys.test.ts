import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeclarativeTarget, TargetFileError } from './schema.ts';
import { describedTargetMatrix } from './matrix.ts';
import { PERSONAS } from '../../../personas/index.ts';
import { auditsFor } from '../../../composition/registry.ts';

/** The keys the described reference target needed: select by value, sendOffline, unreachable. */
const base = (step: string, top = '') => `
baseURL: http://127.0.0.1:8080
${top}flows:
  - id: apply
    title: Apply
    steps:
      - id: details
${step}
`;

describe('select by value, sendOffline, unreachable', () => {
  it('select: option (the words shown) or value (the option\'s value, e.g. a country code), not both, not neither', () => {
    const t = parseDeclarativeTarget(base('        select: { label: Nationality, value: "{persona.nationality}" }'), 'x.yaml');
    expect(t.flows[0].steps[0].select).toEqual({ label: 'Nationality', value: '{persona.nationality}' });
    expect(() => parseDeclarativeTarget(base('        select: { label: Nationality, value: HN, option: Honduras }'), 'x.yaml')).toThrow(/x\.yaml.*flow "apply" › step "details" › select: give option .* or value/s);
    expect(() => parseDeclarativeTarget(base('        select: { label: Nationality }'), 'x.yaml')).toThrow(/step "details" › select/);
    // A value personas do not have is found when the file is read, not mid-run.
    expect(() => parseDeclarativeTarget(base('        select: { label: Nationality, value: "{persona.nope}" }'), 'x.yaml')).toThrow(/step "details" › select\[0\] › value: \{persona\.nope\}: personas have no such value/);
    expect(() => parseDeclarativeTarget(base('        select: { label: Nationality, value: "{nope}" }'), 'x.yaml')).toThrow(/step "details" › select\[0\] › value: unknown placeholder \{nope\}/);
  });
  it('sendOffline needs a click that sends the form', () => {
    expect(parseDeclarativeTarget(base('        fill: { label: Name, value: x }\n        sendOffline: true\n        click: { role: button, name: Continue }'), 'x.yaml').flows[0].steps[0].sendOffline).toBe(true);
    expect(() => parseDeclarativeTarget(base('        fill: { label: Name, value: x }\n        sendOffline: true'), 'x.yaml')).toThrow(/x\.yaml.*flow "apply" › step "details" › sendOffline: needs a click/s);
  });
  it('unreachable: names catalogued defects with why; the matrix makes no project for them and rejects an unknown id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-unreachable-'));
    writeFileSync(join(dir, 'defects.yaml'), `- { id: a, title: t, changes: c, barrier: b, persona: keyboard, step: details, proof: { by: [x], cites: [y], keys: null } }\n- { id: lottery, title: t, changes: c, barrier: b, persona: multi-account, step: draw, proof: { by: [x], cites: [y], keys: null } }\n`);
    const file = (u: string) => { writeFileSync(join(dir, 't.target.yaml'), base('        goto: /', `id: t\nprofiles: [conformant, broken]\ndefects: ./defects.yaml\nunreachable: { ${u} }\n`)); return join(dir, 't.target.yaml'); };
    const names = describedTargetMatrix(file('lottery: the draw runs at the app\'s own time'), { personas: PERSONAS, auditsFor }).map((p) => p.name);
    expect(names).toContain('t[a]@keyboard');
    expect(names.some((n) => n.includes('[lottery]'))).toBe(false);
    expect(() => describedTargetMatrix(file('nope: why'), { personas: PERSONAS, auditsFor })).toThrow(/unreachable › nope: no defect "nope"/);
    expect(() => parseDeclarativeTarget(base('        goto: /', 'unreachable: { a: why }\n'), 'x.yaml')).toThrow(TargetFileError);
  });
});

describe('require', () => {
  const two = (step: string) => base(step, 'languages: { offered: [en, es] }\n');
  it('names a control the person needs and what for (one or a list); a name for every offered language', () => {
    const t = parseDeclarativeTarget(two('        require: { role: link, name: { en: Change your details, es: Cambiar sus datos }, for: correction }'), 'x.yaml');
    expect(t.flows[0].steps[0].require).toEqual([{ role: 'link', name: { en: 'Change your details', es: 'Cambiar sus datos' }, for: 'correction' }]);
    expect(parseDeclarativeTarget(base('        require: [{ role: link, name: Help, for: help }, { role: button, name: Verify in person, for: biometric-alternative }]'), 'x.yaml').flows[0].steps[0].require).toHaveLength(2);
    expect(() => parseDeclarativeTarget(two('        require: { role: link, name: { en: Change your details }, for: correction }'), 'x.yaml')).toThrow(/x\.yaml.*flow "apply" › step "details" › require\[0\] › name: no name for offered language "es"/s);
  });
  it('rejects an unknown purpose, a missing one and an unknown key, naming the step and the key', () => {
    expect(() => parseDeclarativeTarget(base('        require: { role: link, name: Edit, for: editing }'), 'x.yaml')).toThrow(/step "details" › require\[0\] › for: use one of biometric-alternative, correction, help/);
    expect(() => parseDeclarativeTarget(base('        require: { role: link, name: Edit }'), 'x.yaml')).toThrow(/step "details" › require/);
    expect(() => parseDeclarativeTarget(base('        require: { role: link, name: Edit, for: correction, why: x }'), 'x.yaml')).toThrow(/step "details" › require.*unknown key "why"/s);
    expect(() => parseDeclarativeTarget(base('        require: { role: heading, name: Edit, for: correction }'), 'x.yaml')).toThrow(/step "details" › require\[0\] › role/);
  });
});

describe('session: lasts', () => {
  const top = (session: string) => base('        goto: /', `session: ${session}\n`);
  it('says how long the session lasts (whole seconds, up to 15 minutes) beside the control that extends it', () => {
    expect(parseDeclarativeTarget(top('{ extend: { role: button, name: Stay signed in }, lasts: 125 }'), 'x.yaml').session).toEqual({ extend: { role: 'button', name: 'Stay signed in' }, lasts: 125 });
    expect(() => parseDeclarativeTarget(top('{ extend: { role: button, name: Stay signed in }, lasts: 0 }'), 'x.yaml')).toThrow(/session › lasts/);
    expect(() => parseDeclarativeTarget(top('{ extend: { role: button, name: Stay signed in }, lasts: 2.5 }'), 'x.yaml')).toThrow(/session › lasts/);
    expect(() => parseDeclarativeTarget(top('{ extend: { role: button, name: Stay signed in }, lasts: 3600 }'), 'x.yaml')).toThrow(/session › lasts/);
    expect(() => parseDeclarativeTarget(top('{ lasts: 125 }'), 'x.yaml')).toThrow(/session › extend/);
  });
});

describe('session: signIn, and away on a form step', () => {
  const signIn = '{ shows: { heading: Sign in }, steps: [ { id: sign-in, fill: { label: Email, value: "{persona.email}" }, click: { role: button, name: Continue } } ] }';
  const session = (extra: string) => `session: { extend: { role: button, name: Stay signed in }${extra} }\n`;
  const away = '        form: true\n        away: true\n        click: { role: button, name: Continue }';
  it('signIn gives the page asking to sign in again and the steps that do it; it needs lasts', () => {
    const t = parseDeclarativeTarget(base(away, session(`, lasts: 120, signIn: ${signIn}`)), 'x.yaml');
    expect(t.session?.signIn?.shows).toEqual({ heading: 'Sign in' });
    expect(t.session?.signIn?.steps[0].id).toBe('sign-in');
    expect(() => parseDeclarativeTarget(base('        goto: /', session(`, signIn: ${signIn}`)), 'x.yaml')).toThrow(/session › signIn: needs lasts/);
    // Its steps are checked as steps are: {mail.code} before any waitForMail is named under session › signIn.
    expect(() => parseDeclarativeTarget(base('        goto: /', session(`, lasts: 120, signIn: ${signIn.replace('{persona.email}', '{mail.code}')}`)), 'x.yaml')).toThrow(/flow "session › signIn" › step "sign-in" › fill\[0\] › value: \{mail\.code\} is used before/);
  });
  it('away needs form: true, a click and session.signIn', () => {
    expect(parseDeclarativeTarget(base(away, session(`, lasts: 120, signIn: ${signIn}`)), 'x.yaml').flows[0].steps[0].away).toBe(true);
    expect(() => parseDeclarativeTarget(base(away, session(', lasts: 120')), 'x.yaml')).toThrow(/step "details" › away: needs form: true, a click .* session: \{ signIn \}/);
    expect(() => parseDeclarativeTarget(base(away.replace('        form: true\n', ''), session(`, lasts: 120, signIn: ${signIn}`)), 'x.yaml')).toThrow(/step "details" › away/);
  });
});
