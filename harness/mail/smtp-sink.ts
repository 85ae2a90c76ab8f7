import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { parseMail } from './mime.ts';
import { sameMailbox, type MailReader, type ObservedMail } from './types.ts';

export interface SmtpSink extends MailReader {
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Portico's own mail sink: a real SMTP server on loopback (SMTPUTF8 and 8BITMIME on, no auth, no
 * TLS) that the target is told to send to. It stores each message once per envelope recipient,
 * by the exact address received, so "delivered to that exact address" can be checked.
 * Port 0 = a free port.
 */
export async function startSmtpSink(opts: { host?: string; port?: number; maxMessages?: number } = {}): Promise<SmtpSink> {
  const host = opts.host ?? '127.0.0.1';
  const max = opts.maxMessages ?? 5000;
  const store: ObservedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: 5 * 1024 * 1024,
    logger: false,
    banner: 'Portico mail sink',
    onConnect(session, cb) {
      const ip = session.remoteAddress ?? '';
      if (ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1') return cb();
      return cb(new Error('Loopback only'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        const receivedAt = new Date().toISOString();
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        for (const rcpt of session.envelope.rcptTo) {
          store.push({ to: rcpt.address, from, subject: parsed.subject, text: parsed.text, html: parsed.html, contentLanguage: parsed.headers['content-language'], receivedAt });
        }
        if (store.length > max) store.splice(0, store.length - max);
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host,
    port,
    describe: `Portico's SMTP sink on ${host}:${port}`,
    async messagesTo(address) { return store.filter((m) => sameMailbox(m.to, address)); },
    async all() { return [...store]; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
