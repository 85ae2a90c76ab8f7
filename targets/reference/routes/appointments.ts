import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { html } from '../pages/html.ts';
import { layout } from '../pages/layout.ts';
import { noValidate, csrfField, errorSummary, selectField, submitButton } from '../pages/forms.ts';
import { getLotteryDay, getRegistration, insertRequest, listLotteryDays, requestsOf, resultsOf } from '../db/repo.ts';
import { requireAccount } from '../session.ts';
import { formatDate } from '../i18n/i18n.ts';
import { ensureDay, PORTS, today, windowOpen } from '../appointments/lottery.ts';
import { go, page } from './respond.ts';

const portName = (id: string) => PORTS.find((p) => p.id === id)?.name ?? id;

function requestPage(ctx: Ctx, values: string[], error?: string): string {
  const t = ctx.t;
  const day = today(ctx.app);
  const commitment = ensureDay(ctx.app, day);
  const open = windowOpen(ctx.app);
  const options = PORTS.map((p) => ({ value: p.id, label: p.name }));
  const w = ctx.app.window;
  return layout(
    ctx,
    { title: t('appointments.request.title'), hasErrors: Boolean(error) },
    html`${errorSummary(ctx, error ? [{ field: 'port_1', message: error }] : [])}
<h1>${t('appointments.request.title')}</h1>
<p>${t('appointments.request.intro')}</p>
<p class="help-text">${t('appointments.request.commitment', { day: formatDate(ctx.locale, day) })} <code class="hash">${commitment.seed_hash}</code></p>
${open
  ? html`<form method="post" action="/appointments/request" ${noValidate(ctx)}>
${csrfField(ctx)}
<fieldset class="fieldset">
<legend class="legend">${t('appointments.request.legend')}</legend>
<p class="hint" id="ports-hint">${t('appointments.request.hint')}</p>
${selectField(ctx, { name: 'port_1', label: t('appointments.request.first'), value: values[0] ?? '', options, error, required: true })}
${selectField(ctx, { name: 'port_2', label: t('appointments.request.second'), value: values[1] ?? '', options, optional: true })}
${selectField(ctx, { name: 'port_3', label: t('appointments.request.third'), value: values[2] ?? '', options, optional: true })}
</fieldset>
${submitButton(ctx, t('appointments.request.submit'))}
</form>`
  : html`<div class="notice" role="status"><p>${t('appointments.request.closed', { opens: w === 'always' ? '' : w.opens, closes: w === 'always' ? '' : w.closes })}</p></div>`}
<p><a href="/appointments/status">${t('dashboard.status')}</a></p>`,
  );
}

function showRequest(ctx: Ctx): void {
  const account = requireAccount(ctx);
  if (!account) return;
  if (!getRegistration(ctx.app.db, account.id)) return go(ctx, '/registration');
  const day = today(ctx.app);
  if (requestsOf(ctx.app.db, account.id).some((r) => r.day === day)) return go(ctx, '/appointments/status');
  page(ctx, requestPage(ctx, []));
}

function submitRequest(ctx: Ctx): void {
  const account = requireAccount(ctx);
  if (!account) return;
  if (!getRegistration(ctx.app.db, account.id)) return go(ctx, '/registration');
  const picks = ['port_1', 'port_2', 'port_3'].map((k) => ctx.form.get(k) ?? '');
  const valid = picks.filter((p, i) => p && PORTS.some((x) => x.id === p) && picks.indexOf(p) === i);
  if (!windowOpen(ctx.app)) return page(ctx, requestPage(ctx, picks), 409);
  if (!picks[0] || !PORTS.some((x) => x.id === picks[0])) return page(ctx, requestPage(ctx, picks, ctx.tErr('errors.portRequired')), 422);
  const day = today(ctx.app);
  ensureDay(ctx.app, day);
  insertRequest(ctx.app.db, day, account.id, valid, ctx.app.clock.now());
  go(ctx, '/appointments/status?requested=1');
}

function status(ctx: Ctx): void {
  const account = requireAccount(ctx);
  if (!account) return;
  const t = ctx.t;
  const requests = requestsOf(ctx.app.db, account.id);
  const results = resultsOf(ctx.app.db, account.id);
  const rows = requests.map((r) => {
    const day = getLotteryDay(ctx.app.db, r.day);
    const res = results.get(r.day);
    let outcome: string;
    if (!day || day.drawn_at === null) outcome = t('appointments.status.pending');
    else if (res) outcome = t('appointments.status.won', { port: portName(res.port), date: formatDate(ctx.locale, res.appointment_date) });
    else outcome = t('appointments.status.lost');
    return { day: r.day, ports: r.ports.map(portName).join(', '), outcome, won: Boolean(res) };
  });
  const wonAny = rows.find((r) => r.won);
  page(
    ctx,
    layout(
      ctx,
      { title: t('appointments.status.title') },
      html`<h1>${t('appointments.status.title')}</h1>
${ctx.url.searchParams.get('requested') === '1' ? html`<div class="notice" role="status"><p>${t('appointments.status.requested')}</p></div>` : ''}
${wonAny ? html`<div class="notice notice-success"><h2>${t('appointments.status.wonTitle')}</h2><p>${wonAny.outcome}</p></div>` : ''}
${rows.length === 0
  ? html`<p>${t('appointments.status.none')}</p>`
  : html`<table class="table">
<caption>${t('appointments.status.caption')}</caption>
<thead><tr><th scope="col">${t('appointments.status.day')}</th><th scope="col">${t('appointments.status.ports')}</th><th scope="col">${t('appointments.status.result')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${formatDate(ctx.locale, r.day)}</th><td>${r.ports}</td><td>${r.outcome}</td></tr>`)}</tbody>
</table>`}
<p>${t('appointments.status.again')}</p>
<ul class="link-list"><li><a href="/appointments/request">${t('dashboard.request')}</a></li><li><a href="/lottery/audit">${t('nav.audit')}</a></li><li><a href="/dashboard">${t('nav.dashboard')}</a></li></ul>`,
    ),
  );
}

function audit(ctx: Ctx): void {
  const t = ctx.t;
  ensureDay(ctx.app, today(ctx.app));
  const days = listLotteryDays(ctx.app.db);
  page(
    ctx,
    layout(
      ctx,
      { title: t('audit.title') },
      html`<h1>${t('audit.title')}</h1>
<p>${t('audit.intro')}</p>
<p class="help-text">${t('audit.howTo')}</p>
<table class="table audit-table">
<caption>${t('audit.caption')}</caption>
<thead><tr><th scope="col">${t('audit.day')}</th><th scope="col">${t('audit.seedHash')}</th><th scope="col">${t('audit.seed')}</th><th scope="col">${t('audit.requesters')}</th><th scope="col">${t('audit.entrants')}</th><th scope="col">${t('audit.duplicates')}</th><th scope="col">${t('audit.winners')}</th><th scope="col">${t('audit.data')}</th></tr></thead>
<tbody>${days.map(
  (d) => html`<tr data-day="${d.day}"><th scope="row">${d.day}</th><td><code class="hash seed-hash">${d.seed_hash}</code></td><td>${d.drawn_at !== null ? html`<code class="hash seed">${d.seed}</code>` : t('audit.notYet')}</td><td>${d.requesters ?? '—'}</td><td>${d.entrants ?? '—'}</td><td>${d.duplicates_removed ?? '—'}</td><td>${d.winners ?? '—'}</td><td>${d.drawn_at !== null ? html`<a href="/lottery/audit/${d.day}.json">${t('audit.download', { day: d.day })}</a>` : '—'}</td></tr>`,
)}</tbody>
</table>`,
    ),
  );
}

function auditJson(ctx: Ctx, params: Record<string, string>): void {
  const m = /^(\d{4}-\d{2}-\d{2})\.json$/.exec(params.file ?? '');
  const d = m ? getLotteryDay(ctx.app.db, m[1]) : null;
  if (!d || d.drawn_at === null) {
    ctx.res.writeHead(404, { 'content-type': 'application/json' });
    ctx.res.end('{"error":"not drawn"}');
    return;
  }
  const input = JSON.parse(d.input_json ?? '{}') as Record<string, unknown>;
  const winners = ctx.app.db.prepare('SELECT COUNT(*) AS n FROM lottery_results WHERE day = ?').get(d.day) as { n: number };
  ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  ctx.res.end(JSON.stringify({ ...input, seed: d.seed, seedHash: d.seed_hash, drawnAt: new Date(Number(d.drawn_at)).toISOString(), accountsWithAppointment: Number(winners.n) }, null, 2));
}

export function registerAppointmentRoutes(router: Router<Ctx>): void {
  router.get('/appointments/request', showRequest);
  router.post('/appointments/request', submitRequest);
  router.get('/appointments/status', status);
  router.get('/lottery/audit', audit);
  router.get('/lottery/audit/:file', auditJson);
}
