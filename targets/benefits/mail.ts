import nodemailer from 'nodemailer';

export const FROM = 'no-reply@grants.benefits.test';

export interface Mailer { send(to: string, subject: string, text: string, lang: string): Promise<void>; close(): void }

/**
 * Sends through SMTP_HOST:SMTP_PORT. The envelope recipient is the address as entered (NFC):
 * nodemailer uses SMTPUTF8 for non-ASCII addresses, so Unicode local parts and U-label domains
 * are delivered as they are. Without an SMTP server the mail is written to stderr.
 */
export function createMailer(smtp: { host: string; port: number } | undefined): Mailer {
  if (!smtp) {
    return { async send(to, subject, text) { process.stderr.write(`[mail to ${to}] ${subject}\n${text}\n`); }, close() {} };
  }
  const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true, pool: false });
  return {
    async send(to, subject, text, lang) {
      await transport.sendMail({ from: FROM, to, envelope: { from: FROM, to: [to] }, subject, text, headers: { 'Content-Language': lang } });
    },
    close: () => transport.close(),
  };
}
