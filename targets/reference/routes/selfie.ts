import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { escape, html, raw } from '../pages/html.ts';
import { layout } from '../pages/layout.ts';
import { csrfField, submitButton } from '../pages/forms.ts';
import { getRegistration, setSelfieStatus } from '../db/repo.ts';
import { requireAccount } from '../session.ts';
import { loadSelfieModule } from '../selfie-api.ts';
import { statusPage } from '../pages/status.ts';
import { go, page } from './respond.ts';

/** Progress messages of the camera script (data-msg-* on the form), in the user's language. */
const SELFIE_STATUS_KEYS = ['loading', 'starting', 'ready', 'noCamera', 'denied', 'detecting', 'noFace', 'faceFound', 'failed'];

const KNOWN_REASONS = new Set(['no-face', 'too-dark', 'too-bright', 'low-contrast', 'too-noisy', 'blurry', 'unavailable']);

function selfiePage(ctx: Ctx, error?: string): string {
  const t = ctx.t;
  // Conformant: the exposure is metered on the detected face and the fair gate judges it. The
  // absolute-brightness defect is CBP One's path: whole-frame metering and a brightness threshold.
  const naive = ctx.has('exposure-gate-absolute-brightness');
  const alternative = !ctx.has('no-selfie-alternative');
  return layout(
    ctx,
    { title: t('selfie.title'), hasErrors: Boolean(error), head: html`<script type="module" src="/assets/selfie/selfie.js"></script>` },
    html`${error ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>${ctx.tErr('common.errorSummaryTitle')}</h2><p>${error}</p></div>` : ''}
<h1>${t('selfie.title')}</h1>
<p>${t('selfie.intro')}</p>
<ul>
<li>${t('selfie.tipLight')}</li>
<li>${t('selfie.tipFace')}</li>
</ul>
<div class="selfie-capture" id="selfie-capture">
<video id="selfie-video" autoplay playsinline muted aria-label="${t('selfie.videoLabel')}" width="320" height="240"></video>
<canvas id="selfie-canvas" width="640" height="480" hidden></canvas>
<p><button type="button" class="button" id="selfie-take">${t('selfie.capture')}</button></p>
<div id="selfie-status" role="status" aria-live="polite">${t('selfie.needsJs')}</div>
</div>
<form method="post" action="/selfie" id="selfie-form" hidden data-gate="${naive ? 'naive-absolute' : 'fair'}" data-exposure="${naive ? 'frame' : 'face'}" ${raw(SELFIE_STATUS_KEYS.map((k) => `data-msg-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escape(t(`selfie.status.${k}`))}"`).join(' '))}>
${csrfField(ctx)}
<input type="hidden" name="metrics" id="selfie-metrics" value="">
<input type="hidden" name="faceFound" id="selfie-face-found" value="">
${submitButton(ctx, t('selfie.send'))}
</form>
${alternative ? html`<p class="alternative"><a href="/selfie/alternative">${t('selfie.cannot')}</a></p>` : ''}`,
  );
}

async function submitSelfie(ctx: Ctx): Promise<void> {
  const account = requireAccount(ctx);
  if (!account) return;
  const t = ctx.tErr;
  if (ctx.form.get('faceFound') !== 'true') return page(ctx, selfiePage(ctx, t('errors.selfie.no-face')), 422);
  let metrics: unknown;
  try {
    metrics = JSON.parse(ctx.form.get('metrics') ?? 'null');
  } catch {
    metrics = null;
  }
  const mod = await loadSelfieModule();
  const verdict = mod
    ? mod.evaluateSelfie(metrics, { gate: ctx.has('exposure-gate-absolute-brightness') ? 'naive-absolute' : 'fair' })
    : { accepted: false, reason: 'unavailable' };
  if (!verdict.accepted) {
    const reason = verdict.reason && KNOWN_REASONS.has(verdict.reason) ? verdict.reason : 'generic';
    return page(ctx, selfiePage(ctx, t(`errors.selfie.${reason}`)), 422);
  }
  setSelfieStatus(ctx.app.db, account.id, 'accepted');
  go(ctx, '/dashboard');
}

function alternativePage(ctx: Ctx): void {
  if (ctx.has('no-selfie-alternative')) {
    return page(ctx, statusPage(ctx, 404, ctx.t('errors.notFoundTitle'), ctx.t('errors.notFoundText')), 404);
  }
  const account = requireAccount(ctx);
  if (!account) return;
  const t = ctx.t;
  page(
    ctx,
    layout(
      ctx,
      { title: t('selfie.alt.title') },
      html`<h1>${t('selfie.alt.title')}</h1>
<p>${t('selfie.alt.intro')}</p>
<p>${t('selfie.alt.bring')}</p>
<form method="post" action="/selfie/alternative">
${csrfField(ctx)}
${submitButton(ctx, t('selfie.alt.submit'))}
</form>
<p><a href="/selfie">${t('selfie.alt.back')}</a></p>`,
    ),
  );
}

export function registerSelfieRoutes(router: Router<Ctx>): void {
  router.get('/selfie', (ctx) => {
    const account = requireAccount(ctx);
    if (!account) return;
    if (!getRegistration(ctx.app.db, account.id)) return go(ctx, '/registration');
    page(ctx, selfiePage(ctx));
  });
  router.post('/selfie', submitSelfie);
  router.get('/selfie/alternative', alternativePage);
  router.post('/selfie/alternative', (ctx) => {
    if (ctx.has('no-selfie-alternative')) return page(ctx, statusPage(ctx, 404, ctx.t('errors.notFoundTitle'), ctx.t('errors.notFoundText')), 404);
    const account = requireAccount(ctx);
    if (!account) return;
    setSelfieStatus(ctx.app.db, account.id, 'in-person');
    go(ctx, '/dashboard');
  });
}
