import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { html } from '../pages/html.ts';
import { layout, sessionRemaining } from '../pages/layout.ts';
import { csrfField, submitButton } from '../pages/forms.ts';
import { getRegistration, setAccountLocale } from '../db/repo.ts';
import { requireAccount, signOut, touchSession } from '../session.ts';
import { AUTONYMS, SWITCHER_ORDER, countryName, formatDate, isLocale } from '../i18n/i18n.ts';
import { cookie, safeNext, sendJson } from '../http.ts';
import { go, page } from './respond.ts';

function home(ctx: Ctx): void {
  const t = ctx.t;
  page(
    ctx,
    layout(
      ctx,
      { title: t('home.title') },
      html`<h1>${t('home.title')}</h1>
<p class="lead">${t('home.intro')}</p>
<h2>${t('home.stepsTitle')}</h2>
<ol class="steps">
<li>${t('home.step1')}</li>
<li>${t('home.step2')}</li>
<li>${t('home.step3')}</li>
<li>${t('home.step4')}</li>
</ol>
<p class="help-text">${t('home.noUsAddress')}</p>
${ctx.account
  ? html`<p><a class="button-link" href="/dashboard">${t('nav.dashboard')}</a></p>`
  : html`<p><a class="button-link" href="/account/new">${t('home.create')}</a></p><p>${t('home.haveAccount')} <a href="/signin">${t('nav.signin')}</a></p>`}`,
    ),
  );
}

function dashboard(ctx: Ctx): void {
  const account = requireAccount(ctx);
  if (!account) return;
  const reg = getRegistration(ctx.app.db, account.id);
  if (!reg) return go(ctx, '/registration');
  const t = ctx.t;
  const name = [reg.given_names, reg.family_names].filter(Boolean).join(' ');
  const selfieDone = account.selfie_status !== 'none';
  page(
    ctx,
    layout(
      ctx,
      { title: t('dashboard.title') },
      html`<h1>${t('dashboard.title')}</h1>
${ctx.url.searchParams.get('saved') === '1' ? html`<div class="notice" role="status"><p>${t('dashboard.saved')}</p></div>` : ''}
<p>${t('dashboard.welcome', { name })}</p>
<h2>${t('dashboard.registrationTitle')}</h2>
<dl class="summary-list">
<div><dt>${t('dashboard.name')}</dt><dd dir="auto">${name}</dd></div>
<div><dt>${t('registration.dob.legend')}</dt><dd>${formatDate(ctx.locale, reg.dob)}</dd></div>
<div><dt>${t('registration.nationality')}</dt><dd>${countryName(ctx.locale, reg.nationality)}</dd></div>
<div><dt>${t('dashboard.email')}</dt><dd dir="auto">${account.email}</dd></div>
<div><dt>${t('dashboard.family')}</dt><dd>${reg.members.length}</dd></div>
<div><dt>${t('dashboard.identity')}</dt><dd>${t(`dashboard.selfie.${account.selfie_status}`)}</dd></div>
</dl>
${ctx.has('registration-not-editable') ? html`<p class="help-text">${t('registration.notEditable')}</p>` : html`<p><a href="/registration/edit">${t('dashboard.edit')}</a></p>`}
<h2>${t('dashboard.nextTitle')}</h2>
<ul class="link-list">
${selfieDone ? '' : html`<li><a href="/selfie">${t('dashboard.takePhoto')}</a></li>`}
<li><a href="/appointments/request">${t('dashboard.request')}</a></li>
<li><a href="/appointments/status">${t('dashboard.status')}</a></li>
<li><a href="/help">${t('nav.help')}</a></li>
</ul>`,
    ),
  );
}

function languagePage(ctx: Ctx): void {
  const t = ctx.t;
  const next = safeNext(ctx.url.searchParams.get('next'), '/');
  page(
    ctx,
    layout(
      ctx,
      { title: t('language.title') },
      html`<h1>${t('language.title')}</h1>
<form method="post" action="/language">
${csrfField(ctx)}
<input type="hidden" name="next" value="${next}">
<fieldset class="fieldset">
<legend class="legend">${t('language.legend')}</legend>
<ul class="radio-list">
${SWITCHER_ORDER.map(
  (l) => html`<li class="radio"><input type="radio" id="lang-${l}" name="lang" value="${l}"${l === ctx.locale ? html` checked` : ''}><label for="lang-${l}" lang="${l}">${AUTONYMS[l]}</label></li>`,
)}
</ul>
</fieldset>
${submitButton(ctx, t('language.submit'))}
</form>`,
    ),
  );
}

function setLanguage(ctx: Ctx): void {
  const lang = ctx.form.get('lang');
  if (isLocale(lang)) {
    ctx.setCookies.push(cookie('lang', lang, { maxAge: 60 * 60 * 24 * 365, httpOnly: false }));
    if (ctx.account) setAccountLocale(ctx.app.db, ctx.account.id, lang);
  }
  go(ctx, safeNext(ctx.form.get('next'), '/'));
}

function extend(ctx: Ctx): void {
  if (!ctx.account) return void requireAccount(ctx);
  touchSession(ctx.app, ctx.session);
  if ((ctx.req.headers.accept ?? '').includes('application/json')) {
    return sendJson(ctx.res, 200, { remainingSeconds: ctx.app.sessionTimeoutSeconds }, { 'set-cookie': ctx.setCookies });
  }
  go(ctx, safeNext(ctx.form.get('next'), '/dashboard'));
}

/** Seconds left in the signed-in session, without extending it (polled by app.js). */
function sessionStatus(ctx: Ctx): void {
  const remaining = sessionRemaining(ctx);
  sendJson(ctx.res, 200, {
    signedIn: remaining !== null,
    expired: ctx.expiredAccountId !== null,
    remainingSeconds: remaining,
    warnSeconds: ctx.has('session-timeout-no-warning') ? null : ctx.app.warnSeconds,
  });
}

export function registerBasicRoutes(router: Router<Ctx>): void {
  router.get('/session/status', sessionStatus);
  router.get('/', home);
  router.get('/dashboard', dashboard);
  router.get('/language', languagePage);
  router.post('/language', setLanguage);
  router.post('/session/extend', extend);
  router.post('/signout', (ctx) => {
    signOut(ctx);
    go(ctx, '/');
  });
}
