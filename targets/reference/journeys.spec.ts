/**
 * A pointer user completes every journey in every locale on `conformant`: account → code from the
 * outbox → registration → selfie alternative → dashboard → edit → appointment request → the day's
 * draw → status page and result email → help answer in the same language → sign out and in again.
 * Controls are found by role and by their accessible names taken from the locale's catalogue, so
 * every step also proves the page is translated and labelled.
 */
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startReferenceApp, type ReferenceApp } from './server.ts';

type Catalogue = Record<string, any>;
const LOCALES = ['en', 'es', 'ht', 'pt', 'fr', 'ru', 'ar'] as const;
const catalogue = (l: string): Catalogue => JSON.parse(readFileSync(new URL(`./i18n/locales/${l}.json`, import.meta.url), 'utf8'));

const EMAILS: Record<string, string> = {
  en: 'pointer.en@universal-acceptance-test.international',
  es: 'usuaria.es@ejemplo-prueba.com.ve',
  ht: 'wideline.ht@egzanp.ht',
  pt: 'usuaria.pt@ejemplo-prueba.com.br',
  fr: 'élodie.fr@exemple.fr',
  ru: 'пользователь@пример.рф',
  ar: 'idn+rtl@تجربة-القبول-الشامل.موريتانيا',
};

const test = base.extend<{ app: ReferenceApp }>({
  // One app per test: each locale's draw is its own day's draw (parallel-safe, nothing shared).
  app: async ({}, use) => {
    const app = await startReferenceApp({ testMode: true, port: 0, dbPath: ':memory:' });
    await use(app);
    await app.close();
  },
});

test.describe.configure({ mode: 'parallel' });

for (const locale of LOCALES) {
  test(`every journey in ${locale} (conformant, pointer)`, async ({ page, app, request }) => {
    const t = catalogue(locale);
    const email = EMAILS[locale];
    const dir = locale === 'ar' ? 'rtl' : 'ltr';

    await page.goto(`${app.url}/?lang=${locale}`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.home.title);

    // Account: email → code from the outbox.
    await page.getByRole('main').getByRole('link', { name: t.home.create }).click();
    await page.getByLabel(t.account.email.label).fill(email);
    await page.getByRole('button', { name: t.account.email.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.account.verify.title);
    const mails = await (await request.get(`${app.url}/__test/outbox?to=${encodeURIComponent(email)}`)).json();
    expect(mails).toHaveLength(1);
    expect(mails[0].locale).toBe(locale);
    const code = /(\d{6})/.exec(mails[0].subject)![1];
    await page.getByLabel(t.account.verify.label, { exact: true }).fill(code);
    await page.getByRole('button', { name: t.account.verify.submit }).click();

    // Registration (single family name left empty is fine; one family member).
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.registration.title);
    await page.getByLabel(t.registration.givenNames, { exact: true }).first().fill('Jóse Ñandú');
    await page.getByLabel(t.registration.familyNames, { exact: false }).first().fill('Pétion-Ville');
    const dob = page.getByRole('group', { name: t.registration.dob.legend }).first();
    await dob.getByLabel(t.date.day, { exact: true }).fill('27');
    await dob.getByLabel(t.date.month, { exact: true }).fill('3');
    await dob.getByLabel(t.date.year, { exact: true }).fill('1990');
    await page.getByLabel(t.registration.nationality, { exact: true }).selectOption('HT');
    await page.getByLabel(t.registration.countryOfBirth, { exact: true }).selectOption('HT');
    await page.getByLabel(t.registration.phone, { exact: true }).fill('+509 3712 3456');
    await page.getByRole('checkbox', { name: t.languages.ht, exact: true }).check();
    const member = page.getByRole('group', { name: t.registration.member.legend.replace('{{n}}', '1') });
    await member.getByLabel(t.registration.givenNames, { exact: true }).fill('Ana');
    const mdob = member.getByRole('group', { name: t.registration.dob.legend });
    await mdob.getByLabel(t.date.day, { exact: true }).fill('2');
    await mdob.getByLabel(t.date.month, { exact: true }).fill('5');
    await mdob.getByLabel(t.date.year, { exact: true }).fill('2015');
    await member.getByLabel(t.registration.member.relationship).selectOption('child');
    await page.getByRole('button', { name: t.registration.submit }).click();

    // Selfie: the alternative path (the camera is the selfie module's own suite).
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.selfie.title);
    await page.getByRole('link', { name: t.selfie.cannot }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.selfie.alt.title);
    await page.getByRole('button', { name: t.selfie.alt.submit }).click();

    // Dashboard → edit.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.dashboard.title);
    await expect(page.getByRole('main')).toContainText('Jóse Ñandú Pétion-Ville');
    await page.getByRole('link', { name: t.dashboard.edit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.registration.editTitle);
    await expect(page.getByLabel(t.registration.givenNames, { exact: true }).first()).toHaveValue('Jóse Ñandú');
    await page.getByLabel(t.registration.phone, { exact: true }).fill('+509 3712 9999');
    await page.getByRole('button', { name: t.registration.save }).click();
    await expect(page.getByRole('status')).toContainText(t.dashboard.saved);

    // Appointment request → draw → status page and result email.
    await page.getByRole('link', { name: t.dashboard.request }).click();
    await page.getByLabel(t.appointments.request.first, { exact: true }).selectOption('hidalgo');
    await page.getByRole('button', { name: t.appointments.request.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.appointments.status.title);
    await expect(page.getByRole('table')).toContainText(t.appointments.status.pending);
    const state = await (await request.get(`${app.url}/__test/state`)).json();
    const draw = await (await request.post(`${app.url}/__test/lottery/run`, { data: { day: state.today } })).json();
    expect(draw.winners).toBe(1);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: t.appointments.status.wonTitle })).toBeVisible();
    const after = await (await request.get(`${app.url}/__test/outbox?to=${encodeURIComponent(email)}`)).json();
    const result = after.find((m: { subject: string }) => m.subject === t.email.result.wonSubject);
    expect(result, 'result email in the user language').toBeTruthy();
    expect(result.locale).toBe(locale);
    expect(result.text).toContain('Hidalgo');

    // The audit page lists the day with its seed revealed.
    await page.getByRole('link', { name: t.nav.audit }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.audit.title);
    await expect(page.locator(`tr[data-day="${state.today}"] .seed`)).toHaveText(/^[0-9a-f]{64}$/);

    // Help: the answer comes in the same language.
    await page.getByRole('navigation', { name: t.nav.main }).getByRole('link', { name: t.nav.help }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.help.title);
    await expect(page.getByLabel(t.help.contact.email)).toHaveValue(email.normalize('NFC'));
    await page.getByLabel(t.help.contact.message).fill(t.help.faq.code.q);
    await page.getByRole('button', { name: t.help.contact.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.help.sent.title);
    const withHelp = await (await request.get(`${app.url}/__test/outbox?to=${encodeURIComponent(email)}`)).json();
    expect(withHelp.some((m: { subject: string; locale: string }) => m.subject === t.email.help.subject && m.locale === locale)).toBe(true);

    // Sign out, sign in again with a code.
    await page.getByRole('button', { name: t.nav.signout }).click();
    await page.getByRole('navigation', { name: t.nav.main }).getByRole('link', { name: t.nav.signin }).click();
    await page.getByLabel(t.account.email.label).fill(email);
    await page.getByRole('button', { name: t.account.email.submit }).click();
    const { code: code2 } = await (await request.get(`${app.url}/__test/code?email=${encodeURIComponent(email)}`)).json();
    await page.getByLabel(t.account.verify.label, { exact: true }).fill(code2);
    await page.getByRole('button', { name: t.account.verify.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.dashboard.title);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  });
}
