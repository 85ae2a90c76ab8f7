import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const FROM_ADDRESS = 'no-reply@reference.portico.test';

/**
 * Sends through the loopback SMTP server. The envelope recipient is the address exactly as the
 * user entered it (NFC): nodemailer switches to SMTPUTF8 for non-ASCII addresses, so Unicode local
 * parts and U-label domains are delivered as they are, not converted to A-labels.
 */
export function createMailer(host: string, port: number): Mailer {
  const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true, pool: false });
  return {
    async send(mail) {
      await transport.sendMail({
        from: FROM_ADDRESS,
        to: mail.to,
        envelope: { from: FROM_ADDRESS, to: [mail.to] },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Portico-Locale': mail.locale },
      });
    },
    close: () => transport.close(),
  };
}
