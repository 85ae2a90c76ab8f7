import { describe, expect, it } from 'vitest';
import { validateEmail, type EmailDefects } from './email.ts';

/** DESIGN.md "Facts the personas need" (UASG 004 test addresses and country-code second levels). */
const UNIVERSAL = [
  'user@universal-acceptance-test.icu',
  'ascii+long@universal-acceptance-test.international',
  'idn+ltr@համընդհանուր-ընկալում-թեստ.հայ',
  'idn+rtl@تجربة-القبول-الشامل.موريتانيا',
  'อีเมลทดสอบ@ยูเอทดสอบ.ไทย',
  '电子邮件测试@普遍适用测试。我爱你',
  'email-test@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd',
  'usuario@ejemplo-prueba.com.ve',
  'usuario@ejemplo-prueba.com.br',
  'usuario@ejemplo-prueba.com.ar',
  'usuario@ejemplo-prueba.com.co',
  'usuario@ejemplo-prueba.gob.ve',
];

describe('email acceptance (conformant: RFC 6531 / UASG 004)', () => {
  it.each(UNIVERSAL)('accepts %s', (address) => {
    const r = validateEmail(address);
    expect(r.ok).toBe(true);
  });

  it('normalises the ideographic full stop to "." and keeps the rest exactly (NFC)', () => {
    const r = validateEmail('电子邮件测试@普遍适用测试。我爱你');
    expect(r.ok && r.address).toBe('电子邮件测试@普遍适用测试.我爱你');
    const nfd = 'jose\u0301@ejemplo.com.ve';
    const n = validateEmail(nfd);
    expect(n.ok && n.address).toBe('jos\u00e9@ejemplo.com.ve');
  });

  it('keys a U-label domain and its A-label form to the same account', () => {
    const u = validateEmail('idn+rtl@تجربة-القبول-الشامل.موريتانيا');
    const a = validateEmail(`idn+rtl@${new URL('http://تجربة-القبول-الشامل.موريتانيا').hostname}`);
    expect(u.ok && a.ok && u.key === a.key).toBe(true);
    expect(u.ok && u.address).toBe('idn+rtl@تجربة-القبول-الشامل.موريتانيا');
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['no-at-sign.example.com', 'missingAt'],
    ['two..dots@example.com', 'localPart'],
    ['.lead@example.com', 'localPart'],
    ['space inside@example.com', 'localPart'],
    ['a@b', 'domain'],
    ['a@-bad-.com', 'domain'],
    ['a@example..com', 'domain'],
    ['a@example.123', 'domain'],
    [`${'x'.repeat(65)}@example.com`, 'localPart'],
  ])('rejects %j with %s', (address, error) => {
    const r = validateEmail(address);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(error);
  });
});

describe('email defects each reject only their class of address', () => {
  const cases: Array<[keyof EmailDefects, string[], string[]]> = [
    ['rejectCountryCodeSld', ['usuario@ejemplo-prueba.com.ve', 'usuario@ejemplo-prueba.gob.ve', 'usuario@ejemplo-prueba.com.br'], ['user@universal-acceptance-test.icu', 'ascii+long@universal-acceptance-test.international', 'maria@ejemplo.ve']],
    ['rejectLongTld', ['ascii+long@universal-acceptance-test.international', 'email-test@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd'], ['user@universal-acceptance-test.icu', 'usuario@ejemplo-prueba.com.ve']],
    ['rejectIdn', ['idn+ltr@համընդհանուր-ընկալում-թեստ.հայ', 'idn+rtl@تجربة-القبول-الشامل.موريتانيا', 'อีเมลทดสอบ@ยูเอทดสอบ.ไทย'], ['user@universal-acceptance-test.icu', 'usuario@ejemplo-prueba.com.ve']],
    ['rejectUnicodeLocalPart', ['อีเมลทดสอบ@ยูเอทดสอบ.ไทย', '电子邮件测试@普遍适用测试。我爱你', 'josé@example.com'], ['idn+ltr@համընդհանուր-ընկալում-թեստ.հայ', 'user@universal-acceptance-test.icu']],
  ];
  it.each(cases)('%s', (defect, rejected, accepted) => {
    for (const a of rejected) expect(validateEmail(a, { [defect]: true }), a).toEqual({ ok: false, error: 'invalid' });
    for (const a of accepted) expect(validateEmail(a, { [defect]: true }).ok, a).toBe(true);
  });
});
