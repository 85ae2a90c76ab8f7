import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCatalogue, loadCatalogue, resolveDefects, CATALOGUE_FILE } from './defects.ts';
import { CATALOGUES, LANGUAGES, NATIVE_NAMES, pickLanguage } from './i18n.ts';
import { validateEmail, validateDetails, validateCircumstances, isRealPastDate, isImage, referenceNumber, normaliseEmail, type Details } from './validate.ts';
import { startBenefitsApp } from './server.ts';
import { startTestSmtp, parseTextMail } from './testing.ts';

const none = new Set<string>();

describe('defect catalogue (defects.yaml)', () => {
  const cat = loadCatalogue();
  it('has at least 15 defects, each with every field, spread over personas', () => {
    expect(cat.defects.length).toBeGreaterThanOrEqual(15);
    for (const d of cat.defects) {
      expect(d.title && d.changes && d.barrier, d.id).toBeTruthy();
      expect(d.proof.by.length, d.id).toBeGreaterThan(0);
      expect(d.proof.cites.length, d.id).toBeGreaterThan(0);
    }
    expect(new Set(cat.defects.map((d) => d.persona)).size).toBeGreaterThanOrEqual(9);
  });
  it('cites a documented failure pattern in every barrier', () => {
    for (const d of cat.defects) expect(d.barrier, d.id).toMatch(/\bF\d+\b|WebAIM|ACT rule|WCAG|UASG|Section 508|W3C|GOV\.UK Design System/);
  });
  it('profile broken is every defect, conformant none; DEFECTS overrides the profile', () => {
    expect(resolveDefects('broken', undefined)).toEqual(cat.defects.map((d) => d.id));
    expect(resolveDefects('conformant', undefined)).toEqual([]);
    expect(resolveDefects(undefined, [])).toEqual([]);
    expect(resolveDefects('broken', ['no-rtl-dir'])).toEqual(['no-rtl-dir']);
    expect(() => resolveDefects('nope', undefined)).toThrow(/Unknown profile "nope"/);
    expect(() => resolveDefects(undefined, ['nope'])).toThrow(/Unknown defect id\(s\): nope/);
  });
  it('rejects a malformed catalogue, naming the defect and field', () => {
    const good = readFileSync(CATALOGUE_FILE, 'utf8');
    expect(() => parseCatalogue(good.replace('persona: keyboard', 'persona: nobody'))).toThrow(/unknown persona "nobody"/);
    expect(() => parseCatalogue(good.replace('step: start', 'step: nowhere'))).toThrow(/unknown step "nowhere"/);
    expect(() => parseCatalogue('defects:\n  - id: a\n    title: t\n')).toThrow(/defect "a".persona/);
    expect(() => parseCatalogue('profiles: { x: [zzz] }\ndefects: []')).toThrow(/profile "x" names unknown/);
  });
});

describe('translations', () => {
  const keys = Object.keys(CATALOGUES.en);
  for (const lang of LANGUAGES) {
    it(`${lang}: every key present and non-empty, with the same placeholders as English`, () => {
      const c = CATALOGUES[lang] as Record<string, string>;
      expect(Object.keys(c).sort()).toEqual(keys.slice().sort());
      for (const k of keys) {
        expect(c[k].trim(), `${lang} ${k}`).not.toBe('');
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(c[k]), `${lang} ${k}`).toEqual(ph(CATALOGUES.en[k as keyof typeof CATALOGUES.en]));
      }
    });
  }
  it('translations are translated: few strings equal to English', () => {
    for (const lang of ['es', 'ar', 'ht'] as const) {
      const same = keys.filter((k) => (CATALOGUES[lang] as Record<string, string>)[k] === (CATALOGUES.en as Record<string, string>)[k]);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThanOrEqual(2);
    }
  });
  it('names each language in itself and picks ?lang=, then the cookie, then Accept-Language', () => {
    expect(NATIVE_NAMES).toEqual({ en: 'English', es: 'Español', ar: 'العربية', ht: 'Kreyòl' });
    expect(pickLanguage('ar', 'es', 'ht')).toBe('ar');
    expect(pickLanguage('xx', 'es', 'ht')).toBe('es');
    expect(pickLanguage(null, undefined, 'ht-HT,fr;q=0.8')).toBe('ht');
    expect(pickLanguage(null, undefined, 'fr')).toBe('en');
  });
});

describe('validation rules', () => {
  const UASG = ['user@universal-acceptance-test.icu', 'ascii+long@universal-acceptance-test.international', 'idn+ltr@համընդհանուր-ընկալում-թեստ.հայ', 'idn+rtl@تجربة-القبول-الشامل.موريتانيا', 'อีเมลทดสอบ@ยูเอทดสอบ.ไทย', '电子邮件测试@普遍适用测试。我爱你', 'email-test@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd', 'usuario@ejemplo-prueba.com.ve', 'usuario@ejemplo.gob.ve'];
  it('conformant accepts every Universal Acceptance test address', () => {
    for (const e of UASG) expect(validateEmail(e, none), e).toBeNull();
    expect(normaliseEmail('电子邮件测试@普遍适用测试。我爱你')).toBe('电子邮件测试@普遍适用测试.我爱你');
  });
  it('rejects what is not an address', () => {
    for (const e of ['', 'no-at-sign', '@example.org', 'a@', 'a@b', 'a b@example.org', 'a@-x.org']) expect(validateEmail(e, none), e).not.toBeNull();
  });
  it('email-ascii-only rejects non-ASCII addresses only; email-tld-2-to-4 rejects long and A-label TLDs only', () => {
    const ascii = new Set(['email-ascii-only']);
    expect(validateEmail('อีเมลทดสอบ@ยูเอทดสอบ.ไทย', ascii)).toBe('err.emailFormat');
    expect(validateEmail('idn+ltr@համընդհանուր-ընկալում-թեստ.հայ', ascii)).toBe('err.emailFormat');
    expect(validateEmail('ascii+long@universal-acceptance-test.international', ascii)).toBeNull();
    const tld = new Set(['email-tld-2-to-4']);
    expect(validateEmail('ascii+long@universal-acceptance-test.international', tld)).toBe('err.emailFormat');
    expect(validateEmail('email-test@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd', tld)).toBe('err.emailFormat');
    expect(validateEmail('usuario@ejemplo-prueba.com.ve', tld)).toBeNull();
    expect(validateEmail('user@universal-acceptance-test.icu', tld)).toBeNull();
  });
  const base: Details = { fullName: 'Wilson', dobDay: '14', dobMonth: '3', dobYear: '1988', noFixedAddress: false, line1: 'Rue Capois 34', line2: '', town: 'Port-au-Prince', postcode: '', country: 'Haïti', state: '', zip: '' };
  it('details: one name, any postcode or none, a real past date', () => {
    expect(validateDetails(base, none)).toEqual({});
    expect(validateDetails({ ...base, noFixedAddress: true, line1: '', town: '', country: '' }, none)).toEqual({});
    expect(validateDetails({ ...base, line1: '' }, none)).toEqual({ line1: 'err.line1Missing' });
    expect(validateDetails({ ...base, dobDay: '31', dobMonth: '2' }, none)).toEqual({ 'dob-day': 'err.dobInvalid' });
    expect(validateDetails({ ...base, dobDay: '', dobMonth: '', dobYear: '' }, none)).toEqual({ 'dob-day': 'err.dobMissing' });
    expect(isRealPastDate(29, 2, 2000)).toBe(true);
    expect(isRealPastDate(1, 1, 2999)).toBe(false);
  });
  it('fixed-address-required and us-zip-required refuse what they name', () => {
    expect(validateDetails({ ...base, noFixedAddress: true, line1: '', town: '' }, new Set(['fixed-address-required']))).toEqual({ line1: 'err.line1Required', town: 'err.townMissing' });
    expect(validateDetails(base, new Set(['us-zip-required']))).toEqual({ state: 'err.stateMissing', zip: 'err.zipInvalid' });
    expect(validateDetails({ ...base, state: 'TX', zip: '78520' }, new Set(['us-zip-required']))).toEqual({});
  });
  it('circumstances: a situation and a reason of at most 500 characters (counted as characters, not UTF-16 units)', () => {
    expect(validateCircumstances({ situation: 'carer', lostJobWhen: '', otherDetail: '', reason: 'x' })).toEqual({});
    expect(validateCircumstances({ situation: '', lostJobWhen: '', otherDetail: '', reason: '' })).toEqual({ situation: 'err.situationMissing', reason: 'err.reasonMissing' });
    expect(validateCircumstances({ situation: 'other', lostJobWhen: '', otherDetail: '', reason: '😀'.repeat(500) })).toEqual({});
    expect(validateCircumstances({ situation: 'other', lostJobWhen: '', otherDetail: '', reason: 'a'.repeat(501) })).toEqual({ reason: 'err.reasonTooLong' });
  });
  it('photos by magic bytes; reference numbers readable aloud', () => {
    expect(isImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(isImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBe(true);
    expect(isImage(new TextEncoder().encode('GIF89a..'))).toBe(false);
    let i = 0;
    expect(referenceNumber((n) => i++ % n)).toMatch(/^HG-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });
});

describe('the running app (HTTP, no browser)', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => { smtp = await startTestSmtp(); });
  afterAll(async () => { await smtp.close(); });

  /** What a client can see of the app's rendering: shell, page data, stylesheet. */
  async function surface(defects: string[]) {
    const app = await startBenefitsApp({ defects });
    try {
      const out: Record<string, string> = {};
      for (const lang of ['en', 'ar', 'ht']) {
        const shell = await (await fetch(`${app.url}/?lang=${lang}`)).text();
        out[`shell.${lang}`] = /<html[^>]*>/.exec(shell)![0];
        const page = await (await fetch(`${app.url}/api/page?path=/&lang=${lang}`, { headers: { cookie: `lang=${lang}` } })).json();
        out[`htmlLang.${lang}`] = page.htmlLang;
        out[`dir.${lang}`] = page.dir;
        for (const [k, v] of Object.entries(page.ui)) out[`ui.${k}`] = String(v);
        for (const [k, v] of Object.entries(page.t)) out[`t.${lang}.${k.split('.')[0]}`] = (out[`t.${lang}.${k.split('.')[0]}`] ?? '') + v;
      }
      out.css = await (await fetch(`${app.url}/static/app.css`)).text();
      out['alternative.status'] = String((await fetch(`${app.url}/document/alternative`)).status);
      return out;
    } finally { await app.close(); }
  }
  /** What each defect may change in that surface; defects not listed change only server-side rules. */
  const EXPECTED: Record<string, string[]> = {
    'error-summary-not-announced': ['ui.focusErrorSummary'], 'inputs-without-labels': ['ui.visibleLabels'], 'iframe-without-title': ['ui.frameTitle'],
    'error-not-tied-to-field': ['ui.linkErrors'], 'errors-colour-only': ['ui.emailErrorText'], 'pointer-only-continue': ['ui.buttonContinue'],
    'address-finder-traps-focus': ['ui.finderReleasesFocus'], 'focus-lost-after-dialog': ['ui.returnFocus'], 'focus-outline-removed': ['css'],
    'low-contrast-hints': ['css'], 'fixed-width-layout': ['css'], 'session-ends-silently': ['ui.timeoutWarning'], 'fixed-address-required': ['ui.noFixedOption'],
    'us-zip-required': ['ui.usAddress'], 'lang-stuck-en': ['shell.ar', 'shell.ht', 'htmlLang.ar', 'htmlLang.ht'], 'no-rtl-dir': ['shell.ar', 'dir.ar'],
    'errors-english-only': ['t.ar.err', 't.ht.err'], 'no-upload-alternative': ['ui.uploadAlternative', 'alternative.status'], 'data-lost-on-failed-submit': ['ui.keepOnFailure'],
  };
  it('each defect changes exactly the part of the rendering it names, and nothing else', async () => {
    const base = await surface([]);
    expect(base['htmlLang.ar'] + base['dir.ar']).toBe('arrtl');
    for (const d of loadCatalogue().defects) {
      const s = await surface([d.id]);
      const changed = Object.keys({ ...base, ...s }).filter((k) => base[k] !== s[k]).sort();
      expect(changed, d.id).toEqual((EXPECTED[d.id] ?? []).slice().sort());
    }
  }, 30_000);

  it('delivers the code to a Unicode address exactly as entered (SMTPUTF8) and signs in with it', async () => {
    const app = await startBenefitsApp({ smtp: { host: '127.0.0.1', port: smtp.port } });
    try {
      let cookie = '';
      const call = async (path: string, data: unknown) => {
        const r = await fetch(`${app.url}${path}`, { method: 'POST', body: JSON.stringify(data), headers: { cookie } });
        for (const c of r.headers.getSetCookie()) cookie = [cookie, c.split(';')[0]].filter(Boolean).join('; ');
        return { status: r.status, body: await r.json() };
      };
      for (const email of ['อีเมลทดสอบ@ยูเอทดสอบ.ไทย', 'idn+rtl@تجربة-القبول-الشامل.موريتانيا']) {
        const since = smtp.inbox.length;
        expect(await call('/api/email', { email })).toEqual({ status: 200, body: { next: '/code' } });
        const mail = await smtp.waitFor(email, since);
        expect(mail.to).toBe(email);
        expect((await call('/api/code', { code: '000000' === /(\d{6})/.exec(mail.subject)![1] ? '111111' : '000000' })).status).toBe(422);
        expect(await call('/api/code', { code: /(\d{6})/.exec(mail.subject)![1] })).toEqual({ status: 200, body: { next: '/details' } });
      }
    } finally { await app.close(); }
  });

  it('parses quoted-printable and base64 mail bodies', () => {
    expect(parseTextMail('Subject: =?UTF-8?B?w6lsw6g=?=\r\nContent-Transfer-Encoding: base64\r\n\r\nw6lsw6g=').text).toBe('élè');
    expect(parseTextMail('Subject: x\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nK=C3=B2d=\r\n la').text).toBe('Kòd la');
  });
});
