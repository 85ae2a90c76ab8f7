import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { parseMail } from '../../../harness/mail/mime.ts';

export interface OutboxMessage {
  /** The envelope recipient exactly as the SMTP server received it (RCPT TO). */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The language the app wrote the message in (X-Portico-Locale header). */
  locale: string;
  receivedAt: string;
}

export interface LoopbackSmtp {
  port: number;
  host: string;
  outbox: OutboxMessage[];
  /** Resolves when `count` messages in total have been received (or after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (SMTPUTF8 and 8BITMIME on, no auth, no TLS) that keeps what it
 * receives in memory: the app's outbox for tests. Port 0 = a free port, so instances can run side
 * by side.
 */
export async function startLoopbackSmtp(opts: { host?: string; port?: number; maxMessages?: number } = {}): Promise<LoopbackSmtp> {
  const host = opts.host ?? '127.0.0.1';
  const max = opts.maxMessages ?? 5000;
  const outbox: OutboxMessage[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: 2 * 1024 * 1024,
    logger: false,
    banner: 'Portico reference loopback SMTP',
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
        for (const rcpt of session.envelope.rcptTo) {
          outbox.push({
            to: rcpt.address,
            subject: parsed.subject,
            text: parsed.text,
            html: parsed.html,
            locale: parsed.headers['x-portico-locale'] ?? '',
            receivedAt,
          });
        }
        if (outbox.length > max) outbox.splice(0, outbox.length - max);
        waiters.splice(0).forEach((w) => w());
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
    port,
    host,
    outbox,
    async waitFor(count, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      while (outbox.length < count && Date.now() < end) {
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
