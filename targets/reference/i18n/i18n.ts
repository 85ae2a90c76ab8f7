import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const LOCALES = ['en', 'es', 'ht', 'pt', 'fr', 'ru', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself (the switcher shows these, with lang on each). */
export const AUTONYMS: Record<Locale, string> = {
  ht: 'Kreyòl ayisyen',
  es: 'Español',
  pt: 'Português',
  fr: 'Français',
  ru: 'Русский',
  ar: 'العربية',
  en: 'English',
};

/** Switcher order. */
export const SWITCHER_ORDER: Locale[] = ['es', 'ht', 'pt', 'fr', 'ru', 'ar', 'en'];

export const RTL: ReadonlySet<string> = new Set(['ar']);

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadCatalogue(locale: Locale): Record<string, unknown> {
  return JSON.parse(readFileSync(join(here, 'locales', `${locale}.json`), 'utf8')) as Record<string, unknown>;
}

const instance = i18next.createInstance();
instance.init({
  initAsync: false,
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: loadCatalogue(l) }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type T = TFunction;

export function translator(locale: Locale): T {
  return instance.getFixedT(locale);
}

export function hasKey(locale: Locale, key: string): boolean {
  return instance.exists(key, { lng: locale, fallbackLng: false });
}

/** Pick a supported locale from an Accept-Language header (quality-ordered), else English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranges = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranges) {
    const base = r.tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** A country's name in the locale: the catalogue first (Kreyòl is not in ICU), then Intl. */
export function countryName(locale: Locale, code: string): string {
  const key = `countries.${code}`;
  if (hasKey(locale, key)) return translator(locale)(key);
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

export function languageName(locale: Locale, code: string): string {
  return translator(locale)(`languages.${code}`);
}

/** A date (YYYY-MM-DD) written out in the locale, month names from the catalogue. */
export function formatDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = translator(locale)('months', { returnObjects: true }) as unknown as string[];
  return translator(locale)('dateFormat', { day: d, month: months[m - 1], year: y });
}
