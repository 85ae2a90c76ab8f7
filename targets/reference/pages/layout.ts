import type { Ctx } from '../app.ts';
import { AUTONYMS, RTL, SWITCHER_ORDER } from '../i18n/i18n.ts';
import { html, raw, type Renderable, type SafeHtml } from './html.ts';
import { csrfField, submitButton } from './forms.ts';

export interface PageOptions {
  title: string;
  /** The page has validation errors (the <title> says so). */
  hasErrors?: boolean;
  /** Extra markup for <head> (e.g. a module script). */
  head?: Renderable;
}

const DEFECT_CSS: Record<string, string> = {
  'focus-outline-removed': '*:focus,*:focus-visible{outline:none !important;box-shadow:none !important}',
  'low-contrast-help-text': '.hint,.help-text{color:#aaaaaa !important}',
  'fixed-width-layout': 'body{min-width:1024px}.container{width:1000px;max-width:none}',
};

/** Seconds left before the signed-in session times out (null when not signed in). */
export function sessionRemaining(ctx: Ctx): number | null {
  if (!ctx.account) return null;
  const idle = (ctx.app.clock.now() - ctx.session.last_seen_at) / 1000;
  return Math.max(0, Math.round(ctx.app.sessionTimeoutSeconds - idle));
}

function languageSwitcher(ctx: Ctx): SafeHtml {
  const path = ctx.url.pathname;
  return html`<nav class="lang-switcher" aria-label="${ctx.t('nav.language')}">
  <ul>${SWITCHER_ORDER.map(
    (l) =>
      html`<li><a href="${path}?lang=${l}" lang="${l}" hreflang="${l}" ${raw(l === ctx.locale ? 'aria-current="true"' : '')}>${AUTONYMS[l]}</a></li>`,
  )}</ul>
</nav>`;
}

function sessionWarning(ctx: Ctx, remaining: number | null): SafeHtml {
  if (remaining === null || ctx.has('session-timeout-no-warning')) return html``;
  const show = remaining <= ctx.app.warnSeconds;
  const minutes = Math.max(1, Math.ceil(remaining / 60));
  return html`<div id="session-warning" class="session-warning" role="alertdialog" aria-labelledby="session-warning-title" aria-describedby="session-warning-text" ${raw(show ? '' : 'hidden')}>
  <h2 id="session-warning-title">${ctx.t('session.warningTitle')}</h2>
  <p id="session-warning-text" data-template="${ctx.t('session.warningText', { minutes: '{m}' })}">${ctx.t('session.warningText', { minutes })}</p>
  <form method="post" action="/session/extend">${csrfField(ctx)}<input type="hidden" name="next" value="${ctx.url.pathname}">${submitButton(ctx, ctx.t('session.extend'), { id: 'session-extend' })}</form>
</div>`;
}

export function layout(ctx: Ctx, opts: PageOptions, body: Renderable): string {
  const t = ctx.t;
  const lang = ctx.has('lang-stuck-en') ? 'en' : ctx.locale;
  const dir = ctx.has('no-rtl-dir') ? null : RTL.has(ctx.locale) ? 'rtl' : 'ltr';
  const defectCss = [...ctx.app.defects].map((d) => DEFECT_CSS[d]).filter(Boolean).join('\n');
  const remaining = sessionRemaining(ctx);
  const title = (opts.hasErrors ? t('common.errorTitlePrefix') + ' ' : '') + opts.title + ' — ' + t('app.name');
  const signedIn = Boolean(ctx.account);
  const page = html`<!doctype html>
<html lang="${lang}"${raw(dir ? ` dir="${dir}"` : '')}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/app.css">
${defectCss ? raw(`<style>${defectCss}</style>`) : ''}
${opts.head ?? ''}
</head>
<body${raw(remaining !== null && !ctx.has('session-timeout-no-warning') ? ` data-session-remaining="${remaining}" data-session-warn="${ctx.app.warnSeconds}"` : '')}>
<a class="skip-link" href="#main">${t('nav.skip')}</a>
<header class="site-header" role="banner">
  <div class="container header-inner">
    <a class="brand" href="/">${t('app.name')}</a>
    <nav class="main-nav" aria-label="${t('nav.main')}">
      <ul>
        <li><a href="/">${t('nav.home')}</a></li>
        ${signedIn ? html`<li><a href="/dashboard">${t('nav.dashboard')}</a></li>` : html`<li><a href="/signin">${t('nav.signin')}</a></li>`}
        <li><a href="/help">${t('nav.help')}</a></li>
        <li><a href="/language">${t('nav.languagePage')}</a></li>
      </ul>
    </nav>
    ${languageSwitcher(ctx)}
  </div>
</header>
<main id="main" class="container" tabindex="-1">
${ctx.has('offline-submit-loses-form') ? '' : html`<p id="offline-notice" class="offline-notice" hidden>${t('common.offline')}</p>`}
${sessionWarning(ctx, remaining)}
${body}
</main>
<footer class="site-footer" role="contentinfo">
  <div class="container">
    <ul>
      <li><a href="/lottery/audit">${t('nav.audit')}</a></li>
      <li><a href="/help">${t('nav.help')}</a></li>
      ${signedIn ? html`<li><form method="post" action="/signout" class="inline-form">${csrfField(ctx)}${submitButton(ctx, t('nav.signout'), { secondary: true })}</form></li>` : ''}
    </ul>
    <p class="footer-note">${t('app.footer')}</p>
  </div>
</footer>
<script src="/assets/app.js" defer></script>
</body>
</html>`;
  return page.value;
}
