import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { html } from '../pages/html.ts';
import { layout } from '../pages/layout.ts';
import { noValidate, csrfField, errorSummary, honeypot, submitButton, textArea, textField, type FieldError } from '../pages/forms.ts';
import { insertHelpMessage } from '../db/repo.ts';
import { translator } from '../i18n/i18n.ts';
import { emailDefectsFrom, validateEmail } from '../validation/email.ts';
import { helpAnswerEmail } from '../mail/templates.ts';
import { statusPage } from '../pages/status.ts';
import { go, page } from './respond.ts';

/** The language of help content: the user's, or English under `help-english-only`. */
function helpT(ctx: Ctx) {
  return ctx.has('help-english-only') ? translator('en') : ctx.t;
}

function helpPage(ctx: Ctx, values: { email: string; message: string }, errors: Map<string, string>): string {
  const t = helpT(ctx);
  const list: FieldError[] = [...errors].map(([field, message]) => ({ field, message }));
  const faq = ['code', 'photo', 'address', 'edit', 'lottery', 'language'] as const;
  return layout(
    ctx,
    { title: t('help.title'), hasErrors: errors.size > 0 },
    html`${errorSummary(ctx, list)}
<h1>${t('help.title')}</h1>
<p>${t('help.intro')}</p>
${faq.map((k) => html`<section class="faq" aria-labelledby="faq-${k}"><h2 id="faq-${k}">${t(`help.faq.${k}.q`)}</h2><p class="help-text">${t(`help.faq.${k}.a`)}</p></section>`)}
<section aria-labelledby="contact-title">
<h2 id="contact-title">${t('help.contact.title')}</h2>
<p>${t('help.contact.intro')}</p>
<form method="post" action="/help" ${noValidate(ctx)}>
${csrfField(ctx)}
${textField(ctx, { name: 'email', label: t('help.contact.email'), value: values.email, error: errors.get('email'), autocomplete: 'email', inputmode: 'email', spellcheck: false, required: true, dir: 'auto' })}
${textArea(ctx, { name: 'message', label: t('help.contact.message'), hint: t('help.contact.messageHint'), value: values.message, error: errors.get('message'), required: true })}
${honeypot(ctx)}
${submitButton(ctx, t('help.contact.submit'))}
</form>
</section>`,
  );
}

async function submitHelp(ctx: Ctx): Promise<void> {
  const { app } = ctx;
  const email = ctx.form.get('email') ?? '';
  const message = (ctx.form.get('message') ?? '').normalize('NFC').trim();
  if ((ctx.form.get('website') ?? '') !== '') return go(ctx, '/help/sent');
  const errors = new Map<string, string>();
  const v = validateEmail(email, emailDefectsFrom(app.defects));
  if (!v.ok) errors.set('email', ctx.tErr(`errors.email.${v.error}`));
  if (!message) errors.set('message', ctx.tErr('errors.messageRequired'));
  else if (message.length > 5000) errors.set('message', ctx.tErr('errors.messageTooLong'));
  if (errors.size > 0 || !v.ok) return page(ctx, helpPage(ctx, { email, message }, errors), 422);
  const lim = app.limiter.hit(`help:${ctx.ip}`, app.testMode ? 1000 : 10, 3_600_000, app.clock.now());
  if (!lim.ok) return page(ctx, statusPage(ctx, 429, ctx.tErr('errors.rateLimitTitle'), ctx.tErr('errors.rateLimitText', { minutes: Math.ceil(lim.retryAfterSeconds / 60) })), 429);
  const locale = ctx.has('help-english-only') ? 'en' : ctx.locale;
  insertHelpMessage(app.db, ctx.account?.id ?? null, v.address, ctx.locale, message, app.clock.now());
  await app.mailer.send(helpAnswerEmail(v.address, locale, message));
  go(ctx, '/help/sent');
}

export function registerHelpRoutes(router: Router<Ctx>): void {
  router.get('/help', (ctx) => page(ctx, helpPage(ctx, { email: ctx.account?.email ?? '', message: '' }, new Map())));
  router.post('/help', submitHelp);
  router.get('/help/sent', (ctx) => {
    const t = helpT(ctx);
    page(ctx, layout(ctx, { title: t('help.sent.title') }, html`<h1>${t('help.sent.title')}</h1><p>${t('help.sent.text')}</p><p><a href="/">${ctx.t('nav.home')}</a></p>`));
  });
}
