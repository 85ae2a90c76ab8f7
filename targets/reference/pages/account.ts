import type { Ctx } from '../app.ts';
import { html } from './html.ts';
import { layout } from './layout.ts';
import { noValidate, csrfField, errorSummary, honeypot, submitButton, textField, type FieldError } from './forms.ts';

export function emailPage(
  ctx: Ctx,
  o: { mode: 'account' | 'signin'; email: string; error?: string; next?: string; expired?: boolean; captcha?: boolean },
): string {
  const t = ctx.t;
  const errors: FieldError[] = o.error ? [{ field: 'email', message: o.error }] : [];
  const title = o.mode === 'account' ? t('account.new.title') : t('signin.title');
  return layout(
    ctx,
    { title, hasErrors: errors.length > 0 },
    html`${errorSummary(ctx, errors)}
<h1>${title}</h1>
${o.expired ? html`<div class="notice" role="status"><p>${t('signin.expired')}</p></div>` : ''}
<p>${o.mode === 'account' ? t('account.new.intro') : t('signin.intro')}</p>
<form method="post" action="${o.mode === 'account' ? '/account/new' : '/signin'}" ${noValidate(ctx)}>
${csrfField(ctx)}
${o.next ? html`<input type="hidden" name="next" value="${o.next}">` : ''}
${textField(ctx, {
  name: 'email',
  label: t('account.email.label'),
  hint: t('account.email.hint'),
  value: o.email,
  error: o.error,
  autocomplete: 'email',
  inputmode: 'email',
  spellcheck: false,
  required: true,
  dir: 'auto',
})}
${o.captcha
  ? html`<div class="captcha"><img src="/captcha.svg?r=${Date.now()}" width="160" height="60">
${textField(ctx, { name: 'captcha', label: t('account.captcha.label'), value: '', required: true, width: 's' })}</div>`
  : ''}
${o.mode === 'account' ? honeypot(ctx) : ''}
${submitButton(ctx, t('account.email.submit'))}
</form>
${o.mode === 'account'
  ? html`<p>${t('account.new.haveAccount')} <a href="/signin">${t('nav.signin')}</a></p>`
  : html`<p>${t('signin.noAccount')} <a href="/account/new">${t('home.create')}</a></p>`}`,
  );
}

export function codePage(ctx: Ctx, o: { mode: 'account' | 'signin'; email: string; error?: string; resent?: boolean; next?: string }): string {
  const t = ctx.t;
  const errors: FieldError[] = o.error ? [{ field: 'code', message: o.error }] : [];
  const base = o.mode === 'account' ? '/account' : '/signin';
  return layout(
    ctx,
    { title: t('account.verify.title'), hasErrors: errors.length > 0 },
    html`${errorSummary(ctx, errors)}
<h1>${t('account.verify.title')}</h1>
${o.resent ? html`<div class="notice" role="status"><p>${t('account.verify.resent')}</p></div>` : ''}
<p>${t('account.verify.intro')} <strong dir="auto" class="email-address">${o.email}</strong></p>
<form method="post" action="${base}/verify" ${noValidate(ctx)}>
${csrfField(ctx)}
${o.next ? html`<input type="hidden" name="next" value="${o.next}">` : ''}
${textField(ctx, {
  name: 'code',
  label: t('account.verify.label'),
  hint: t('account.verify.hint'),
  value: '',
  error: o.error,
  autocomplete: 'one-time-code',
  inputmode: 'numeric',
  required: true,
  pattern: '[0-9]{6}',
  width: 's',
})}
${submitButton(ctx, t('account.verify.submit'))}
</form>
<form method="post" action="${base}/resend" class="secondary-form">
${csrfField(ctx)}
${o.next ? html`<input type="hidden" name="next" value="${o.next}">` : ''}
<p>${t('account.verify.noCode')}</p>
${submitButton(ctx, t('account.verify.resend'), { secondary: true })}
</form>
<p><a href="${o.mode === 'account' ? '/account/new' : '/signin'}">${t('account.verify.changeEmail')}</a></p>`,
  );
}
