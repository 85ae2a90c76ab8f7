import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** A throwaway SMTP server on loopback for tests (SMTPUTF8 on): what the app mails, decoded. */
export interface Received { to: string; subject: string; text: string; language: string }

function decodeWords(v: string): string {
  return v.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _cs, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

/** Parses a single-part text mail as nodemailer writes it (7bit, quoted-printable or base64). */
export function parseTextMail(raw: string): { subject: string; text: string; headers: Record<string, string> } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const bodyRaw = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let text = bodyRaw;
  if (cte === 'base64') text = Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable') {
    const bytes = bodyRaw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { subject: decodeWords(headers.subject ?? ''), text: text.trim(), headers };
}

export async function startTestSmtp(): Promise<{ port: number; inbox: Received[]; waitFor(to: string, since?: number, timeoutMs?: number): Promise<Received>; close(): Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], hideSTARTTLS: true, logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const m = parseTextMail(Buffer.concat(chunks).toString('utf8'));
        for (const r of session.envelope.rcptTo) inbox.push({ to: r.address, subject: m.subject, text: m.text, language: m.headers['content-language'] ?? '' });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    inbox,
    async waitFor(to, since = 0, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = inbox.slice(since).reverse().find((m) => m.to === to);
        if (found) return found;
        if (Date.now() > end) throw new Error(`no mail to ${to} within ${timeoutMs} ms (inbox: ${inbox.map((m) => m.to).join(', ')})`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
