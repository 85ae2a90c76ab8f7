import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startSmtpSink, type SmtpSink } from '../../mail/smtp-sink.ts';
import { waitForMail } from './steps.ts';
import type { StepContext } from '../types.ts';

let sink: SmtpSink;
beforeAll(async () => { sink = await startSmtpSink(); });
afterAll(async () => { await sink.close(); });

const send = (to: string, text: string) =>
  nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true }).sendMail({ from: 'app@example.test', to, subject: 'Your code', text });

/** The part of a step's context a mail wait uses: the persona's address, the walk's state, the mail reader. */
function walkContext(email: string) {
  const records: Record<string, unknown> = {};
  const ctx = { data: { email }, state: {}, hooks: { mail: sink }, record: (k: string, v: unknown) => { records[k] = v; } } as unknown as StepContext;
  return { ctx, records };
}
const codeOf = (ctx: StepContext) => (ctx.state.mail as { code: string }).code;

describe('waitForMail', () => {
  it('keeps the code of the mail that reached the persona, and records the mail', async () => {
    const { ctx, records } = walkContext('ana@example.test');
    await send('ana@example.test', 'Your code is 111111');
    await waitForMail(ctx, { to: '{persona.email}', code: '(\\d{6})', timeout: 3000 });
    expect(codeOf(ctx)).toBe('111111');
    expect((records.mail as { to: string }).to).toBe('ana@example.test');
  });

  it('does not read again a mail an earlier step read: after signing in again it waits for the new code', async () => {
    const { ctx } = walkContext('ben@example.test');
    await send('ben@example.test', 'Your code is 222222');
    await waitForMail(ctx, { to: '{persona.email}', code: '(\\d{6})', timeout: 3000 });
    expect(codeOf(ctx)).toBe('222222');
    // The second code arrives a moment after the wait begins; the first is still in the mailbox.
    setTimeout(() => void send('ben@example.test', 'Your code is 333333'), 400);
    await waitForMail(ctx, { to: '{persona.email}', code: '(\\d{6})', timeout: 5000 });
    expect(codeOf(ctx)).toBe('333333');
  });

  it('when no new mail comes, the check could not be performed, and the message says an earlier step read the one there', async () => {
    const { ctx } = walkContext('cleo@example.test');
    await send('cleo@example.test', 'Your code is 444444');
    await waitForMail(ctx, { to: '{persona.email}', code: '(\\d{6})', timeout: 3000 });
    await expect(waitForMail(ctx, { to: '{persona.email}', code: '(\\d{6})', timeout: 500 })).rejects.toThrow(/mail not observed: no new message .*1 read by an earlier step/);
  });
});
