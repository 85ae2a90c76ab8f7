import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceApp, type ReferenceApp } from './server.ts';
import { Client, signUp } from './testing/client.ts';

const running: ReferenceApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.close()));
});
async function start(opts: Parameters<typeof startReferenceApp>[0] = {}): Promise<ReferenceApp> {
  const app = await startReferenceApp({ testMode: true, ...opts });
  running.push(app);
  return app;
}

describe('CSRF', () => {
  it('rejects a POST without the token, with a wrong token, and without a session', async () => {
    const app = await start();
    const c = new Client(app.url);
    await c.get('/account/new');
    const token = c.csrf();
    expect((await c.post('/account/new', { email: 'a@example.com' }, { csrf: null })).status).toBe(403);
    expect((await c.post('/account/new', { email: 'a@example.com' }, { csrf: 'x'.repeat(43) })).status).toBe(403);
    const stranger = new Client(app.url);
    const r = await stranger.post('/account/new', { email: 'a@example.com', _csrf: token }, { csrf: null });
    expect(r.status).toBe(403);
    expect((await c.post('/account/new', { email: 'a@example.com' }, { csrf: token })).status).toBe(303);
    const state = await c.json<{ counts: { accounts: number } }>('/__test/state');
    expect(state.counts.accounts).toBe(1);
  });
});

describe('rate limits', () => {
  it('limits account creation per client', async () => {
    const app = await start({ rateLimits: { accountCreatePerHour: 3 } });
    const c = new Client(app.url);
    for (let i = 0; i < 3; i++) {
      await c.get('/account/new');
      expect((await c.post('/account/new', { email: `p${i}@example.com` })).status).toBe(303);
    }
    await c.get('/account/new');
    const r = await c.post('/account/new', { email: 'p9@example.com' });
    expect(r.status).toBe(429);
    expect(r.html).toContain('Too many attempts');
  });

  it('limits code requests per address, in the user language, and the window slides', async () => {
    const app = await start({ rateLimits: { codeRequestsPer15Min: 2 } });
    const c = await signUp(app.url, 'limit@example.com', 'es'); // 1 code
    await c.post('/signout', {});
    await c.get('/signin');
    expect((await c.post('/signin', { email: 'limit@example.com' })).status).toBe(303); // 2
    await c.get('/signin');
    const r = await c.post('/signin', { email: 'limit@example.com' });
    expect(r.status).toBe(429);
    expect(r.html).toContain('Demasiados intentos');
    await c.json('/__test/clock', { advanceSeconds: 15 * 60 + 1 });
    await c.get('/signin');
    expect((await c.post('/signin', { email: 'limit@example.com' })).status).toBe(303);
  });

  it('honeypot: a filled hidden field creates nothing and sends nothing', async () => {
    const app = await start();
    const c = new Client(app.url);
    await c.get('/account/new');
    expect((await c.post('/account/new', { email: 'bot@example.com', website: 'http://spam' })).status).toBe(303);
    const state = await c.json<{ counts: { accounts: number }; outbox: number }>('/__test/state');
    expect(state.counts.accounts).toBe(0);
    expect(state.outbox).toBe(0);
  });
});

describe('one-time codes', () => {
  it('wrong codes are refused, and after 5 a new code is needed', async () => {
    const app = await start();
    const c = new Client(app.url);
    await c.get('/account/new');
    await c.post('/account/new', { email: 'code@example.com' });
    await c.get('/account/verify');
    for (let i = 0; i < 4; i++) expect((await c.post('/account/verify', { code: 'abcdef' })).status).toBe(422);
    const last = await c.post('/account/verify', { code: 'abcdef' });
    expect(last.html).toContain('Too many wrong codes');
    const { code } = await c.json<{ code: string }>('/__test/code?email=code@example.com');
    expect((await c.post('/account/verify', { code })).status).toBe(422);
  });
  it('accepts Arabic-Indic digits', async () => {
    const app = await start();
    const c = new Client(app.url);
    await c.get('/account/new?lang=ar');
    await c.post('/account/new', { email: 'digits@example.com' });
    await c.get('/account/verify');
    const { code } = await c.json<{ code: string }>('/__test/code?email=digits@example.com');
    const arabic = [...code].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
    expect((await c.post('/account/verify', { code: arabic })).location).toBe('/registration');
  });
});

describe('mail to Unicode addresses through the app', () => {
  it.each([
    'อีเมลทดสอบ@ยูเอทดสอบ.ไทย',
    'idn+ltr@համընդհանուր-ընկալում-թեստ.հայ',
    'usuario@ejemplo-prueba.gob.ve',
    'email-test@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd',
  ])('%s: account created, code delivered to the exact address', async (email) => {
    const app = await start();
    const c = new Client(app.url);
    await c.get('/account/new?lang=ht');
    expect((await c.post('/account/new', { email })).status).toBe(303);
    const mail = await c.json<Array<{ to: string; subject: string; locale: string; text: string }>>(`/__test/outbox?to=${encodeURIComponent(email)}`);
    expect(mail).toHaveLength(1);
    // smtp-server reports an A-label domain as its U-label (the same domain); all else exactly as entered.
    if (email.includes('xn--')) expect(mail[0].to).toBe('email-test@تجربة-القبول-الشامل.موريتانيا');
    else expect(mail[0].to).toBe(email);
    expect(mail[0].locale).toBe('ht');
    expect(mail[0].subject).toMatch(/^Kòd ou: \d{6}$/);
  });
  it('the ideographic full stop is delivered as "."', async () => {
    const app = await start();
    const c = new Client(app.url);
    await c.get('/account/new');
    await c.post('/account/new', { email: '电子邮件测试@普遍适用测试。我爱你' });
    const mail = await c.json<Array<{ to: string }>>(`/__test/outbox?to=${encodeURIComponent('电子邮件测试@普遍适用测试.我爱你')}`);
    expect(mail.map((m) => m.to)).toEqual(['电子邮件测试@普遍适用测试.我爱你']);
  });
});

describe('locale, pages and privacy', () => {
  it('first visit uses Accept-Language; ?lang sets a cookie; every page has one h1, main, skip link', async () => {
    const app = await start();
    const c = new Client(app.url);
    const first = await c.get('/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(first.html).toContain('<html lang="fr" dir="ltr">');
    await c.get('/?lang=ar');
    for (const path of ['/', '/account/new', '/signin', '/help', '/language', '/lottery/audit']) {
      const h = (await c.get(path)).html;
      expect(h, path).toContain('<html lang="ar" dir="rtl">');
      expect(h.match(/<h1[ >]/g)?.length, path).toBe(1);
      expect(h, path).toContain('<main id="main"');
      expect(h, path).toContain('class="skip-link" href="#main"');
      expect(h, path).toContain('lang="ht" hreflang="ht" >Kreyòl ayisyen</a>');
    }
  });

  it('logs no personal data (no email, no query string)', async () => {
    const lines: string[] = [];
    const app = await start({ log: (l) => lines.push(l) });
    const c = new Client(app.url);
    await c.get('/account/new?lang=es');
    await c.post('/account/new', { email: 'secret.person@example.com' });
    await c.get('/__test/outbox?to=secret.person@example.com');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/secret|example\.com|lang=/);
  });

  it('two instances run side by side with their own mail servers', async () => {
    const a = await start();
    const b = await start();
    expect(a.port).not.toBe(b.port);
    expect(a.smtpPort).not.toBe(b.smtpPort);
    await signUp(a.url, 'same@example.com');
    const outboxB = await new Client(b.url).json<unknown[]>('/__test/outbox');
    expect(outboxB).toEqual([]);
  });

  it('test endpoints do not exist outside testMode', async () => {
    const app = await startReferenceApp({});
    running.push(app);
    expect((await fetch(app.url + '/__test/state')).status).toBe(404);
  });

  it('the request window closes outside the configured hours', async () => {
    const app = await start({ appointmentWindow: { opens: '00:00', closes: '00:00' } });
    const c = await signUp(app.url, 'w@example.com');
    await c.get('/registration');
    await c.post('/registration', { given_names: 'Wideline', dob_day: '1', dob_month: '1', dob_year: '1990', nationality: 'HT', country_of_birth: 'HT', phone: '+50937123456', languages: 'ht', member_count: '0', action: 'save' });
    const page = await c.get('/appointments/request');
    expect(page.html).toContain('Requests are closed now');
    expect(page.html).not.toContain('name="port_1"');
  });
});
