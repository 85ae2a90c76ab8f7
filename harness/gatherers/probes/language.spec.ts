import { test, expect } from '@playwright/test';
import { languageProbe, type LanguageArtifact } from './language.ts';
import { probeFixture, recordProbe } from './record.ts';
import { matchCatalogues } from '../../../audits/i18n/catalogue-evidence.ts';

const TARGET_LOCALES = ['en', 'es', 'ht', 'pt', 'fr', 'ru', 'ar'];

/** A small catalogue in the shape targets give (flattened key → text), English and Kreyòl. */
export const CATALOGUES: Record<string, Record<string, string>> = {
  en: {
    'registration.title': 'Your details',
    'errors.summaryTitle': 'There is a problem',
    'errors.givenNames.required': 'Enter your given names',
    'errors.email.invalid': 'Enter an email address in the correct format, like name@example.com',
    'errors.day.range': 'Day must be between {{min}} and {{max}}',
    'common.errorPrefix': 'Error:',
    'fields.givenNames': 'Given names',
    'fields.email': 'Email address',
    'actions.continue': 'Continue',
    'app.brand': 'OK',
  },
  ht: {
    'registration.title': 'Enfòmasyon ou',
    'errors.summaryTitle': 'Gen yon pwoblèm',
    'errors.givenNames.required': 'Antre non ou',
    'errors.email.invalid': 'Antre yon adrès imèl ki kòrèk, tankou non@egzanp.com',
    'errors.day.range': 'Jou a dwe ant {{min}} ak {{max}}',
    'common.errorPrefix': 'Erè:',
    'fields.givenNames': 'Non',
    'fields.email': 'Adrès imèl',
    'actions.continue': 'Kontinye',
    'app.brand': 'OK',
  },
};

const ctx = (locale: string, catalogues?: Record<string, Record<string, string>>) => ({ locale, targetLocales: TARGET_LOCALES, catalogues, stepId: 'page' });

test.describe('language probe', () => {
  test('a Kreyòl page that says lang="en": the lang, the Kreyòl text and the marked switcher links', async ({ page }) => {
    await page.goto(probeFixture('kreyol-lang-en.html'));
    const html = await page.content();
    const a = (await languageProbe.gather(page, ctx('ht'))) as LanguageArtifact;
    recordProbe('language-kreyol-lang-en', a);
    expect(a.htmlLang).toBe('en');
    expect(a.locale).toBe('ht');
    expect(a.segments.find((s) => s.tag === 'h1')).toMatchObject({ text: 'Mande yon randevou nan yon pò antre', lang: 'en', langFrom: 'html', kind: 'heading', inMain: true });
    expect(a.segments.find((s) => s.text === 'Español')).toMatchObject({ lang: 'es', kind: 'link', inMain: false });
    expect(a.segments.find((s) => s.tag === 'title')?.text).toMatch(/^Mande yon randevou/);
    expect(a.catalogues).toBeUndefined(); // the target has no catalogues
    expect(a.summary[0]).toMatch(/lang="en"/);
    expect(await page.content()).toBe(html); // read only
  });

  test('English error messages on a Kreyòl page: the catalogues are recorded, and the evidence matched from the record (key, English, expected)', async ({ page }) => {
    await page.goto(probeFixture('kreyol-errors.html'));
    const a = (await languageProbe.gather(page, ctx('ht', CATALOGUES))) as LanguageArtifact;
    recordProbe('language-kreyol-errors', a);
    // Facts only: the two catalogues, no verdict.
    expect(a.catalogues).toEqual({ en: CATALOGUES.en, ht: CATALOGUES.ht });
    expect(a.catalogue).toBeUndefined();
    const evidence = matchCatalogues(a.segments, a.locale, a.catalogues);
    const u = evidence.untranslated;
    const byKey = (k: string) => u.filter((m) => m.keys.includes(k));
    expect(byKey('errors.summaryTitle')).toEqual([expect.objectContaining({ tag: 'h2', kind: 'error', lang: 'ht', expected: 'Gen yon pwoblèm' })]);
    // The summary link and the field message both say it: two elements.
    expect(byKey('errors.givenNames.required').map((m) => m.tag).sort()).toEqual(['a', 'p']);
    expect(byKey('errors.givenNames.required').every((m) => m.kind === 'error')).toBe(true);
    expect(byKey('errors.email.invalid')).toHaveLength(2);
    expect(byKey('errors.day.range')).toEqual([expect.objectContaining({ text: 'Day must be between 1 and 31', template: true })]);
    // "Error:" is visually hidden but read by screen readers; short, and still reported on catalogue evidence.
    expect(byKey('common.errorPrefix').length).toBe(2);
    // Strings identical in both catalogues ("OK") are never evidence; translated strings are counted.
    expect(byKey('app.brand')).toEqual([]);
    expect(evidence.translatedMatches).toBeGreaterThanOrEqual(4); // h1, two labels, the button
  });

  test('a Kreyòl-looking page in English: help-english-only (lang="ht", English content)', async ({ page }) => {
    await page.goto(probeFixture('help-english.html'));
    const a = (await languageProbe.gather(page, ctx('ht', CATALOGUES))) as LanguageArtifact;
    recordProbe('language-help-english', a);
    expect(a.htmlLang).toBe('ht');
    expect(a.segments.filter((s) => s.tag === 'p' && s.inMain)).toHaveLength(3);
  });

  for (const [file, dir, body] of [['arabic-rtl.html', 'rtl', 'rtl'], ['arabic-ltr.html', null, 'ltr']] as const) {
    test(`Arabic page ${file}: html dir ${dir ?? '(none)'} → computed ${body}`, async ({ page }) => {
      await page.goto(probeFixture(file));
      const a = (await languageProbe.gather(page, ctx('ar'))) as LanguageArtifact;
      recordProbe(`language-${file.replace('.html', '')}`, a);
      expect(a.htmlLang).toBe('ar');
      expect(a.htmlDir).toBe(dir);
      expect(a.direction).toEqual({ html: body, body, main: body });
    });
  }
});
