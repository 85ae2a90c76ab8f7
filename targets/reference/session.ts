import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { App, Ctx, Session, Account } from './app.ts';
import { deleteSession, getSession, insertSession, updateSession, saveDraft, deleteDraftsOf, purgeSessions, countSessions } from './db/repo.ts';
import { cookie, redirect } from './http.ts';

export const SESSION_COOKIE = 'sid';

const token = () => randomBytes(32).toString('base64url');

/**
 * Sessions are bounded and expire: every request without a cookie makes one, so without this a
 * client that never keeps cookies grows the table forever. Anonymous sessions live an hour idle;
 * signed-in ones are kept a day after their last use (long enough to tell "your session expired"
 * and restore a draft, 2.2.5); past MAX_SESSIONS the oldest anonymous ones go first.
 */
export const SESSION_LIMITS = { anonymousIdleSeconds: 3600, signedInKeepSeconds: 86_400, maxSessions: 20_000, purgeEverySeconds: 60 };
const lastPurge = new WeakMap<App, number>();

export function purgeExpiredSessions(app: App, now = app.clock.now()): void {
  const last = lastPurge.get(app);
  if (last !== undefined && now - last < SESSION_LIMITS.purgeEverySeconds * 1000 && countSessions(app.db) < SESSION_LIMITS.maxSessions) return;
  lastPurge.set(app, now);
  purgeSessions(app.db, {
    anonymousBefore: now - SESSION_LIMITS.anonymousIdleSeconds * 1000,
    signedInBefore: now - Math.max(SESSION_LIMITS.signedInKeepSeconds, app.sessionTimeoutSeconds * 2) * 1000,
    keepAtMost: SESSION_LIMITS.maxSessions - 1,
  });
}

export function newSession(app: App): Session {
  const now = app.clock.now();
  purgeExpiredSessions(app, now);
  const s: Session = {
    id: token(),
    csrf: token(),
    account_id: null,
    pending_email_key: null,
    pending_purpose: null,
    captcha: null,
    created_at: now,
    last_seen_at: now,
  };
  insertSession(app.db, s);
  return s;
}

/** The request's session, or a new one (the caller sets the cookie when `created`). */
export function loadSession(app: App, id: string | undefined): { session: Session; created: boolean } {
  if (id && /^[A-Za-z0-9_-]{20,100}$/.test(id)) {
    const s = getSession(app.db, id);
    if (s) return { session: s, created: false };
  }
  return { session: newSession(app), created: true };
}

export function sessionCookie(id: string): string {
  return cookie(SESSION_COOKIE, id, { httpOnly: true });
}

/** Sign in: a fresh session id and CSRF token (no fixation), bound to the account. */
export function signIn(ctx: Ctx, account: Account): void {
  deleteSession(ctx.app.db, ctx.session.id);
  const s = newSession(ctx.app);
  s.account_id = account.id;
  updateSession(ctx.app.db, s);
  ctx.session = s;
  ctx.account = account;
  ctx.setCookies.push(sessionCookie(s.id));
}

export function signOut(ctx: Ctx): void {
  deleteSession(ctx.app.db, ctx.session.id);
  const s = newSession(ctx.app);
  ctx.session = s;
  ctx.account = null;
  ctx.setCookies.push(sessionCookie(s.id));
}

export function csrfOk(session: Session, submitted: string | null): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function draftOwner(ctx: Ctx): string {
  const id = ctx.account?.id ?? ctx.expiredAccountId;
  return id ? `account:${id}` : `session:${ctx.session.id}`;
}

/**
 * The signed-in account, or null after answering the request: a redirect to sign in. When the
 * session has just timed out on a POST, conformant keeps what was entered (a draft restored after
 * signing in again); under `session-timeout-no-warning` it is discarded and nothing is explained.
 */
export function requireAccount(ctx: Ctx): Account | null {
  if (ctx.account) return ctx.account;
  const next = ctx.url.pathname;
  if (ctx.expiredAccountId) {
    if (ctx.has('session-timeout-no-warning')) {
      deleteDraftsOf(ctx.app.db, `account:${ctx.expiredAccountId}`);
      redirect(ctx.res, `/signin?next=${encodeURIComponent(next)}`, { 'set-cookie': ctx.setCookies });
    } else {
      if (ctx.method === 'POST') saveDraft(ctx.app.db, `account:${ctx.expiredAccountId}`, next, ctx.form, ctx.app.clock.now());
      redirect(ctx.res, `/signin?expired=1&next=${encodeURIComponent(next)}`, { 'set-cookie': ctx.setCookies });
    }
    return null;
  }
  redirect(ctx.res, `/signin?next=${encodeURIComponent(next)}`, { 'set-cookie': ctx.setCookies });
  return null;
}

export function touchSession(app: App, s: Session): void {
  s.last_seen_at = app.clock.now();
  updateSession(app.db, s);
}
