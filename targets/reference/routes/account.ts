import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { accountById, accountByKey, createAccount, getRegistration, setAccountLocale, setAccountVerified, updateSessionFields } from '../db/repo.ts';
import { emailDefectsFrom, validateEmail, type EmailErrorCode } from '../validation/email.ts';
import { emailPage, codePage } from '../pages/account.ts';
import { statusPage } from '../pages/status.ts';
import { checkCode, issueCode } from '../auth/codes.ts';
import { signIn } from '../session.ts';
import { safeNext } from '../http.ts';
import { captchaSvg, newCaptchaAnswer } from '../security/captcha.ts';
import { go, page } from './respond.ts';

type Mode = 'account' | 'signin';

function emailError(ctx: Ctx, code: EmailErrorCode): string {
  return ctx.tErr(`errors.email.${code}`);
}

function rateLimited(ctx: Ctx, seconds: number): void {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  ctx.res.setHeader('retry-after', String(seconds));
  page(ctx, statusPage(ctx, 429, ctx.tErr('errors.rateLimitTitle'), ctx.tErr('errors.rateLimitText', { minutes })), 429);
}

function showEmailForm(ctx: Ctx, mode: Mode, email: string, error?: string, status = 200): void {
  const captcha = mode === 'account' && ctx.has('image-captcha');
  if (captcha) {
    ctx.session.captcha = newCaptchaAnswer();
    updateSessionFields(ctx.app.db, ctx.session);
  }
  const next = ctx.url.searchParams.get('next') ?? ctx.form.get('next') ?? undefined;
  page(
    ctx,
    emailPage(ctx, { mode, email, error, captcha, next: next ? safeNext(next, '/dashboard') : undefined, expired: mode === 'signin' && ctx.url.searchParams.get('expired') === '1' }),
    status,
  );
}

async function postEmail(ctx: Ctx, mode: Mode): Promise<void> {
  const { app } = ctx;
  const raw = ctx.form.get('email') ?? '';
  const next = ctx.form.get('next');
  const verifyPath = (mode === 'account' ? '/account/verify' : '/signin/verify') + (next ? `?next=${encodeURIComponent(safeNext(next, '/dashboard'))}` : '');
  // Honeypot: a bot filled the field no person can see. Answer as if all went well; do nothing.
  if (mode === 'account' && (ctx.form.get('website') ?? '') !== '') return go(ctx, verifyPath);
  if (mode === 'account') {
    const lim = app.limiter.hit(`create-ip:${ctx.ip}`, app.limits.accountCreatePerHour, 3_600_000, app.clock.now());
    if (!lim.ok) return rateLimited(ctx, lim.retryAfterSeconds);
  }
  if (mode === 'account' && ctx.has('image-captcha')) {
    const answer = ctx.session.captcha;
    const given = (ctx.form.get('captcha') ?? '').trim().toUpperCase();
    if (!answer || given !== answer) return showEmailForm(ctx, mode, raw, ctx.tErr('errors.captcha'), 422);
  }
  const v = validateEmail(raw, emailDefectsFrom(app.defects));
  if (!v.ok) return showEmailForm(ctx, mode, raw, emailError(ctx, v.error), 422);
  let account = accountByKey(app.db, v.key);
  if (mode === 'account' && !account) account = createAccount(app.db, v.address, v.key, ctx.locale, app.clock.now());
  if (account && account.locale !== ctx.locale) setAccountLocale(app.db, account.id, ctx.locale);
  ctx.session.pending_email_key = v.key;
  ctx.session.pending_purpose = mode;
  ctx.session.captcha = null;
  updateSessionFields(app.db, ctx.session);
  // Sign-in for an unknown address: the same answer as for a known one (no account enumeration).
  if (account) {
    const sent = await issueCode(ctx, account.email, v.key, mode);
    if (!sent.ok) return rateLimited(ctx, sent.retryAfterSeconds);
  }
  return go(ctx, verifyPath);
}

function pendingEmail(ctx: Ctx, mode: Mode): string | null {
  if (ctx.session.pending_purpose !== mode || !ctx.session.pending_email_key) return null;
  return accountByKey(ctx.app.db, ctx.session.pending_email_key)?.email ?? ctx.session.pending_email_key;
}

function showCode(ctx: Ctx, mode: Mode, error?: string, status = 200): void {
  const email = pendingEmail(ctx, mode);
  if (email === null) return go(ctx, mode === 'account' ? '/account/new' : '/signin');
  const next = ctx.url.searchParams.get('next') ?? ctx.form.get('next');
  page(ctx, codePage(ctx, { mode, email, error, resent: ctx.url.searchParams.get('resent') === '1', next: next ? safeNext(next, '/dashboard') : undefined }), status);
}

function postCode(ctx: Ctx, mode: Mode): void {
  const key = ctx.session.pending_email_key;
  if (ctx.session.pending_purpose !== mode || !key) return go(ctx, mode === 'account' ? '/account/new' : '/signin');
  const submitted = ctx.form.get('code') ?? '';
  if (submitted.trim() === '') return showCode(ctx, mode, ctx.tErr('errors.code.required'), 422);
  const account = accountByKey(ctx.app.db, key);
  const result = account ? checkCode(ctx, key, mode, submitted) : 'wrong';
  if (result !== 'ok' || !account) {
    const msg = result === 'expired' || result === 'none' ? 'errors.code.expired' : result === 'tooMany' ? 'errors.code.tooMany' : 'errors.code.wrong';
    return showCode(ctx, mode, ctx.tErr(msg), 422);
  }
  setAccountVerified(ctx.app.db, account.id, ctx.app.clock.now());
  signIn(ctx, accountById(ctx.app.db, account.id)!);
  const registered = getRegistration(ctx.app.db, account.id) !== null;
  const fallback = registered ? '/dashboard' : '/registration';
  return go(ctx, safeNext(ctx.form.get('next'), fallback));
}

async function resend(ctx: Ctx, mode: Mode): Promise<void> {
  const key = ctx.session.pending_email_key;
  if (ctx.session.pending_purpose !== mode || !key) return go(ctx, mode === 'account' ? '/account/new' : '/signin');
  const account = accountByKey(ctx.app.db, key);
  if (account) {
    const sent = await issueCode(ctx, account.email, key, mode);
    if (!sent.ok) return rateLimited(ctx, sent.retryAfterSeconds);
  }
  const next = ctx.form.get('next');
  return go(ctx, `${mode === 'account' ? '/account' : '/signin'}/verify?resent=1${next ? `&next=${encodeURIComponent(safeNext(next, '/dashboard'))}` : ''}`);
}

export function registerAccountRoutes(router: Router<Ctx>): void {
  router.get('/account/new', (ctx) => (ctx.account ? go(ctx, '/dashboard') : showEmailForm(ctx, 'account', '')));
  router.post('/account/new', (ctx) => postEmail(ctx, 'account'));
  router.get('/account/verify', (ctx) => showCode(ctx, 'account'));
  router.post('/account/verify', (ctx) => postCode(ctx, 'account'));
  router.post('/account/resend', (ctx) => resend(ctx, 'account'));
  router.get('/signin', (ctx) => showEmailForm(ctx, 'signin', ''));
  router.post('/signin', (ctx) => postEmail(ctx, 'signin'));
  router.get('/signin/verify', (ctx) => showCode(ctx, 'signin'));
  router.post('/signin/verify', (ctx) => postCode(ctx, 'signin'));
  router.post('/signin/resend', (ctx) => resend(ctx, 'signin'));
  router.get('/captcha.svg', (ctx) => {
    const answer = ctx.session.captcha ?? '-----';
    ctx.res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store', 'set-cookie': ctx.setCookies });
    ctx.res.end(captchaSvg(answer));
  });
}
