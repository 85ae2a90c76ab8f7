import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { openDatabase } from './db/open.ts';
import { createClock } from './clock.ts';
import { resolveDefects, type ProfileId } from './defects.ts';
import { startLoopbackSmtp } from './mail/smtp.ts';
import { createMailer } from './mail/send.ts';
import { RateLimiter } from './security/rate-limit.ts';
import type { App, AppointmentWindow, Ctx, RateLimitOptions } from './app.ts';
import { HttpError, cookie, parseCookies, parseForm, readBody, sendHtml } from './http.ts';
import { Router } from './router.ts';
import { isLocale, negotiateLocale, translator, type Locale } from './i18n/i18n.ts';
import { accountById, setAccountLocale, saveDraft, deleteDraftsOf } from './db/repo.ts';
import { csrfOk, draftOwner, loadSession, sessionCookie, touchSession } from './session.ts';
import { serveStatic } from './static-files.ts';
import { handleTestRoute } from './routes/test-endpoints.ts';
import { registerRoutes } from './routes/index.ts';
import { statusPage } from './pages/status.ts';

export interface ReferenceAppOptions {
  profile?: ProfileId;
  defects?: string[];
  /** 0 = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A file path, or ':memory:' (the default). */
  dbPath?: string;
  /** Enables /__test/* and opens the appointment window all day. */
  testMode?: boolean;
  /** Idle time before a signed-in session ends. Default 900; a warning shows 120 s before. */
  sessionTimeoutSeconds?: number;
  rateLimits?: RateLimitOptions;
  /** Daily request window (UTC). Default 17:00–16:00 (23 hours); always open in testMode. */
  appointmentWindow?: AppointmentWindow | 'always';
  /** Share of the daily slots for the earliest registrations. Default 0.3. */
  earliestShare?: number;
  /** Request log (method, path without query, status, ms: never personal data). Default: none. */
  log?: (line: string) => void;
  /**
   * Send mail through this SMTP server instead of the app's own loopback one (whose outbox the
   * /__test endpoints read): a test harness's mail sink, or a real relay. Default: the loopback.
   */
  smtpRelay?: { host: string; port: number };
}

export interface ReferenceApp {
  url: string;
  port: number;
  smtpPort: number;
  defects: string[];
  close(): Promise<void>;
}

const PUBLIC_POST_PATHS_WITHOUT_CSRF = new Set<string>();

export async function startReferenceApp(opts: ReferenceAppOptions = {}): Promise<ReferenceApp> {
  const defects = resolveDefects(opts.profile ?? 'conformant', opts.defects);
  const host = opts.host ?? '127.0.0.1';
  const testMode = Boolean(opts.testMode);
  const db = openDatabase(opts.dbPath ?? ':memory:');
  const smtp = await startLoopbackSmtp({ host: '127.0.0.1', port: 0 });
  const mailer = opts.smtpRelay ? createMailer(opts.smtpRelay.host, opts.smtpRelay.port) : createMailer('127.0.0.1', smtp.port);
  const app: App = {
    db,
    clock: createClock(),
    defects: new Set(defects),
    testMode,
    sessionTimeoutSeconds: opts.sessionTimeoutSeconds ?? 900,
    warnSeconds: 120,
    mailer,
    smtp,
    limiter: new RateLimiter(),
    limits: {
      accountCreatePerHour: opts.rateLimits?.accountCreatePerHour ?? (testMode ? 500 : 20),
      codeRequestsPer15Min: opts.rateLimits?.codeRequestsPer15Min ?? 5,
      codeRequestsPerIpPer15Min: opts.rateLimits?.codeRequestsPerIpPer15Min ?? (testMode ? 1000 : 30),
    },
    window: opts.appointmentWindow ?? (testMode ? 'always' : { opens: '17:00', closes: '16:00' }),
    earliestShare: opts.earliestShare ?? 0.3,
    failNext: new Set(),
    lastCodes: new Map(),
    secret: randomBytes(32),
    log: opts.log ?? (() => {}),
  };
  const router = new Router<Ctx>();
  registerRoutes(router);

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      const path = (req.url ?? '/').split('?')[0];
      app.log(`${req.method} ${path} ${res.statusCode} ${Date.now() - started}ms`);
    });
    handle(app, router, req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status >= 500) app.log(`error ${(req.url ?? '/').split('?')[0]}: ${err instanceof Error ? err.name + ': ' + err.message.slice(0, 200) : 'unknown'}`);
      if (!res.headersSent) sendHtml(res, status, `<!doctype html><html lang="en"><title>Error</title><main><h1>Error ${status}</h1></main></html>`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    smtpPort: smtp.port,
    defects,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      mailer.close();
      await smtp.close();
      db.close();
    },
  };
}

function pickLocale(app: App, ctx: Pick<Ctx, 'url' | 'cookies' | 'setCookies' | 'account' | 'req'>): Locale {
  const q = ctx.url.searchParams.get('lang');
  if (isLocale(q)) {
    ctx.setCookies.push(cookie('lang', q, { maxAge: 60 * 60 * 24 * 365, httpOnly: false }));
    if (ctx.account && ctx.account.locale !== q) {
      setAccountLocale(app.db, ctx.account.id, q);
      ctx.account.locale = q;
    }
    return q;
  }
  if (isLocale(ctx.cookies.lang)) return ctx.cookies.lang;
  if (ctx.account && isLocale(ctx.account.locale)) return ctx.account.locale;
  return negotiateLocale(ctx.req.headers['accept-language']);
}

async function handle(app: App, router: Router<Ctx>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  if ((method === 'GET' || method === 'HEAD') && (await serveStatic(url.pathname, res))) return;
  if (url.pathname.startsWith('/__test/')) {
    if (!app.testMode) throw new HttpError(404, 'Not found');
    await handleTestRoute(app, req, res, url, method);
    return;
  }

  const cookies = parseCookies(req.headers.cookie);
  const setCookies: string[] = [];
  const { session, created } = loadSession(app, cookies.sid);
  if (created) setCookies.push(sessionCookie(session.id));
  let account = null;
  let expiredAccountId: number | null = null;
  if (session.account_id !== null) {
    const idle = (app.clock.now() - session.last_seen_at) / 1000;
    if (idle > app.sessionTimeoutSeconds) {
      // Expired: treated as signed out, and never revived (the row is not touched again).
      expiredAccountId = session.account_id;
    } else {
      account = accountById(app.db, session.account_id);
    }
  }
  const partial = { url, cookies, setCookies, account, req };
  const locale = pickLocale(app, partial);
  const has = (d: string) => app.defects.has(d);
  const ctx: Ctx = {
    app,
    req,
    res,
    url,
    method,
    ip: req.socket.remoteAddress ?? '',
    form: new URLSearchParams(),
    cookies,
    session,
    account,
    expiredAccountId,
    locale,
    t: translator(locale),
    tErr: has('errors-english-only') ? translator('en') : translator(locale),
    setCookies,
    failThis: false,
    has,
  };
  const isExtend = url.pathname === '/session/extend';
  // Activity extends the session (sliding), except polling its status and anything after expiry.
  const touch = expiredAccountId === null && url.pathname !== '/session/status';
  if (touch && (method === 'GET' || method === 'HEAD' || isExtend)) touchSession(app, session);

  if (method === 'POST') {
    ctx.form = parseForm(req.headers['content-type'], await readBody(req));
    if (!PUBLIC_POST_PATHS_WITHOUT_CSRF.has(url.pathname) && (created || !csrfOk(session, ctx.form.get('_csrf')))) {
      sendHtml(res, 403, statusPage(ctx, 403, ctx.t('errors.csrfTitle'), ctx.t('errors.csrfText')), { 'set-cookie': setCookies });
      return;
    }
    if (touch && !isExtend) touchSession(app, session);
    if (app.failNext.delete(url.pathname)) {
      ctx.failThis = true;
      failedPost(ctx);
      return;
    }
  }

  const match = router.match(method, url.pathname);
  if (match === undefined) {
    sendHtml(res, 404, statusPage(ctx, 404, ctx.t('errors.notFoundTitle'), ctx.t('errors.notFoundText')), { 'set-cookie': setCookies });
    return;
  }
  if (match === 'methodNotAllowed') {
    sendHtml(res, 405, statusPage(ctx, 405, ctx.t('errors.notFoundTitle'), ctx.t('errors.notFoundText')), { allow: 'GET, POST', 'set-cookie': setCookies });
    return;
  }
  await match.handler(ctx, match.params);
}

/**
 * A POST chosen by /__test/fail-next: the server "fails" with a 500. Conformant saves what was
 * entered first and says so; under `data-lost-on-server-error` it is all lost.
 */
function failedPost(ctx: Ctx): void {
  const owner = draftOwner(ctx);
  const back = ctx.url.pathname;
  if (ctx.has('data-lost-on-server-error')) {
    deleteDraftsOf(ctx.app.db, owner);
    sendHtml(ctx.res, 500, statusPage(ctx, 500, ctx.t('errors.serverTitle'), ctx.t('errors.serverLostText'), { href: back, label: ctx.t('errors.startAgain') }), {
      'set-cookie': ctx.setCookies,
    });
    return;
  }
  saveDraft(ctx.app.db, owner, back, ctx.form, ctx.app.clock.now());
  sendHtml(ctx.res, 500, statusPage(ctx, 500, ctx.t('errors.serverTitle'), ctx.t('errors.serverKeptText'), { href: back, label: ctx.t('errors.backToForm') }), {
    'set-cookie': ctx.setCookies,
  });
}
