import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CATALOGUES, LANGUAGES, NATIVE_NAMES, RTL, isLang, pickLanguage, t, type Key, type Lang } from './i18n.ts';
import { resolveDefects } from './defects.ts';
import { Store } from './store.ts';
import { createMailer } from './mail.ts';
import { isImage, normaliseEmail, referenceNumber, validateCircumstances, validateCode, validateDetails, validateEmail, REASON_MAX, type Details, type Errors } from './validate.ts';

export interface BenefitsOptions {
  profile?: string;
  defects?: string[];
  port?: number;
  smtp?: { host: string; port: number };
  /** Seconds of inactivity before the session ends, and how long before that the warning shows. */
  sessionSeconds?: number;
  warningSeconds?: number;
  db?: string;
}

const PUBLIC = new URL('./public/', import.meta.url);
const PAGES = ['/', '/email', '/code', '/details', '/circumstances', '/document', '/document/alternative', '/check', '/confirmation', '/help', '/signed-out'];
const SIGNED_IN_PAGES = ['/details', '/circumstances', '/document', '/document/alternative', '/check'];
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };
/** Towns the address finder knows: none of them in the United States. */
const ADDRESSES = [
  { line1: 'Colonia Kennedy, Bloque 3, Casa 12', town: 'Tegucigalpa', postcode: '', country: 'Honduras' },
  { line1: 'Avenida Libertador 1450, Piso 2', town: 'Caracas', postcode: '1010', country: 'Venezuela' },
  { line1: 'Rue Capois 34', town: 'Port-au-Prince', postcode: 'HT6110', country: 'Haïti' },
  { line1: 'شارع بغداد 17', town: 'دمشق', postcode: '', country: 'سوريا' },
  { line1: 'Calle 5 de Mayo 220', town: 'Tijuana', postcode: '22000', country: 'México' },
];

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

async function body(req: IncomingMessage, limit = 6 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function startBenefitsApp(opts: BenefitsOptions = {}): Promise<{ url: string; close(): Promise<void>; defects: string[] }> {
  const on = new Set(resolveDefects(opts.profile, opts.defects));
  const store = new Store(opts.db);
  const mailer = createMailer(opts.smtp);
  const sessionMs = (opts.sessionSeconds ?? 900) * 1000;
  const warningMs = (opts.warningSeconds ?? 120) * 1000;
  const css = readFileSync(new URL('app.css', PUBLIC), 'utf8') + defectCss(on);

  /** What the page's <html> declares: the defects lang-stuck-en and no-rtl-dir change only this. */
  const htmlLang = (lang: Lang) => (on.has('lang-stuck-en') ? 'en' : lang);
  const htmlDir = (lang: Lang) => (RTL.has(lang) && !on.has('no-rtl-dir') ? 'rtl' : 'ltr');
  /** The catalogue a page gets: with errors-english-only the error messages stay English. */
  function catalogue(lang: Lang): Record<string, string> {
    const c: Record<string, string> = { ...CATALOGUES[lang] };
    if (on.has('errors-english-only')) for (const k of Object.keys(c)) if (k.startsWith('err.')) c[k] = CATALOGUES.en[k as Key];
    return c;
  }
  /** Rendering switches for the client (neutral names; the client never sees defect ids). */
  const ui = {
    focusErrorSummary: !on.has('error-summary-not-announced'),
    visibleLabels: !on.has('inputs-without-labels'),
    frameTitle: !on.has('iframe-without-title'),
    linkErrors: !on.has('error-not-tied-to-field'),
    emailErrorText: !on.has('errors-colour-only'),
    buttonContinue: !on.has('pointer-only-continue'),
    finderReleasesFocus: !on.has('address-finder-traps-focus'),
    returnFocus: !on.has('focus-lost-after-dialog'),
    timeoutWarning: !on.has('session-ends-silently'),
    noFixedOption: !on.has('fixed-address-required'),
    usAddress: on.has('us-zip-required'),
    uploadAlternative: !on.has('no-upload-alternative'),
    keepOnFailure: !on.has('data-lost-on-failed-submit'),
    reasonMax: REASON_MAX,
  };

  function session(req: IncomingMessage, res: ServerResponse, lang: Lang) {
    const sid = cookies(req).sid;
    const now = Date.now();
    let s = sid ? store.session(sid) : undefined;
    if (s && s.authed && s.expiresAt < now) {
      store.updateSession(s.id, { authed: 0, expired: 1 });
      s = store.session(s.id);
    }
    if (!s) {
      const id = randomBytes(18).toString('base64url');
      store.createSession(id, lang, now + sessionMs);
      res.appendHeader('Set-Cookie', `sid=${id}; Path=/; HttpOnly; SameSite=Lax`);
      s = store.session(id)!;
    }
    return s;
  }

  function language(req: IncomingMessage, res: ServerResponse, url: URL): Lang {
    const q = url.searchParams.get('lang');
    const lang = pickLanguage(q, cookies(req).lang, req.headers['accept-language']);
    if (isLang(q)) res.appendHeader('Set-Cookie', `lang=${q}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return lang;
  }

  function json(res: ServerResponse, status: number, data: unknown) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(data));
  }

  function shell(res: ServerResponse, lang: Lang, status = 200) {
    res.writeHead(status, { 'Content-Type': TYPES.html, 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-ancestors 'self'" });
    res.end(`<!doctype html>
<html lang="${htmlLang(lang)}" dir="${htmlDir(lang)}" class="govuk-template">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t(lang, 'service.name'))}</title>
<link rel="stylesheet" href="/static/app.css">
<script type="module" src="/static/app.js"></script></head>
<body class="govuk-template__body"><div id="app"><p class="govuk-body app-loading">${esc(t(lang, 'common.loading'))}</p></div></body></html>`);
  }

  const errorsOut = (e: Errors) => Object.entries(e).map(([field, key]) => ({ field, key }));

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang) {
    const s = session(req, res, lang);
    const now = Date.now();
    const authed = !!s.authed;
    const touch = () => { if (s.authed) store.updateSession(s.id, { expiresAt: now + sessionMs }); };
    const signedOut = () => json(res, 401, { redirect: s.expired && !on.has('session-ends-silently') ? '/email?timeout=1' : '/email' });
    const path = url.pathname;

    if (req.method === 'GET' && path === '/api/page') {
      const page = url.searchParams.get('path') ?? '/';
      if (SIGNED_IN_PAGES.includes(page) && !authed) return json(res, 200, { redirect: s.expired && !on.has('session-ends-silently') ? '/email?timeout=1' : '/email' });
      touch();
      return json(res, 200, {
        lang, htmlLang: htmlLang(lang), dir: htmlDir(lang), t: catalogue(lang), ui,
        languages: LANGUAGES.map((l) => ({ code: l, name: NATIVE_NAMES[l] })),
        signedIn: authed, email: s.email,
        answers: s.email && authed ? store.draft(s.email) : {},
        reference: page === '/confirmation' ? s.lastRef : null,
        session: authed ? { expiresInMs: sessionMs, warnBeforeMs: warningMs } : null,
      });
    }
    if (req.method === 'GET' && path === '/api/addresses') {
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
      return json(res, 200, { results: q ? ADDRESSES.filter((a) => `${a.town} ${a.postcode} ${a.country}`.toLowerCase().includes(q)) : [] });
    }
    if (req.method !== 'POST') return json(res, 405, { error: 'method' });
    if (path === '/api/document') {
      if (!authed) return signedOut();
      const bytes = await body(req);
      if (!isImage(bytes)) return json(res, 422, { accepted: false, errors: [{ field: 'photo', key: 'doc.rejected' }] });
      store.savePhoto(s.email!, bytes);
      store.saveDraft(s.email!, { document: 'photo' });
      touch();
      return json(res, 200, { accepted: true });
    }
    let data: Record<string, unknown> = {};
    try { data = JSON.parse((await body(req, 64 * 1024)).toString('utf8') || '{}'); } catch { return json(res, 400, { error: 'json' }); }

    switch (path) {
      case '/api/email': {
        const err = validateEmail(str(data.email), on);
        if (err) return json(res, 422, { errors: [{ field: 'email', key: err }] });
        const email = normaliseEmail(str(data.email));
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        store.setCode(email, code, now + 15 * 60_000);
        store.updateSession(s.id, { email, authed: 0, lang });
        try {
          await mailer.send(email, t(lang, 'mail.codeSubject', { code }), t(lang, 'mail.codeBody', { code }), lang);
        } catch (e) {
          process.stderr.write(`benefits: could not send the code to ${email}: ${(e as Error).message}\n`);
          return json(res, 422, { errors: [{ field: 'email', key: 'err.emailFormat' }] });
        }
        return json(res, 200, { next: '/code' });
      }
      case '/api/code': {
        if (!s.email) return json(res, 200, { next: '/email' });
        const code = str(data.code).replace(/\s+/g, '');
        const err = validateCode(code) ?? (store.useCode(s.email, code, now) ? null : 'err.codeWrong');
        if (err) return json(res, 422, { errors: [{ field: 'code', key: err }] });
        if (on.has('answers-lost-after-sign-in')) store.deleteDraft(s.email);
        store.updateSession(s.id, { authed: 1, expired: 0, expiresAt: now + sessionMs });
        const d = store.draft(s.email);
        const next = !d.fullName ? '/details' : !d.situation ? '/circumstances' : !d.document ? '/document' : '/check';
        return json(res, 200, { next });
      }
      case '/api/details': {
        const v: Details = {
          fullName: str(data.fullName), dobDay: str(data.dobDay), dobMonth: str(data.dobMonth), dobYear: str(data.dobYear),
          noFixedAddress: data.noFixedAddress === true && !on.has('fixed-address-required'),
          line1: str(data.line1), line2: str(data.line2), town: str(data.town), postcode: str(data.postcode), country: str(data.country), state: str(data.state), zip: str(data.zip),
        };
        // Answers sent after the session ended are kept for when the person signs in again (2.2.5).
        if (!authed) { if (s.email) store.saveDraft(s.email, v as unknown as Record<string, unknown>); return signedOut(); }
        const errors = validateDetails(v, on);
        if (Object.keys(errors).length) return json(res, 422, { errors: errorsOut(errors) });
        store.saveDraft(s.email!, v as unknown as Record<string, unknown>);
        touch();
        return json(res, 200, { next: '/circumstances' });
      }
      case '/api/circumstances': {
        const v = { situation: str(data.situation), lostJobWhen: str(data.lostJobWhen), otherDetail: str(data.otherDetail), reason: str(data.reason) };
        if (!authed) { if (s.email) store.saveDraft(s.email, v); return signedOut(); }
        const errors = validateCircumstances(v);
        if (Object.keys(errors).length) return json(res, 422, { errors: errorsOut(errors) });
        store.saveDraft(s.email!, v);
        touch();
        return json(res, 200, { next: '/document' });
      }
      case '/api/document/continue': {
        if (!authed) return signedOut();
        if (!store.draft(s.email!).document) return json(res, 422, { errors: [{ field: 'photo', key: 'err.docMissing' }] });
        return json(res, 200, { next: '/check' });
      }
      case '/api/document/alternative': {
        if (on.has('no-upload-alternative')) return json(res, 404, { error: 'not found' });
        if (!authed) return signedOut();
        const how = str(data.how);
        if (how !== 'post' && how !== 'office') return json(res, 422, { errors: [{ field: 'how', key: 'err.altMissing' }] });
        store.saveDraft(s.email!, { document: how });
        touch();
        return json(res, 200, { next: '/check' });
      }
      case '/api/submit': {
        if (!authed) return signedOut();
        const d = store.draft(s.email!);
        if (!d.fullName) return json(res, 200, { next: '/details' });
        if (!d.situation) return json(res, 200, { next: '/circumstances' });
        if (!d.document) return json(res, 200, { next: '/document' });
        const ref = referenceNumber((n) => randomInt(0, n));
        store.saveApplication(ref, s.email!, d, lang, now);
        store.deleteDraft(s.email!);
        store.updateSession(s.id, { lastRef: ref });
        const mailLang: Lang = on.has('confirmation-mail-english-only') ? 'en' : lang;
        await mailer.send(s.email!, t(mailLang, 'mail.doneSubject', { ref }), t(mailLang, 'mail.doneBody', { ref }), mailLang).catch((e) => process.stderr.write(`benefits: confirmation mail failed: ${(e as Error).message}\n`));
        return json(res, 200, { next: '/confirmation' });
      }
      case '/api/session/extend': {
        if (!authed) return signedOut();
        touch();
        return json(res, 200, { expiresInMs: sessionMs });
      }
      case '/api/signout': {
        store.updateSession(s.id, { authed: 0, expired: 0 });
        return json(res, 200, { next: '/signed-out' });
      }
    }
    return json(res, 404, { error: 'not found' });
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path === '/favicon.ico') { res.writeHead(204); return res.end(); }
      if (path === '/healthz') { res.writeHead(200, { 'Content-Type': 'text/plain' }); return res.end('ok'); }
      const lang = language(req, res, url);
      if (path.startsWith('/api/')) return await api(req, res, url, lang);
      if (path === '/static/app.css') { res.writeHead(200, { 'Content-Type': TYPES.css, 'Cache-Control': 'no-store' }); return res.end(css); }
      const file = /^\/static\/([a-z-]+\.(js|css))$/.exec(path);
      if (file) {
        try {
          const text = readFileSync(new URL(file[1], PUBLIC));
          res.writeHead(200, { 'Content-Type': TYPES[file[2]], 'Cache-Control': 'no-store' });
          return res.end(text);
        } catch { res.writeHead(404); return res.end(); }
      }
      if (path === '/widgets/address-finder') {
        res.writeHead(200, { 'Content-Type': TYPES.html, 'Cache-Control': 'no-store' });
        return res.end(`<!doctype html><html lang="${htmlLang(lang)}" dir="${htmlDir(lang)}"><head><meta charset="utf-8"><title>${esc(t(lang, 'details.finder'))}</title><link rel="stylesheet" href="/static/app.css"><script type="module" src="/static/widget.js"></script></head><body class="app-widget"><div id="widget"></div></body></html>`);
      }
      if (path === '/document/alternative' && on.has('no-upload-alternative')) return shell(res, lang, 404);
      if (PAGES.includes(path)) return shell(res, lang);
      return shell(res, lang, 404);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (!res.headersSent) json(res, status, { error: status === 500 ? 'server' : 'request' });
      if (status === 500) process.stderr.write(`benefits: ${(e as Error).stack}\n`);
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    defects: [...on],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      mailer.close();
      store.close();
    },
  };
}

/** Stylesheet changes of the CSS defects, appended after the conformant stylesheet. */
export function defectCss(on: ReadonlySet<string>): string {
  let css = '';
  if (on.has('focus-outline-removed')) css += '\n/* defect */ *:focus, *:focus-visible { outline: none !important; box-shadow: none !important; background-color: inherit !important; color: inherit !important; text-decoration: inherit !important; }\n';
  if (on.has('low-contrast-hints')) css += '\n/* defect */ .govuk-hint { color: #9a9a9a; }\n';
  if (on.has('fixed-width-layout')) css += '\n/* defect */ .govuk-width-container { width: 960px; max-width: none; }\n';
  return css;
}
