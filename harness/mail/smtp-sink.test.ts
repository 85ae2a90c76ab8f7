import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { mailApiReader } from './mailpit.ts';
import { canonicalAddress, waitForMessage } from './types.ts';

let sink: SmtpSink;
beforeAll(async () => { sink = await startSmtpSink(); });
afterAll(async () => { await sink.close(); });

const send = (to: string, text: string, extra: Record<string, unknown> = {}) =>
  nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true }).sendMail({ from: 'app@example.test', to, subject: 'Su código', text, ...extra });

describe('the SMTP sink', () => {
  it('receives a UTF-8 (SMTPUTF8) message and stores it by the exact recipient', async () => {
    await send('อีเมลทดสอบ1@ยูเอทดสอบ.ไทย', 'Su código es 482913', { headers: { 'Content-Language': 'es' } });
    const got = await sink.messagesTo('อีเมลทดสอบ1@ยูเอทดสอบ.ไทย');
    expect(got).toHaveLength(1);
    expect(got[0].text).toContain('482913');
    expect(got[0].subject).toBe('Su código');
    expect(got[0].contentLanguage).toBe('es');
    expect(await sink.messagesTo('อีเมลทดสอบ2@ยูเอทดสอบ.ไทย')).toHaveLength(0);
  });
  it('treats an A-label domain as the same mailbox as its Unicode form, but never a different local part', async () => {
    await send('idn@xn--mgbah1a3hjkrd', 'hola');
    expect(canonicalAddress('idn@xn--mgbah1a3hjkrd')).toBe('idn@موريتانيا');
    expect(await sink.messagesTo('idn@موريتانيا')).toHaveLength(1);
    expect(await sink.messagesTo('IDN@موريتانيا')).toHaveLength(0);
  });
  it('waits for a message that arrives later and gives up with null at the timeout', async () => {
    setTimeout(() => void send('late@example.test', 'code 111222'), 300);
    const m = await waitForMessage(sink, 'late@example.test', { timeoutMs: 5000 });
    expect(m?.text).toContain('111222');
    expect(await waitForMessage(sink, 'never@example.test', { timeoutMs: 300 })).toBeNull();
  });
});

describe('the Mailpit / MailHog reader', () => {
  let api: Server;
  let base: string;
  let flavour: 'mailpit' | 'mailhog' = 'mailpit';
  beforeAll(async () => {
    // A stand-in HTTP API answering with the documented shapes of each catcher.
    api = createServer((req, res) => {
      const send = (code: number, body: unknown) => { res.writeHead(code, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
      if (flavour === 'mailpit' && req.url?.startsWith('/api/v1/messages')) return send(200, { messages: [{ ID: 'a1', To: [{ Address: 'ana@example.test' }], Created: '2026-01-01T00:00:00Z' }] });
      if (flavour === 'mailpit' && req.url === '/api/v1/message/a1') return send(200, { ID: 'a1', From: { Address: 'app@x' }, To: [{ Address: 'ana@example.test' }], Subject: 'Code', Text: 'Your code: 654321', HTML: '', Date: '2026-01-01T00:00:00Z' });
      if (flavour === 'mailhog' && req.url?.startsWith('/api/v2/messages')) return send(200, { items: [{ To: [{ Mailbox: 'ana', Domain: 'example.test' }], From: { Mailbox: 'app', Domain: 'x' }, Content: { Headers: { Subject: ['Code'] }, Body: 'Your code: 777888' }, Created: '2026-01-01T00:00:00Z' }] });
      send(404, {});
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => { api.close(); });
  it('reads Mailpit messages by recipient', async () => {
    flavour = 'mailpit';
    const got = await mailApiReader(base).messagesTo('ana@example.test');
    expect(got.map((m) => m.text)).toEqual(['Your code: 654321']);
  });
  it('falls back to MailHog when there is no Mailpit API', async () => {
    flavour = 'mailhog';
    const got = await mailApiReader(base).messagesTo('ana@example.test');
    expect(got.map((m) => m.text)).toEqual(['Your code: 777888']);
    expect(await mailApiReader(base).messagesTo('bob@example.test')).toEqual([]);
  });
});
