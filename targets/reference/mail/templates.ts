import { translator, RTL, type Locale, formatDate } from '../i18n/i18n.ts';
import { html } from '../pages/html.ts';
import type { OutgoingMail } from './send.ts';

function wrap(locale: Locale, title: string, paragraphs: string[]): string {
  const dir = RTL.has(locale) ? 'rtl' : 'ltr';
  return html`<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title></head><body>
${paragraphs.map((p) => html`<p>${p}</p>`)}
</body></html>`.value;
}

function mail(to: string, locale: Locale, subject: string, paragraphs: string[]): OutgoingMail {
  return { to, locale, subject, text: paragraphs.join('\n\n') + '\n', html: wrap(locale, subject, paragraphs) };
}

export function codeEmail(to: string, locale: Locale, code: string): OutgoingMail {
  const t = translator(locale);
  return mail(to, locale, t('email.code.subject', { code }), [
    t('email.code.intro'),
    t('email.code.code', { code }),
    t('email.code.expiry', { minutes: 10 }),
    t('email.code.ignore'),
  ]);
}

export function resultEmail(
  to: string,
  locale: Locale,
  r: { day: string; won: boolean; port?: string; appointmentDate?: string },
): OutgoingMail {
  const t = translator(locale);
  const day = formatDate(locale, r.day);
  if (r.won) {
    return mail(to, locale, t('email.result.wonSubject'), [
      t('email.result.wonIntro', { day }),
      t('email.result.wonDetails', { port: r.port ?? '', date: formatDate(locale, r.appointmentDate ?? r.day) }),
      t('email.result.wonBring'),
      t('email.result.audit'),
    ]);
  }
  return mail(to, locale, t('email.result.lostSubject'), [t('email.result.lostIntro', { day }), t('email.result.lostAgain'), t('email.result.audit')]);
}

export function helpAnswerEmail(to: string, locale: Locale, message: string): OutgoingMail {
  const t = translator(locale);
  return mail(to, locale, t('email.help.subject'), [
    t('email.help.intro'),
    t('email.help.yourMessage', { message }),
    t('email.help.codeTip'),
    t('email.help.photoTip'),
    t('email.help.addressTip'),
    t('email.help.editTip'),
    t('email.help.closing'),
  ]);
}
