import { describe, expect, it } from 'vitest';
import { LOCALES, loadCatalogue, negotiateLocale, formatDate, countryName } from './i18n.ts';

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, v);
  }
  return out;
}

const en = flatten(loadCatalogue('en'));
/** Strings that are legitimately the same as English (codes, names, numbers). */
const SAME_AS_EN_OK = new Set(['date.day', 'dateFormat', 'languages.mam', 'languages.quc', 'audit.seedHash', 'registration.dob.hint', 'account.verify.label', 'common.errorPrefix', 'common.errorTitlePrefix']);

describe('catalogues', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: every English key exists, is non-empty, keeps its placeholders, and is translated`, () => {
      const cat = flatten(loadCatalogue(locale));
      const untranslated: string[] = [];
      for (const [key, value] of en) {
        expect(cat.has(key), `${locale} lacks ${key}`).toBe(true);
        const v = cat.get(key);
        if (Array.isArray(value)) {
          expect(Array.isArray(v) && v.length === value.length, key).toBe(true);
          continue;
        }
        expect(typeof v === 'string' && v.trim().length > 0, `${locale} ${key} empty`).toBe(true);
        const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(ph(v as string), `${locale} ${key} placeholders`).toEqual(ph(value as string));
        if (v === value && !SAME_AS_EN_OK.has(key)) untranslated.push(key);
      }
      expect(untranslated).toEqual([]);
    });
  }

  it('negotiates Accept-Language', () => {
    expect(negotiateLocale('ht-HT,ht;q=0.9')).toBe('ht');
    expect(negotiateLocale('de-DE,pt-BR;q=0.8,en;q=0.5')).toBe('pt');
    expect(negotiateLocale('de')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });

  it('writes dates and countries in Kreyòl from the catalogue (ICU has no Kreyòl)', () => {
    expect(formatDate('ht', '2026-03-05')).toBe('5 mas 2026');
    expect(countryName('ht', 'US')).toBe('Etazini');
    expect(formatDate('es', '2026-03-05')).toBe('5 de marzo de 2026');
    expect(countryName('fr', 'HT')).toBe('Haïti');
  });
});
