import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackSmtp, type LoopbackSmtp } from './smtp.ts';
import { createMailer, type Mailer } from './send.ts';
import { codeEmail, helpAnswerEmail } from './templates.ts';
import { decodeWords, parseMail } from '../../../harness/mail/mime.ts';

let smtp: LoopbackSmtp;
let mailer: Mailer;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  mailer = createMailer('127.0.0.1', smtp.port);
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
});

describe('mail through the real loopback SMTP server', () => {
  it('delivers to a Unicode address exactly as entered (SMTPUTF8), and the outbox reads it back', async () => {
    const to = 'อีเมลทดสอบ@ยูเอทดสอบ.ไทย';
    await mailer.send(codeEmail(to, 'en', '123456'));
    const got = smtp.outbox.filter((m) => m.to === to);
    expect(got).toHaveLength(1);
    expect(got[0].subject).toBe('Your code: 123456');
    expect(got[0].text).toContain('123456');
    expect(got[0].locale).toBe('en');
  });

  it('keeps IDN domains as U-labels, and localised subjects and bodies intact', async () => {
    const to = 'idn+rtl@تجربة-القبول-الشامل.موريتانيا';
    await mailer.send(helpAnswerEmail(to, 'ar', 'لم يصلني الرمز'));
    const m = smtp.outbox.find((x) => x.to === to)!;
    expect(m.subject).toBe('رد على رسالتك');
    expect(m.text).toContain('لم يصلني الرمز');
    expect(m.html).toContain('dir="rtl"');
    expect(m.locale).toBe('ar');
  });

  it('two servers run side by side on free ports', async () => {
    const other = await startLoopbackSmtp();
    expect(other.port).not.toBe(smtp.port);
    await other.close();
  });
});

describe('MIME reader', () => {
  it('decodes RFC 2047 words and quoted-printable parts', () => {
    expect(decodeWords('=?UTF-8?Q?K=C3=B2d_ou=3A_1?= =?UTF-8?B?w6k=?=')).toBe('Kòd ou: 1é');
    const raw = 'Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBonjou =C3=BCn=\r\nicode';
    expect(parseMail(raw).text).toBe('Bonjou ünicode');
  });
});
