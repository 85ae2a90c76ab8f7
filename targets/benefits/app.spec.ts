import { test, expect, type Page, type BrowserContext, type Browser } from '@playwright/test';
import { startBenefitsApp } from './server.ts';
import { loadCatalogue } from './defects.ts';
import { startTestSmtp } from './testing.ts';

/**
 * The benefits app as a person meets it: a plain Playwright page (role and label locators), mail
 * read from a throwaway SMTP server on loopback. Conformant walks the whole journey; then each
 * catalogued defect, switched on by itself, must visibly change what it names, where conformant
 * does the right thing.
 */
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
test.beforeAll(async () => { smtp = await startTestSmtp(); });
test.afterAll(async () => { await smtp?.close(); });

type App = Awaited<ReturnType<typeof startBenefitsApp>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let n = 0;

async function withApp<T>(opts: Parameters<typeof startBenefitsApp>[0], fn: (app: App) => Promise<T>): Promise<T> {
  const app = await startBenefitsApp({ smtp: { host: '127.0.0.1', port: smtp.port }, ...opts });
  try { return await fn(app); } finally { await app.close(); }
}

async function signIn(page: Page, url: string, email = `persona.${++n}@example.org`, lang = 'en'): Promise<string> {
  await page.goto(`${url}/email?lang=${lang}`);
  const since = smtp.inbox.length;
  await page.getByLabel(lang === 'en' ? 'Email address' : /./).first().fill(email);
  await page.locator('form').getByText(lang === 'en' ? 'Continue' : /./).first().click();
  const mail = await smtp.waitFor(email.normalize('NFC'), since);
  const code = /(\d{6})/.exec(mail.subject)![1];
  await page.locator('#code').fill(code);
  await page.locator('form').locator('.govuk-button').click();
  await page.waitForURL((u) => u.pathname !== '/code', { timeout: 10_000 }).catch(async () => {
    const summary = await page.locator('.govuk-error-summary').textContent().catch(() => '');
    throw new Error(`sign-in with code ${code} for ${email} did not leave /code (${summary}); mail to it: ${smtp.inbox.filter((m) => m.to === email).map((m) => m.subject).join(' | ')}`);
  });
  return email;
}

async function fillDetails(page: Page) {
  await page.locator('#fullName').fill('María José Pérez Núñez');
  await page.getByLabel('Day').fill('14');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('1988');
  await page.locator('#line1').fill('Colonia Kennedy, Bloque 3, Casa 12');
  await page.locator('#town').fill('Tegucigalpa');
  if (await page.locator('#country').count()) await page.locator('#country').fill('Honduras');
}

test('conformant: the whole journey in Spanish, with the code and the confirmation by mail', async ({ page }) => {
  await withApp({}, async (app) => {
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solicitar una ayuda por dificultades económicas');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['es', 'ltr']);
    await page.getByRole('button', { name: 'Empezar ahora' }).click();
    const email = 'usuario.1@ejemplo-prueba.com.ve';
    await page.getByLabel('Dirección de correo electrónico').fill(email);
    const since = smtp.inbox.length;
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('heading', { name: 'Revise su correo electrónico' })).toBeVisible();
    const codeMail = await smtp.waitFor(email, since);
    expect(codeMail.language).toBe('es');
    await page.getByLabel('Escriba el código de 6 cifras').fill(/(\d{6})/.exec(codeMail.text)![1]);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('heading', { name: 'Sus datos' })).toBeVisible();
    // Errors first: the summary takes focus and links to the fields.
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('alert')).toContainText('Escriba su nombre completo');
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await page.getByRole('link', { name: 'Escriba su nombre completo' }).click();
    await expect(page.getByLabel('Nombre completo')).toBeFocused();
    await page.getByLabel('Nombre completo').fill('María José');
    await page.getByLabel('Día').fill('14');
    await page.getByLabel('Mes').fill('3');
    await page.getByLabel('Año').fill('1988');
    await page.getByLabel('No tengo una dirección fija').check();
    await expect(page.getByLabel('Ciudad o localidad')).toBeHidden();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('heading', { name: 'Su situación' })).toBeVisible();
    await page.getByLabel('Otra situación').check();
    await expect(page.getByLabel('Cuéntenos su situación')).toBeVisible();
    await page.getByLabel('Cuéntenos su situación').fill('Perdí mi vivienda');
    await page.getByLabel('¿Por qué necesita la ayuda?').fill('Necesito pagar el alquiler.');
    await expect(page.getByText('Le quedan 473 caracteres')).toBeVisible();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hágase una foto sosteniendo su documento de identidad');
    await page.getByLabel('Subir una foto').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo at all') });
    await expect(page.getByRole('status')).toHaveText('No se pudo usar la foto. Elija una foto JPEG o PNG.');
    await page.getByLabel('Subir una foto').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByRole('status')).toHaveText('Foto recibida');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('heading', { name: 'Revise sus respuestas antes de enviar la solicitud' })).toBeVisible();
    await expect(page.getByText('Sin dirección fija')).toBeVisible();
    const since2 = smtp.inbox.length;
    await page.getByRole('button', { name: 'Aceptar y enviar' }).click();
    await expect(page.getByRole('heading', { name: 'Solicitud completada' })).toBeVisible();
    const ref = (await page.locator('.govuk-panel__body strong').textContent())!;
    expect(ref).toMatch(/^HG-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const done = await smtp.waitFor(email, since2);
    expect(done.subject).toBe(`Solicitud recibida: ${ref}`);
    // Help in every language, chosen by ?lang= as well.
    for (const [lang, heading, dir] of [['ar', 'احصل على مساعدة في طلبك', 'rtl'], ['ht', 'Jwenn èd pou demann ou', 'ltr'], ['en', 'Get help with your application', 'ltr']]) {
      await page.goto(`${app.url}/help?lang=${lang}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
    }
  });
});

test('conformant: the alternative to the photo, and the address finder in its iframe', async ({ page }) => {
  await withApp({}, async (app) => {
    await signIn(page, app.url);
    const finder = page.frameLocator('iframe[title="Find an address"]');
    await finder.getByLabel('Town or postcode').fill('Caracas');
    await finder.getByRole('button', { name: 'Search' }).click();
    await finder.getByRole('button', { name: /Use this address/ }).click();
    await expect(page.getByLabel('Town or city')).toHaveValue('Caracas');
    await page.getByLabel('Full name').fill('Wilson');
    await page.getByLabel('Day').fill('1'); await page.getByLabel('Month').fill('2'); await page.getByLabel('Year').fill('1990');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('I care for someone').check();
    await page.getByLabel('Why do you need the grant?').fill('Food');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'I cannot take or upload a photo' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Select how you want to show us your document' })).toBeVisible();
    await page.getByLabel('Show it at an office').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('At an office')).toBeVisible();
  });
});

/**
 * One probe per defect: an observation of exactly what the defect names. `good` is what conformant
 * must show; with the defect on, the observation must differ.
 */
type Probe = { good: unknown; session?: { sessionSeconds: number; warningSeconds: number }; observe(page: Page, url: string): Promise<unknown> };
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName);
const SHORT = { sessionSeconds: 2, warningSeconds: 1.2 };
const PROBES: Record<string, Probe> = {
  'error-summary-not-announced': { good: [true, true], async observe(page, url) {
    await signIn(page, url);
    await page.locator('form .govuk-button').click();
    await page.locator('.govuk-error-summary').waitFor();
    return [await page.locator('.govuk-error-summary').evaluate((e) => e === document.activeElement), (await page.title()).startsWith('Error:')];
  } },
  'inputs-without-labels': { good: 1, async observe(page, url) { await signIn(page, url); return page.getByLabel('Full name', { exact: true }).count(); } },
  'iframe-without-title': { good: 'Find an address', async observe(page, url) { await signIn(page, url); return page.locator('iframe').getAttribute('title'); } },
  'error-not-tied-to-field': { good: [true, 1], async observe(page, url) {
    await signIn(page, url);
    await page.locator('form .govuk-button').click();
    await page.locator('#fullName-error').waitFor();
    return [((await page.locator('#fullName').getAttribute('aria-describedby')) ?? '').includes('fullName-error'), await page.getByRole('link', { name: 'Enter your full name' }).count()];
  } },
  'errors-colour-only': { good: true, async observe(page, url) {
    await page.goto(`${url}/email`);
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-input--error').waitFor();
    return page.getByText('Enter an email address in the correct format').first().isVisible();
  } },
  'pointer-only-continue': { good: 1, async observe(page, url) {
    await signIn(page, url); await page.goto(`${url}/circumstances`);
    await page.getByRole('heading', { name: 'Your circumstances' }).waitFor();
    return page.getByRole('button', { name: 'Continue' }).count();
  } },
  'address-finder-traps-focus': { good: false, async observe(page, url) {
    await signIn(page, url);
    const frame = page.frameLocator('iframe');
    await frame.locator('#finder-q').focus();
    await page.keyboard.press('Tab');
    return frame.locator('#finder-q').evaluate((e) => e === document.activeElement);
  } },
  'focus-lost-after-dialog': { good: 'signout-link', async observe(page, url) {
    await signIn(page, url);
    await page.getByRole('link', { name: 'Sign out' }).click();
    await expect(page.getByRole('dialog', { name: 'Are you sure you want to sign out?' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    // The dialog's close event is a queued task: let it run before reading where focus is.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    return focusedId(page);
  } },
  'focus-outline-removed': { good: 'solid', async observe(page, url) {
    await page.goto(`${url}/email`);
    await page.getByLabel('Email address').focus();
    return page.getByLabel('Email address').evaluate((e) => getComputedStyle(e).outlineStyle);
  } },
  'low-contrast-hints': { good: 'rgb(80, 90, 95)', async observe(page, url) {
    await page.goto(`${url}/email`);
    return page.locator('.govuk-hint').first().evaluate((e) => getComputedStyle(e).color);
  } },
  'fixed-width-layout': { good: true, async observe(page, url) {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page.evaluate(() => document.documentElement.scrollWidth <= 320);
  } },
  'session-ends-silently': { good: true, session: SHORT, async observe(page, url) {
    await signIn(page, url);
    return page.getByRole('alertdialog', { name: 'You will be signed out soon' }).waitFor({ timeout: 1500 }).then(() => true, () => false);
  } },
  // The warning must not open while the details are typed (a modal makes the form inert, and a click
  // retried after the sign-out would press Continue on the email page and send a fresh code).
  'answers-lost-after-sign-in': { good: 'Rosa Elena', session: { sessionSeconds: 3.5, warningSeconds: 1 }, async observe(page, url) {
    const email = await signIn(page, url);
    await fillDetails(page);
    await page.locator('#fullName').fill('Rosa Elena');
    await page.locator('form .govuk-button').click();
    // Sent in time or just after the session ended: either way the person is signed out next.
    await page.waitForURL('**/email?timeout=1', { timeout: 6000 });
    await signIn(page, url, email);
    await page.goto(`${url}/details`);
    await page.locator('#fullName').waitFor();
    return page.locator('#fullName').inputValue();
  } },
  'email-ascii-only': { good: '/code', async observe(page, url) {
    await page.goto(`${url}/email`);
    await page.getByLabel('Email address').fill('อีเมลทดสอบ@ยูเอทดสอบ.ไทย');
    await page.getByRole('button', { name: 'Continue' }).click();
    await Promise.race([page.waitForURL('**/code'), page.locator('.govuk-error-summary').waitFor()]);
    return new URL(page.url()).pathname;
  } },
  'email-tld-2-to-4': { good: '/code', async observe(page, url) {
    await page.goto(`${url}/email`);
    await page.getByLabel('Email address').fill('ascii+long@universal-acceptance-test.international');
    await page.getByRole('button', { name: 'Continue' }).click();
    await Promise.race([page.waitForURL('**/code'), page.locator('.govuk-error-summary').waitFor()]);
    return new URL(page.url()).pathname;
  } },
  'fixed-address-required': { good: 1, async observe(page, url) { await signIn(page, url); await page.locator('#fullName').waitFor(); return page.getByLabel('I do not have a fixed address').count(); } },
  'us-zip-required': { good: '/circumstances', async observe(page, url) {
    await signIn(page, url);
    await fillDetails(page);
    await page.locator('form .govuk-button').click();
    await Promise.race([page.waitForURL('**/circumstances'), page.locator('.govuk-error-summary').waitFor()]);
    return new URL(page.url()).pathname;
  } },
  'lang-stuck-en': { good: 'ht', async observe(page, url) { await page.goto(`${url}/?lang=ht`); await page.getByRole('heading', { level: 1 }).waitFor(); return page.evaluate(() => document.documentElement.lang); } },
  'no-rtl-dir': { good: 'rtl', async observe(page, url) { await page.goto(`${url}/?lang=ar`); await page.getByRole('heading', { level: 1 }).waitFor(); return page.evaluate(() => document.documentElement.dir); } },
  'errors-english-only': { good: 'Antre adrès imèl ou', async observe(page, url) {
    await page.goto(`${url}/email?lang=ht`);
    await page.getByRole('button', { name: 'Kontinye' }).click();
    return (await page.locator('.govuk-error-summary li').first().textContent())?.trim();
  } },
  'confirmation-mail-english-only': { good: 'ht', async observe(page, url) {
    const email = `wideline.${++n}@example.ht`;
    await page.goto(`${url}/?lang=ht`);
    const r = page.request;
    const since = smtp.inbox.length;
    await r.post(`${url}/api/email`, { data: { email } });
    const code = /(\d{6})/.exec((await smtp.waitFor(email, since)).subject)![1];
    await r.post(`${url}/api/code`, { data: { code } });
    await r.post(`${url}/api/details`, { data: { fullName: 'Wideline', dobDay: '1', dobMonth: '2', dobYear: '1990', noFixedAddress: true } });
    await r.post(`${url}/api/circumstances`, { data: { situation: 'carer', reason: 'Manje' } });
    await r.post(`${url}/api/document/alternative`, { data: { how: 'post' } });
    const since2 = smtp.inbox.length;
    expect((await r.post(`${url}/api/submit`, { data: {} })).status()).toBe(200);
    const done = await smtp.waitFor(email, since2);
    return done.subject.startsWith('Nou resevwa demann ou') ? done.language : `en: ${done.subject}`;
  } },
  'no-upload-alternative': { good: [1, 200], async observe(page, url) {
    await signIn(page, url); await page.goto(`${url}/document`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const links = await page.getByRole('link', { name: 'I cannot take or upload a photo' }).count();
    return [links, (await page.request.get(`${url}/document/alternative`)).status()];
  } },
  'data-lost-on-failed-submit': { good: 'I need to pay the rent.', async observe(page, url) {
    await signIn(page, url); await page.goto(`${url}/circumstances`);
    await page.getByLabel('I care for someone').check();
    await page.getByLabel('Why do you need the grant?').fill('I need to pay the rent.');
    await page.route('**/api/circumstances', (route) => route.abort('connectionreset'), { times: 1 });
    await page.getByRole('button', { name: 'Continue' }).click();
    await Promise.race([page.getByRole('alert').waitFor(), page.waitForEvent('load')]);
    await page.getByLabel('Why do you need the grant?').waitFor();
    return page.getByLabel('Why do you need the grant?').inputValue();
  } },
};

async function observe(browser: Browser, probe: Probe, defects: string[]): Promise<unknown> {
  return withApp({ defects, ...probe.session }, async (app) => {
    const context: BrowserContext = await browser.newContext();
    try { return await probe.observe(await context.newPage(), app.url); } finally { await context.close(); }
  });
}

test('every catalogued defect has a probe', () => {
  expect(Object.keys(PROBES).sort()).toEqual(loadCatalogue().defects.map((d) => d.id).sort());
});

for (const d of loadCatalogue().defects) {
  test(`defect ${d.id}: changes what it names (${d.persona} at ${d.step})`, async ({ browser }) => {
    const probe = PROBES[d.id];
    // A defect without a probe fails here (and in the test above) rather than being skipped.
    expect(probe, `defect ${d.id} has a probe`).toBeTruthy();
    expect(await observe(browser, probe, []), 'conformant').toEqual(probe.good);
    expect(await observe(browser, probe, [d.id]), `with ${d.id} on`).not.toEqual(probe.good);
  });
}
