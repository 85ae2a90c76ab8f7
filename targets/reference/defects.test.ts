/**
 * One test per catalogued defect: with only that switch on, the behaviour it claims changes; with
 * the app conformant, it does not. HTTP only (fetch against startReferenceApp on port 0, :memory:).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceApp, type ReferenceApp } from './server.ts';
import { Client, signUp, signUpAndRegister, VALID_REGISTRATION } from './testing/client.ts';
import { DEFECTS, PROFILES, resolveDefects } from './defects.ts';
import { AUDITS } from '../../audits/index.ts';
import { personaById } from '../../personas/index.ts';
import { auditIdsFor } from '../../personas/audits-for.ts';

const running: ReferenceApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.close()));
});

async function both(defect: string): Promise<{ on: ReferenceApp; off: ReferenceApp }> {
  const on = await startReferenceApp({ testMode: true, defects: [defect] });
  const off = await startReferenceApp({ testMode: true });
  running.push(on, off);
  return { on, off };
}

async function submitEmail(app: ReferenceApp, email: string): Promise<{ status: number; html: string }> {
  const c = new Client(app.url);
  await c.get('/account/new');
  return c.post('/account/new', { email });
}

const tested = new Set<string>();
function defectTest(id: string, name: string, fn: () => Promise<void>) {
  tested.add(id);
  it(`${id}: ${name}`, fn);
}

describe('the catalogue', () => {
  it('has every required field filled, unique ids, and the two profiles', () => {
    const ids = DEFECTS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DEFECTS) {
      expect(d.title && d.changes && d.barrier && d.persona && d.step, d.id).toBeTruthy();
      expect(d.barrier, d.id).toContain('mission.md');
      expect(d.proof.by.length && d.proof.cites.length, d.id).toBeTruthy();
      expect(d.proof.keys === null || d.proof.keys.length > 0, d.id).toBe(true);
    }
    expect(PROFILES.conformant).toEqual([]);
    expect(PROFILES['cbp-one-2023']).toEqual(ids);
  });
  it('every proof names audits the persona runs, so it can be met at all', () => {
    for (const d of DEFECTS) {
      const runs = auditIdsFor(personaById(d.persona));
      for (const entry of d.proof.by) {
        const audit = entry.split('/')[0];
        if (audit === '*') continue;
        expect(AUDITS.map((a) => a.meta.id), `${d.id}: ${entry}`).toContain(audit);
        expect(runs, `${d.id}: ${d.persona} does not run ${audit}`).toContain(audit);
      }
    }
  });
  it('resolveDefects validates and lists the valid ids', () => {
    expect(resolveDefects()).toEqual([]);
    expect(resolveDefects('conformant', ['lang-stuck-en'])).toEqual(['lang-stuck-en']);
    expect(() => resolveDefects('conformant', ['no-such-defect'])).toThrow(/no-such-defect.*Valid defect ids: email-rejects-country-code-sld/s);
    expect(() => resolveDefects('nope')).toThrow(/Valid profiles/);
  });
  it('startReferenceApp rejects unknown defect ids', async () => {
    await expect(startReferenceApp({ defects: ['bogus'] })).rejects.toThrow(/Valid defect ids/);
  });
});

describe('each defect changes only what it claims', () => {
  const emailCases: Array<[string, string]> = [
    ['email-rejects-country-code-sld', 'usuario@ejemplo-prueba.com.ve'],
    ['email-rejects-long-tld', 'ascii+long@universal-acceptance-test.international'],
    ['email-rejects-idn', 'idn+ltr@համընդհանուր-ընկալում-թեստ.հայ'],
    ['email-rejects-unicode-local-part', 'อีเมลทดสอบ@ยูเอทดสอบ.ไทย'],
  ];
  for (const [id, address] of emailCases) {
    defectTest(id, `${address} is rejected with a misleading message`, async () => {
      const { on, off } = await both(id);
      expect((await submitEmail(off, address)).status).toBe(303);
      const r = await submitEmail(on, address);
      expect(r.status).toBe(422);
      expect(r.html).toContain('Enter a valid email address');
      expect((await submitEmail(on, 'plain@example.com')).status).toBe(303);
    });
  }

  defectTest('registration-not-editable', 'no edit form, POST refused, no edit link', async () => {
    const { on, off } = await both('registration-not-editable');
    const a = await signUpAndRegister(off.url, 'a@example.com');
    expect((await a.get('/registration/edit')).html).toContain('action="/registration/edit"');
    expect((await a.get('/dashboard')).html).toContain('href="/registration/edit"');
    const b = await signUpAndRegister(on.url, 'b@example.com');
    const edit = await b.get('/registration/edit');
    expect(edit.html).not.toContain('action="/registration/edit"');
    expect(edit.html).toContain('cannot be changed');
    expect((await b.get('/dashboard')).html).not.toContain('href="/registration/edit"');
    expect((await b.post('/registration/edit', VALID_REGISTRATION)).status).toBe(403);
  });

  defectTest('data-lost-on-server-error', 'a 500 mid-registration loses the answers (conformant keeps them)', async () => {
    const { on, off } = await both('data-lost-on-server-error');
    for (const [app, kept] of [[off, true], [on, false]] as const) {
      const c = await signUp(app.url, 'x@example.com');
      await c.get('/registration');
      await c.json('/__test/fail-next', { path: '/registration' });
      const r = await c.post('/registration', VALID_REGISTRATION);
      expect(r.status).toBe(500);
      const back = await c.get('/registration');
      expect(back.html.includes('value="José Ángel"')).toBe(kept);
      expect(back.html.includes('value="+58 412 555 1234"')).toBe(kept);
    }
  });

  defectTest('offline-submit-loses-form', 'the pages carry the offline notice that keeps a form from being sent offline (conformant only)', async () => {
    const { on, off } = await both('offline-submit-loses-form');
    for (const [app, guarded] of [[off, true], [on, false]] as const) {
      const c = await signUp(app.url, 'o@example.com');
      const page = await c.get('/registration');
      expect(page.html.includes('id="offline-notice"')).toBe(guarded);
    }
  });

  defectTest('us-address-required', 'registration without a US address is refused', async () => {
    const { on, off } = await both('us-address-required');
    await signUpAndRegister(off.url, 'a@example.com');
    const c = await signUp(on.url, 'b@example.com');
    await c.get('/registration');
    expect(c.lastHtml).not.toContain('US address (optional)');
    const r = await c.post('/registration', VALID_REGISTRATION);
    expect(r.status).toBe(422);
    expect(r.html).toContain('Enter the street and number of your US address');
  });

  defectTest('errors-english-only', 'errors stay English on a Kreyòl page', async () => {
    const { on, off } = await both('errors-english-only');
    for (const [app, english] of [[off, false], [on, true]] as const) {
      const c = await signUp(app.url, 'x@example.com', 'ht');
      await c.get('/registration');
      const r = await c.post('/registration', { ...VALID_REGISTRATION, given_names: '', family_names: '' });
      expect(r.html).toContain('Non ou');
      expect(r.html.includes('Enter your name: at least one of the two name fields')).toBe(english);
      expect(r.html.includes('Ekri non ou: omwen youn nan de chan non yo')).toBe(!english);
    }
  });

  defectTest('native-validation-bubbles', 'required/pattern attributes and no error summary', async () => {
    const { on, off } = await both('native-validation-bubbles');
    const a = await signUp(off.url, 'a@example.com');
    const pa = await a.get('/registration');
    expect(pa.html).not.toMatch(/<input[^>]* required/);
    expect((await a.post('/registration', { ...VALID_REGISTRATION, phone: '' })).html).toContain('class="error-summary"');
    const b = await signUp(on.url, 'b@example.com');
    const pb = await b.get('/registration');
    expect(pb.html).toMatch(/<input[^>]*name="given_names"[^>]* required/);
    expect(pb.html).toMatch(/<input[^>]*name="phone"[^>]*pattern="/);
    expect((await b.post('/registration', { ...VALID_REGISTRATION, phone: '' })).html).not.toContain('class="error-summary"');
  });

  defectTest('help-english-only', 'help page and help answer in English for a Kreyòl speaker', async () => {
    const { on, off } = await both('help-english-only');
    for (const [app, english] of [[off, false], [on, true]] as const) {
      const c = new Client(app.url);
      const page = await c.get('/help?lang=ht');
      expect(page.html).toContain('<html lang="ht"');
      expect(page.html.includes('<h1>Help and contact</h1>')).toBe(english);
      expect(page.html.includes('<h1>Èd ak kontak</h1>')).toBe(!english);
      await c.post('/help', { email: 'wideline@example.ht', message: 'Mwen pa resevwa kòd la' });
      const mail = await c.json<Array<{ subject: string; locale: string }>>('/__test/outbox?to=wideline@example.ht');
      expect(mail[0].subject).toBe(english ? 'Answer to your message' : 'Repons pou mesaj ou');
    }
  });

  defectTest('lang-stuck-en', '<html lang> is en on a Kreyòl page', async () => {
    const { on, off } = await both('lang-stuck-en');
    expect((await new Client(off.url).get('/?lang=ht')).html).toContain('<html lang="ht" dir="ltr">');
    const h = (await new Client(on.url).get('/?lang=ht')).html;
    expect(h).toContain('<html lang="en"');
    expect(h).toContain('Kreye yon kont');
  });

  defectTest('no-rtl-dir', 'no dir attribute for Arabic', async () => {
    const { on, off } = await both('no-rtl-dir');
    expect((await new Client(off.url).get('/?lang=ar')).html).toContain('<html lang="ar" dir="rtl">');
    const h = (await new Client(on.url).get('/?lang=ar')).html;
    expect(h).toContain('<html lang="ar">');
    expect(h).not.toMatch(/<html[^>]*dir=/);
  });

  defectTest('exposure-gate-absolute-brightness', 'a well-exposed darker face (luma 40) is rejected', async () => {
    const { on, off } = await both('exposure-gate-absolute-brightness');
    const metrics = JSON.stringify({ faceFound: true, faceMeanLuma: 40, faceStdLuma: 9, faceNoise: 1.5, faceClippedShare: 0, frameMeanLuma: 120 });
    for (const [app, accepted] of [[off, true], [on, false]] as const) {
      const c = await signUpAndRegister(app.url, 'x@example.com');
      await c.get('/selfie');
      const r = await c.post('/selfie', { metrics, faceFound: 'true' });
      expect(r.status).toBe(accepted ? 303 : 422);
      if (!accepted) expect(r.html).toContain('too dark');
    }
  });

  defectTest('no-selfie-alternative', 'no "I cannot take a photo" link and /selfie/alternative is 404', async () => {
    const { on, off } = await both('no-selfie-alternative');
    const a = await signUpAndRegister(off.url, 'a@example.com');
    expect((await a.get('/selfie')).html).toContain('href="/selfie/alternative"');
    expect((await a.get('/selfie/alternative')).status).toBe(200);
    const b = await signUpAndRegister(on.url, 'b@example.com');
    const s = await b.get('/selfie');
    expect(s.html).toContain('<video');
    expect(s.html).not.toContain('href="/selfie/alternative"');
    expect((await b.get('/selfie/alternative')).status).toBe(404);
  });

  defectTest('placeholder-only-labels', 'inputs lose their <label>, keep a placeholder', async () => {
    const { on, off } = await both('placeholder-only-labels');
    const a = await signUp(off.url, 'a@example.com');
    const ha = (await a.get('/registration')).html;
    expect(ha).toMatch(/<label class="label" for="given_names">Given names/);
    const b = await signUp(on.url, 'b@example.com');
    const hb = (await b.get('/registration')).html;
    expect(hb).not.toMatch(/<label[^>]*for="given_names"/);
    expect(hb).toMatch(/<input[^>]*id="given_names"[^>]*placeholder="Given names"/);
  });

  defectTest('errors-color-only', 'errors only turn a label red: no text, summary, alert or aria', async () => {
    const { on, off } = await both('errors-color-only');
    const bad = { ...VALID_REGISTRATION, phone: 'abc' };
    const a = await signUp(off.url, 'a@example.com');
    await a.get('/registration');
    const ha = (await a.post('/registration', bad)).html;
    expect(ha).toContain('role="alert"');
    expect(ha).toMatch(/id="phone"[^>]*aria-invalid="true"/);
    expect(ha).toContain('phone-error');
    const b = await signUp(on.url, 'b@example.com');
    await b.get('/registration');
    const hb = (await b.post('/registration', bad)).html;
    expect(hb).not.toContain('role="alert"');
    expect(hb).not.toContain('aria-invalid');
    expect(hb).not.toContain('class="error-message"');
    expect(hb).toMatch(/<label class="label label-error" for="phone">/);
  });

  defectTest('clickable-divs', 'submit controls are divs with onclick', async () => {
    const { on, off } = await both('clickable-divs');
    const ha = (await new Client(off.url).get('/account/new')).html;
    expect(ha).toContain('<button type="submit" class="button"');
    const hb = (await new Client(on.url).get('/account/new')).html;
    expect(hb).not.toContain('<button type="submit"');
    expect(hb).toMatch(/<div class="button" onclick="[^"]*requestSubmit\(\)/);
  });

  defectTest('focus-outline-removed', 'the page CSS removes the focus outline', async () => {
    const { on, off } = await both('focus-outline-removed');
    expect((await new Client(off.url).get('/')).html).not.toContain('outline:none');
    expect((await new Client(on.url).get('/')).html).toContain('*:focus,*:focus-visible{outline:none !important');
    const css = await (await fetch(off.url + '/assets/app.css')).text();
    expect(css).toContain(':focus-visible { outline: 3px solid');
  });

  defectTest('session-timeout-no-warning', 'no warning before timeout; data entered is lost at re-authentication', async () => {
    const { on, off } = await both('session-timeout-no-warning');
    for (const [app, conformant] of [[off, true], [on, false]] as const) {
      const c = await signUpAndRegister(app.url, 'x@example.com');
      const dash = await c.get('/dashboard');
      expect(dash.html.includes('id="session-warning"')).toBe(conformant);
      expect(dash.html.includes('data-session-remaining="900"')).toBe(conformant);
      await c.json('/__test/clock', { advanceSeconds: 800 });
      const status = await c.get('/session/status');
      const s = JSON.parse(status.html) as { remainingSeconds: number; warnSeconds: number | null };
      expect(s.remainingSeconds).toBe(100);
      expect(s.warnSeconds).toBe(conformant ? 120 : null);
      if (conformant) {
        expect(dash.html).toMatch(/id="session-warning"[^>]*role="alertdialog"/);
        expect(dash.html).toContain('Stay signed in');
        // Extending (the warning's button, without JavaScript) restarts the full time.
        const ext = await c.post('/session/extend', { next: '/dashboard' });
        expect(ext.location).toBe('/dashboard');
        expect(JSON.parse((await c.get('/session/status')).html).remainingSeconds).toBe(900);
      }
      await c.get('/registration/edit');
      await c.json('/__test/clock', { advanceSeconds: 1000 });
      const post = await c.post('/registration/edit', { ...VALID_REGISTRATION, given_names: 'Changed Name' });
      expect(post.status).toBe(303);
      expect(post.location).toBe(conformant ? '/signin?expired=1&next=%2Fregistration%2Fedit' : '/signin?next=%2Fregistration%2Fedit');
      await c.get(post.location!);
      expect(c.lastHtml.includes('what you entered has been kept')).toBe(conformant);
      await c.post('/signin', { email: 'x@example.com', next: '/registration/edit' });
      await c.get('/signin/verify');
      const { code } = await c.json<{ code: string }>('/__test/code?email=x@example.com');
      const v = await c.post('/signin/verify', { code, next: '/registration/edit' });
      expect(v.location).toBe('/registration/edit');
      const edit = await c.get('/registration/edit');
      expect(edit.html.includes('value="Changed Name"')).toBe(conformant);
    }
  });

  defectTest('low-contrast-help-text', 'hint text is #aaaaaa', async () => {
    const { on, off } = await both('low-contrast-help-text');
    expect((await new Client(off.url).get('/')).html).not.toContain('#aaaaaa');
    expect((await new Client(on.url).get('/')).html).toContain('.hint,.help-text{color:#aaaaaa');
  });

  defectTest('fixed-width-layout', 'body has min-width 1024px', async () => {
    const { on, off } = await both('fixed-width-layout');
    expect((await new Client(off.url).get('/')).html).not.toContain('min-width:1024px');
    expect((await new Client(on.url).get('/')).html).toContain('body{min-width:1024px}');
  });

  defectTest('image-captcha', 'account creation needs an image CAPTCHA without alt or alternative', async () => {
    const { on, off } = await both('image-captcha');
    expect((await new Client(off.url).get('/account/new')).html).not.toContain('captcha');
    const c = new Client(on.url);
    const page = await c.get('/account/new');
    expect(page.html).toMatch(/<img src="\/captcha\.svg[^"]*" width="160" height="60">/);
    expect(page.html).not.toMatch(/<img[^>]*alt=/);
    const r = await c.post('/account/new', { email: 'a@example.com' });
    expect(r.status).toBe(422);
    await c.get('/account/new');
    const { captcha } = await c.json<{ captcha: string }>(`/__test/captcha?sid=${c.cookies.get('sid')}`);
    expect((await c.post('/account/new', { email: 'a@example.com', captcha })).status).toBe(303);
  });

  defectTest('duplicate-accounts-enter-lottery', 'two accounts of one person are two entries', async () => {
    const { on, off } = await both('duplicate-accounts-enter-lottery');
    for (const [app, entrants] of [[off, 1], [on, 2]] as const) {
      for (const email of ['one@example.com', 'two@example.com']) {
        const c = await signUpAndRegister(app.url, email, { given_names: email === 'one@example.com' ? 'José Ángel' : 'JOSÉ  ÁNGEL' });
        await c.get('/appointments/request');
        expect((await c.post('/appointments/request', { port_1: 'laredo' })).status).toBe(303);
      }
      const r = await new Client(app.url).json<{ entrants: number; duplicatesRemoved: number; requesters: number }>('/__test/lottery/run', {});
      expect(r.requesters).toBe(2);
      expect(r.entrants).toBe(entrants);
      expect(r.duplicatesRemoved).toBe(2 - entrants);
    }
  });

  it('every catalogued defect has a test here', () => {
    expect(DEFECTS.map((d) => d.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
