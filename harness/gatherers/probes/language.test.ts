import { describe, expect, it } from 'vitest';
import { recordedCatalogues } from './language.ts';

const CATALOGUES = { en: { 'a.b': 'Continue' }, ht: { 'a.b': 'Kontinye' }, ar: { 'a.b': 'متابعة' }, es: { 'a.b': 'Continuar' } };

describe('the catalogues the language probe records', () => {
  it('the persona\'s locale and English only, as given (flattened key → text)', () => {
    expect(recordedCatalogues('ht', CATALOGUES)).toEqual({ en: CATALOGUES.en, ht: CATALOGUES.ht });
  });

  it('whichever of the two the target has; nothing when it has neither or no catalogues', () => {
    expect(recordedCatalogues('en', CATALOGUES)).toEqual({ en: CATALOGUES.en });
    expect(recordedCatalogues('fr', CATALOGUES)).toEqual({ en: CATALOGUES.en });
    expect(recordedCatalogues('ht', { ht: CATALOGUES.ht })).toEqual({ ht: CATALOGUES.ht });
    expect(recordedCatalogues('ht', {})).toBeUndefined();
    expect(recordedCatalogues('ht', undefined)).toBeUndefined();
  });
});
