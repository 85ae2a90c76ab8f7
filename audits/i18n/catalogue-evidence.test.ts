import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { catalogueEvidence, languageSummary, matchCatalogues } from './catalogue-evidence.ts';
import { recordedProbe } from '../recorded/probes/load.ts';
import { referenceTarget } from '../../targets/reference.target.ts';
import type { LanguageArtifact, TextSegment } from '../../harness/gatherers/probes/language.ts';

let n = 0;
const seg = (text: string, extra: Partial<TextSegment> = {}): TextSegment => ({ text, tag: 'p', domPath: `html>body:nth-of-type(1)>main:nth-of-type(1)>p:nth-of-type(${++n})`, lang: 'ht', kind: 'paragraph', source: 'text', inMain: true, ...extra });
const EN = { 'a.title': 'Your details', 'a.continue': 'Continue', 'a.next': 'Continue', 'a.brand': 'OK', 'a.email': 'Email', 'a.mail': 'Mail', 'a.day': 'Day must be between {{min}} and {{max}}', 'a.count': '{{n}} of {{m}}', 'a.step': 'Step {{n}} of {{m}}', 'a.page': 'Page {{n}} from {{m}}', 'a.only': 'Only in English', 'a.num': '123' };
const HT = { 'a.title': 'Enfòmasyon ou', 'a.continue': 'Kontinye', 'a.next': 'Apre', 'a.brand': 'OK', 'a.email': 'Imèl', 'a.mail': 'Email', 'a.day': 'Jou a dwe ant {{min}} ak {{max}}', 'a.count': '{{n}} sou {{m}}', 'a.step': 'Etap {{n}} sou {{m}}', 'a.page': 'Paj {{n}} nan {{m}}', 'a.num': '456' };
const match = (segments: TextSegment[], locale = 'ht', catalogues: Record<string, Record<string, string>> | undefined = { en: EN, ht: HT }) => matchCatalogues(segments, locale, catalogues);

describe('matchCatalogues (catalogue evidence, judged audit-side)', () => {
  it('reports an English value whose key the locale translates, with every key of that value and the first key\'s translation', () => {
    const s = seg('Continue', { tag: 'button', kind: 'button' });
    const r = match([s]);
    expect(r).toMatchObject({ available: true, englishMatches: 1, translatedMatches: 0 });
    expect(r.untranslated).toEqual([{ domPath: s.domPath, tag: 'button', kind: 'button', source: 'text', lang: 'ht', inMain: true, text: 'Continue', keys: ['a.continue', 'a.next'], english: 'Continue', expected: 'Kontinye' }]);
  });

  // ("Same in both" is also "used by the locale": the two rules cannot be told apart from outside.)
  it('is no evidence: a string the same in both, one the locale uses for another key, one with no letters', () => {
    expect(match([seg('OK'), seg('Email'), seg('123')]).untranslated).toEqual([]);
  });

  it('counts the locale\'s own translations; a translation that is also an English value (of another key) is not counted', () => {
    expect(match([seg('Enfòmasyon ou'), seg('Kontinye'), seg('Email'), seg('OK')]).translatedMatches).toBe(2);
  });

  it('matches a filled-in template with ≥ 8 literal letters; a template of placeholders and fewer letters never', () => {
    const r = match([seg('Day must be between 1 and 31'), seg('3 of 7'), seg('Step 3 of 7'), seg('Page 2 from 9')]);
    expect(r.untranslated).toEqual([
      expect.objectContaining({ text: 'Day must be between 1 and 31', keys: ['a.day'], english: 'Day must be between {{min}} and {{max}}', expected: 'Jou a dwe ant {{min}} ak {{max}}', template: true }),
      expect.objectContaining({ text: 'Page 2 from 9', keys: ['a.page'], template: true }), // "Pagefrom": exactly 8
    ]);
  });

  it('a key the locale lacks: expected null', () => {
    expect(match([seg('Only in English')]).untranslated[0]).toMatchObject({ keys: ['a.only'], expected: null });
  });

  it('matches a block\'s whole text (then shown whole) and normalises the catalogue\'s whitespace', () => {
    const r = match([seg('Your', { full: 'Your details' })], 'ht', { en: { ...EN, 'a.title': '  Your\n details ' }, ht: HT });
    expect(r.untranslated[0]).toMatchObject({ text: 'Your details', english: 'Your details', keys: ['a.title'] });
  });

  it('one match per element and source: the same element twice is one, its aria-label another', () => {
    const s = seg('Continue', { tag: 'button', kind: 'button' });
    const r = match([s, { ...s }, { ...s, source: 'aria-label', kind: 'attribute' }]);
    expect(r.untranslated.map((u) => u.source)).toEqual(['text', 'aria-label']);
  });

  it('keeps the first 100 matches and counts them all', () => {
    const r = match(Array.from({ length: 120 }, () => seg('Continue')));
    expect(r.untranslated).toHaveLength(100);
    expect(r.englishMatches).toBe(120);
  });

  it('no evidence for an English persona, a locale without a catalogue, or no catalogues', () => {
    const s = [seg('Continue')];
    for (const r of [match(s, 'en'), match(s, 'ar'), matchCatalogues(s, 'ht', undefined), match(s, 'ht', { ht: HT })]) {
      expect(r).toEqual({ available: false, untranslated: [], translatedMatches: 0, englishMatches: 0 });
    }
  });
});

describe('catalogue evidence from recorded artifacts', () => {
  const before = recordedProbe<LanguageArtifact>('language-kreyol-errors-v1'); // recorded when the probe matched (catalogue field)
  const now = recordedProbe<LanguageArtifact>('language-kreyol-errors'); // the same page, recorded with its catalogues

  it('matches from the recorded segments and catalogues what the probe matched when it judged at gather time', () => {
    expect(now.catalogue).toBeUndefined();
    expect(now.segments).toEqual(before.segments);
    expect(catalogueEvidence(now)).toEqual(before.catalogue);
    expect(catalogueEvidence(now).englishMatches).toBe(8);
  });

  it('recorded catalogues are judged even beside an older evidence field', () => {
    expect(catalogueEvidence({ ...now, catalogue: { available: false, untranslated: [], translatedMatches: 0, englishMatches: 0 } })).toEqual(before.catalogue);
  });

  it('an older artifact keeps its recorded evidence and summary', () => {
    expect(before.catalogues).toBeUndefined();
    expect(catalogueEvidence(before)).toBe(before.catalogue);
    expect(languageSummary(before)).toBe(before.summary);
  });

  it('the summary the audits cite says what it said when the probe matched', () => {
    expect(languageSummary(now)).toEqual(before.summary);
    const plain = recordedProbe<LanguageArtifact>('language-kreyol-lang-en');
    expect(languageSummary(plain).at(-1)).toBe('No catalogue evidence (no catalogues given, or the locale is English).');
  });

  it('the reference app\'s Kreyòl help page: the reference catalogues give the evidence recorded there', () => {
    const a = JSON.parse(readFileSync(new URL('../recorded/probes/ht-help-in-english.json', import.meta.url), 'utf8')).gathered.language as LanguageArtifact;
    const c = referenceTarget.catalogues!();
    expect(a.catalogue!.untranslated.length).toBeGreaterThan(3);
    expect(matchCatalogues(a.segments, a.locale, { en: c.en, ht: c.ht })).toEqual(a.catalogue);
  });
});
