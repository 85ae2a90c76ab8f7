import { createHmac, randomInt } from 'node:crypto';
import type { Ctx } from '../app.ts';
import { bumpCodeAttempts, insertCode, latestCode, useCode } from '../db/repo.ts';
import { codeEmail } from '../mail/templates.ts';
import { asciiDigits } from '../validation/digits.ts';

export const CODE_TTL_SECONDS = 600;
export const MAX_CODE_ATTEMPTS = 5;

function hashCode(secret: Buffer, key: string, code: string): string {
  return createHmac('sha256', secret).update(`${key}\n${code}`).digest('hex');
}

/**
 * Check the rate limits for a code request; issue and email a fresh code. Returns the seconds to
 * wait when a limit is reached.
 */
export async function issueCode(ctx: Ctx, email: string, key: string, purpose: 'account' | 'signin'): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const { app } = ctx;
  const now = app.clock.now();
  const perEmail = app.limiter.hit(`code:${key}`, app.limits.codeRequestsPer15Min, 15 * 60_000, now);
  if (!perEmail.ok) return perEmail;
  const perIp = app.limiter.hit(`code-ip:${ctx.ip}`, app.limits.codeRequestsPerIpPer15Min, 15 * 60_000, now);
  if (!perIp.ok) return perIp;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  insertCode(app.db, key, purpose, hashCode(app.secret, key, code), now, now + CODE_TTL_SECONDS * 1000);
  if (app.testMode) app.lastCodes.set(key, code);
  await app.mailer.send(codeEmail(email, ctx.locale, code));
  return { ok: true };
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'tooMany' | 'none';

export function checkCode(ctx: Ctx, key: string, purpose: 'account' | 'signin', submitted: string): CodeCheck {
  const { app } = ctx;
  const row = latestCode(app.db, key, purpose);
  if (!row || row.used_at !== null) return 'none';
  if (app.clock.now() > row.expires_at) return 'expired';
  if (row.attempts >= MAX_CODE_ATTEMPTS) return 'tooMany';
  const clean = asciiDigits(submitted).replace(/\s+/g, '');
  if (hashCode(app.secret, key, clean) !== row.code_hash) {
    bumpCodeAttempts(app.db, row.id);
    return row.attempts + 1 >= MAX_CODE_ATTEMPTS ? 'tooMany' : 'wrong';
  }
  useCode(app.db, row.id, app.clock.now());
  return 'ok';
}
