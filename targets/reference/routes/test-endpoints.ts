/** Test-only endpoints (/__test/*), mounted only when the app runs with testMode. JSON in, JSON out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app.ts';
import { parseForm, readBody, sendJson } from '../http.ts';
import { counts } from '../db/repo.ts';
import { normaliseEmailInput, validateEmail } from '../validation/email.ts';
import { runDraw, today } from '../appointments/lottery.ts';

function emailKeyOf(address: string): string {
  const v = validateEmail(address);
  return v.ok ? v.key : normaliseEmailInput(address);
}

export async function handleTestRoute(app: App, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
  const path = url.pathname;
  const body = method === 'POST' ? parseForm(req.headers['content-type'] ?? 'application/json', await readBody(req)) : new URLSearchParams();
  if (method === 'GET' && path === '/__test/outbox') {
    // Matches by mailbox: the same local part and the same domain, whether written as U-labels or
    // A-labels (smtp-server reports an A-label domain in its U-label form).
    const to = url.searchParams.get('to');
    const wanted = to === null ? null : emailKeyOf(to);
    return sendJson(res, 200, app.smtp.outbox.filter((m) => wanted === null || m.to === to || emailKeyOf(m.to) === wanted));
  }
  if (method === 'GET' && path === '/__test/code') {
    const email = url.searchParams.get('email') ?? '';
    const code = app.lastCodes.get(emailKeyOf(email));
    return code ? sendJson(res, 200, { email, code }) : sendJson(res, 404, { error: 'no code for this address' });
  }
  if (method === 'POST' && path === '/__test/clock') {
    const s = Number(body.get('advanceSeconds') ?? '0');
    if (!Number.isFinite(s)) return sendJson(res, 400, { error: 'advanceSeconds must be a number' });
    app.clock.advance(s);
    return sendJson(res, 200, { now: new Date(app.clock.now()).toISOString() });
  }
  if (method === 'POST' && path === '/__test/fail-next') {
    const p = body.get('path');
    if (!p || !p.startsWith('/')) return sendJson(res, 400, { error: 'path required' });
    app.failNext.add(p);
    return sendJson(res, 200, { armed: p });
  }
  if (method === 'POST' && path === '/__test/lottery/run') {
    const day = body.get('day') || today(app);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return sendJson(res, 400, { error: 'day must be YYYY-MM-DD' });
    return sendJson(res, 200, await runDraw(app, day));
  }
  if (method === 'GET' && path === '/__test/state') {
    return sendJson(res, 200, { counts: counts(app.db), outbox: app.smtp.outbox.length, defects: [...app.defects], now: new Date(app.clock.now()).toISOString(), today: today(app) });
  }
  if (method === 'GET' && path === '/__test/captcha') {
    const row = app.db.prepare('SELECT captcha FROM sessions WHERE id = ?').get(url.searchParams.get('sid') ?? '') as { captcha?: string } | undefined;
    return sendJson(res, row?.captcha ? 200 : 404, { captcha: row?.captcha ?? null });
  }
  return sendJson(res, 404, { error: 'unknown test endpoint' });
}
