import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeclarativeTarget, TargetFileError } from './schema.ts';
import { interpolateValue, lackingPart, SKIP } from './interpolate.ts';
import { languageFor, localizePath } from './language.ts';
import { serveApp, splitCommand, TargetStartError } from './serve.ts';
import { describedTargetMatrix, loadDefectCatalogue } from './matrix.ts';
import { emailStepOf } from './universal-email.ts';
import { declarativeToTarget } from './index.ts';
import { PERSONAS } from '../../../personas/index.ts';
import { auditsFor } from '../../../composition/registry.ts';

const full = `
id: benefits
title: Benefits
serve: { command: "{node} app.ts", env: { PORT: "{port}", PROFILE: "{profile}", SMTP_PORT: "{mail.smtpPort}" }, ready: /healthz }
baseURL: "http://127.0.0.1:{port}"
languages: { offered: [en, es, ar, ht], choose: { query: lang } }
mail: { sink: smtp }
profiles: [conformant, broken]
flows:
  - id: apply
    title: Apply
    steps:
      - id: email
        title: Give your email
        goto: /start
        fill: [{ label: Email address, value: "{persona.email}" }, { label: Street, value: "{persona.usAddress.street}" }]
        click: { role: button, name: Continue }
        expect: { url: /code, timeout: 15000 }
        form: true
      - id: code
        waitForMail: { to: "{persona.email}", code: "(\\\\d{6})", timeout: 20000 }
        fill: [{ label: Code, value: "{mail.code}" }]
      - id: photo
        language: es
        capture: { control: { role: button, name: Take photo }, accepted: { text: Photo accepted }, rejected: { text: try again }, alternative: { role: link, name: I cannot take a photo } }
`;
const bad = (from: string | RegExp, to: string) => () => parseDeclarativeTarget(full.replace(from, to), 'benefits.target.yaml');

describe('the declarative format: every key', () => {
  it('parses serve, languages, mail, profiles, waitForMail, capture, form and step languages', () => {
    const t = parseDeclarativeTarget(full, 'benefits.target.yaml');
    expect(t.locales).toEqual(['en', 'es', 'ar', 'ht']);
    expect(t.mail).toEqual({ sink: 'smtp' });
    expect(t.flows[0].steps[1].title).toBe('code');
    expect(t.flows[0].steps[1].waitForMail?.code).toBe('(\\d{6})');
    expect(t.flows[0].steps[2].capture?.alternative?.name).toBe('I cannot take a photo');
  });
  it('rejects unknown keys, naming the file, flow, step and key', () => {
    expect(bad('form: true', 'from: true')).toThrow(/benefits\.target\.yaml: .*flow "apply" › step "email": unknown key "from"/s);
    expect(bad('mail: { sink: smtp }', 'mail: { sink: smtp }\nmial: 1')).toThrow(/\(top level\): unknown key "mial"/);
    expect(bad('accepted: { text: Photo accepted }', 'accepted: { txt: Photo accepted }')).toThrow(/step "photo" › capture › accepted/);
  });
  it('optional fields and choices, and flows walked without a part of the person\'s data', () => {
    const t = parseDeclarativeTarget(full
      .replace('{ label: Street, value: "{persona.usAddress.street}" }]', '{ label: Street, value: "{persona.usAddress.street}", optional: true }]\n        check: [{ label: I have no fixed address, optional: true }, Lost my job]')
      .replace('    title: Apply\n', '    title: Apply\n    without: [homeAddress]\n'), 'benefits.target.yaml');
    expect(t.flows[0].without).toEqual(['homeAddress']);
    expect(t.flows[0].steps[0].fill).toContainEqual({ label: 'Street', value: '{persona.usAddress.street}', optional: true });
    expect(t.flows[0].steps[0].check).toEqual([{ label: 'I have no fixed address', optional: true }, 'Lost my job']);
    expect(bad('    title: Apply\n', '    title: Apply\n    without: [phone]\n')).toThrow(/flow "apply" › without\[0\]: use one of usAddress, homeAddress/);
    expect(bad('value: "{persona.usAddress.street}" }', 'value: "{persona.usAddress.street}", optional: yes }')).toThrow(/step "email" › fill\[1\] › optional/);
  });
  it('upload: "{photo}" is Portico\'s synthetic photo; a path must exist beside the description (named with flow, step and key)', () => {
    const ok = parseDeclarativeTarget(full.replace('        language: es\n', '        language: es\n        upload: { label: Photo, file: "{photo}" }\n'), 'benefits.target.yaml');
    expect(ok.flows[0].steps[2].upload).toEqual({ label: 'Photo', file: '{photo}' });
    expect(bad('        language: es\n', '        language: es\n        upload: { label: Photo, file: ./no-such.png }\n')).toThrow(/flow "apply" › step "photo" › upload › file: no file .*no-such\.png/);
  });
  it('rejects {mail.code} before any waitForMail, and waitForMail without a mail key', () => {
    expect(bad('value: "{persona.email}" }, {', 'value: "{mail.code}" }, {')).toThrow(/step "email" › fill\[0\] › value: \{mail\.code\} is used before any waitForMail/);
    expect(bad(/mail: \{ sink: smtp \}\n/, '').bind(null)).toThrow(/step "code" › waitForMail: needs a top-level mail key/);
    expect(() => parseDeclarativeTarget(full.replace('mail: { sink: smtp }', 'mail: none').replace(', SMTP_PORT: "{mail.smtpPort}"', ''), 'b.yaml')).not.toThrow();
  });
  it('rejects {port} without serve, {mail.smtpPort} without a sink, bad choose methods, unknown placeholders and languages not offered', () => {
    expect(bad(/serve: .*\n/, '')).toThrow(/baseURL: \{port\} is the port Portico picks/);
    expect(bad('mail: { sink: smtp }', 'mail: { api: "http://127.0.0.1:8025" }')).toThrow(/serve › env › SMTP_PORT: \{mail\.smtpPort\} needs mail: \{ sink: smtp \}/);
    expect(bad('choose: { query: lang }', 'choose: { radio: lang }')).toThrow(/languages › choose: choose one of/);
    expect(bad('choose: { query: lang }', 'choose: { control: { role: link, name: { en: English } } }')).toThrow(/no name for offered language "es"/);
    expect(bad('{persona.usAddress.street}', '{persona.street}}{oops.x}')).toThrow(/unknown placeholder \{oops\.x\}/);
    expect(bad('language: es', 'language: pt')).toThrow(/step "photo" › language: "pt" is not in languages\.offered/);
    expect(bad('code: "(\\\\d{6})"', 'code: "(unclosed"')).toThrow(/waitForMail › code: must be a valid regular expression/);
  });
});

describe('session: how a person extends the session at the time-out warning', () => {
  const withSession = (session: string) => full.replace('profiles: [conformant, broken]\n', `profiles: [conformant, broken]\nsession: ${session}\n`);
  it('gives the target the extend control in the language asked for', () => {
    const t = declarativeToTarget(parseDeclarativeTarget(withSession('{ extend: { role: button, name: { en: Stay signed in, es: Seguir conectado, ar: البقاء متصلًا, ht: Rete konekte } } }'), 'benefits.target.yaml'));
    expect(t.session?.extend('es')).toEqual({ role: 'button', name: 'Seguir conectado' });
    expect(t.session?.extend('ar')).toEqual({ role: 'button', name: 'البقاء متصلًا' });
    expect(declarativeToTarget(parseDeclarativeTarget(full, 'benefits.target.yaml')).session).toBeUndefined();
  });
  it('names the file and the key that are wrong: unknown keys, a bad role, a language with no name', () => {
    expect(() => parseDeclarativeTarget(withSession('{ extend: { role: button, name: Stay }, warn: 1 }'), 'benefits.target.yaml')).toThrow(/benefits\.target\.yaml: .*session: unknown key "warn"/s);
    expect(() => parseDeclarativeTarget(withSession('{ extend: { role: div, name: Stay } }'), 'benefits.target.yaml')).toThrow(/session › extend › role/);
    expect(() => parseDeclarativeTarget(withSession('{ extend: { role: button, name: { en: Stay signed in } } }'), 'benefits.target.yaml')).toThrow(/benefits\.target\.yaml: .*session › extend › name: no name for offered language "es"/s);
  });
});

describe('partOf: the page after a mistake is audited as part of the form step', () => {
  it('files the step\'s checkpoint under an earlier step; an unknown or later one is named with flow, step and key', () => {
    const ok = parseDeclarativeTarget(full.replace('        language: es\n', '        language: es\n        partOf: email\n'), 'benefits.target.yaml');
    expect(declarativeToTarget(ok).flows[0].steps[2].partOf).toBe('email');
    expect(bad('        language: es\n', '        language: es\n        partOf: nowhere\n')).toThrow(/benefits\.target\.yaml: .*flow "apply" › step "photo" › partOf: "nowhere" is not an earlier step of this flow/s);
    expect(bad('        language: es\n', '        language: es\n        partOf: photo\n')).toThrow(/step "photo" › partOf/);
  });
});

describe('values', () => {
  const ctx = { data: { email: 'a@b.c', givenNames: 'Ana', usAddress: { street: '1 Main St' } }, state: { mail: { code: '123456' } } } as never;
  const noAddress = { data: { email: 'a@b.c', usAddress: null }, state: {} } as never;
  it('reads persona data, nested data and the mail code', () => {
    expect(interpolateValue('{persona.givenNames} <{persona.email}> {persona.usAddress.street} {mail.code}', ctx)).toBe('Ana <a@b.c> 1 Main St 123456');
  });
  it('skips a value under a part the persona does not have (usAddress: null) — the field stays empty, not a block', () => {
    expect(interpolateValue('{persona.usAddress.street}', noAddress)).toBe(SKIP);
  });
  it('names the part of the persona\'s data a skipped value lacks (a refused form is keyed by it)', () => {
    expect(lackingPart('{persona.usAddress.street}', { usAddress: null })).toBe('usAddress');
    expect(lackingPart('{persona.usAddress.street}', { usAddress: { street: '1 Main St' } })).toBeUndefined();
    expect(lackingPart('{persona.email}', { email: 'a@b.c' })).toBeUndefined();
  });
  it('a field no persona has is the description\'s mistake (an Error: incomplete), not a barrier', () => {
    expect(() => interpolateValue('{persona.shoeSize}', ctx)).toThrow(/no value for/);
    expect(() => interpolateValue('{mail.code}', noAddress)).toThrow(/no mail has given one yet/);
  });
});

describe('languages', () => {
  const t = parseDeclarativeTarget(full, 'b.yaml');
  it('walks in the persona\'s language when offered, a fixed flow language, or English with offered: false', () => {
    expect(languageFor(t, {}, { language: 'ht' })).toEqual({ language: 'ht', offered: true });
    expect(languageFor(t, { language: 'es' }, { language: 'ht' })).toEqual({ language: 'es', offered: true });
    expect(languageFor({ ...t, locales: ['en', 'es'] }, {}, { language: 'ht' })).toEqual({ language: 'en', offered: false });
  });
  it('localizes paths by query or path prefix', () => {
    expect(localizePath('/start?x=1', 'es', { query: 'lang' })).toBe('/start?x=1&lang=es');
    expect(localizePath('/start', 'ar', { path: '/{lang}' })).toBe('/ar/start');
    expect(localizePath('/start', 'ar', { cookie: 'lang' })).toBe('/start');
  });
  it('gives every flow its language and adds the universal-email flow at the first step that fills {persona.email}', () => {
    const target = declarativeToTarget(t);
    expect(target.flows.map((f) => f.id)).toEqual(['apply', 'email-acceptance']);
    expect(emailStepOf(t)).toMatchObject({ flow: 'apply', goto: '/start' });
    const ua = target.flows[1];
    expect(ua.personas).toEqual(['universal-email']);
    expect(ua.steps.map((s) => s.partOf)).toEqual(Array(ua.steps.length).fill('email'));
    expect(ua.steps.at(-1)!.id).toBe('email-negative-control');
  });
  it('after a deliberate mistake at the email step, the universal-email attempts are filed under that step and the mistake is not repeated', async () => {
    const { readFileSync } = await import('node:fs');
    const b = parseDeclarativeTarget(readFileSync('targets/benefits.target.yaml', 'utf8'), 'benefits.target.yaml');
    const where = emailStepOf(b)!;
    expect(where.step.id).toBe('email-errors');
    expect(where.through.map((s) => s.id)).toEqual(['start']);
    const ua = declarativeToTarget(b).flows.find((f) => f.id === 'email-acceptance')!;
    expect(ua.steps[0].id).toBe('email');
    expect(ua.steps.map((s) => s.partOf)).toEqual(Array(ua.steps.length).fill('email'));
  });
});

describe('serve', () => {
  it('splits a command without a shell', () => {
    expect(splitCommand(`node "my app.ts" --x 'a b'`)).toEqual(['node', 'my app.ts', '--x', 'a b']);
  });
  it('starts the app on a free port with its env, waits for ready, and stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-serve-'));
    writeFileSync(join(dir, 'app.mjs'), `import http from 'node:http'; http.createServer((q, s) => { s.end(q.url === '/healthz' ? 'ok ' + process.env.PROFILE : 'x'); }).listen(Number(process.env.PORT), '127.0.0.1');`);
    const app = await serveApp({ command: '{node} app.mjs', env: { PORT: '{port}', PROFILE: '{profile}' }, ready: '/healthz', cwd: dir }, 'http://127.0.0.1:{port}', { profile: 'broken', defects: [] });
    expect(await (await fetch(`${app.baseURL}/healthz`)).text()).toBe('ok broken');
    await app.stop();
    await expect(fetch(`${app.baseURL}/healthz`)).rejects.toThrow();
  });
  it('a crash before ready is a start error with the app\'s stderr tail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-serve-'));
    writeFileSync(join(dir, 'app.mjs'), `console.error('cannot open database'); process.exit(3);`);
    await expect(serveApp({ command: '{node} app.mjs', ready: '/healthz', cwd: dir }, 'http://127.0.0.1:{port}', { profile: 'conformant', defects: [] }))
      .rejects.toThrow(TargetStartError);
    await expect(serveApp({ command: '{node} app.mjs', ready: '/healthz', cwd: dir }, 'http://127.0.0.1:{port}', { profile: 'conformant', defects: [] }))
      .rejects.toThrow(/exited with code 3.*cannot open database/s);
  });
});

describe('the defect matrix of a described target', () => {
  it('reads the catalogue as data and returns clean, per-defect and per-profile projects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-matrix-'));
    writeFileSync(join(dir, 'defects.yaml'), `- { id: cc-email, title: t, changes: c, barrier: b, persona: universal-email, step: email, proof: { by: [universal-acceptance/email-rejected], cites: [UASG 004], keys: [country-code-sld] } }\n`);
    writeFileSync(join(dir, 'b.target.yaml'), full.replace('profiles: [conformant, broken]', 'profiles: [conformant, broken]\ndefects: ./defects.yaml'));
    const projects = describedTargetMatrix(join(dir, 'b.target.yaml'), { personas: PERSONAS, auditsFor });
    const names = projects.map((p) => p.name);
    expect(names).toContain('benefits@keyboard');
    expect(names).toContain('benefits[cc-email]@universal-email');
    expect(names).toContain('benefits:broken@keyboard');
    const defect = projects.find((p) => p.name === 'benefits[cc-email]@universal-email')!;
    expect(defect.use).toMatchObject({ porticoProfile: 'conformant', porticoDefects: ['cc-email'], porticoPersona: 'universal-email' });
    expect(defect.metadata.expectation).toMatchObject({ kind: 'defect', step: 'email' });
    const required = (name: string, ps = projects) => (ps.find((p) => p.name === name)!.metadata.expectation as { requiredAudits: string[] }).requiredAudits;
    expect(required('benefits@haitian-creole')).toContain('page-language');
    // Not offered: the walk does not apply its language checks, so the clean expectation does not require them.
    writeFileSync(join(dir, 'c.target.yaml'), full.replace('offered: [en, es, ar, ht]', 'offered: [en, es]').replace('profiles: [conformant, broken]', 'profiles: [conformant, broken]\ndefects: ./defects.yaml'));
    const enEs = describedTargetMatrix(join(dir, 'c.target.yaml'), { personas: PERSONAS, auditsFor });
    expect(required('benefits@haitian-creole', enEs)).not.toContain('page-language');
    expect(required('benefits@keyboard', enEs)).toEqual(required('benefits@keyboard'));
  });
  it('names the defect and key that are wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-matrix-'));
    writeFileSync(join(dir, 'd.yaml'), `- { id: x, title: t, changes: c, barrier: b, persona: nobody, step: s, proof: { by: [a], cites: [b], keys: null } }\n- { id: y, title: t, changes: c, barrier: b, persona: keyboard, step: s, proof: { by: [a], cites: [] , keys: null } }\n`);
    expect(() => loadDefectCatalogue(join(dir, 'd.yaml'))).toThrow(/defect "y" › proof › cites: needs at least 1 entry/);
    writeFileSync(join(dir, 'bad.yaml'), '- id: x\n  title: "unclosed\n');
    expect(() => loadDefectCatalogue(join(dir, 'bad.yaml'))).toThrow(/bad\.yaml: the defect catalogue is not valid YAML: /);
    writeFileSync(join(dir, 'e.yaml'), `- { id: x, title: t, changes: c, barrier: b, persona: nobody, step: s, proof: { by: [a], cites: [b], keys: null } }\n`);
    expect(() => loadDefectCatalogue(join(dir, 'e.yaml'), ['keyboard'])).toThrow(TargetFileError);
  });
});
