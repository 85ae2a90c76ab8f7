import { describe, expect, it } from 'vitest';
import { pageLanguageAudit } from './page-language.ts';
import { recordedProbe, probeArtifacts } from '../recorded/probes/load.ts';
import { runAudits } from '../../harness/run-audits.ts';
import type { LanguageArtifact, TextSegment } from '../../harness/gatherers/probes/language.ts';

const run = (a: LanguageArtifact, locale: string | undefined) => pageLanguageAudit.audit(probeArtifacts({ language: a }, { locale, persona: 'haitian-creole' }), {} as never);
const seg = (text: string, extra: Partial<TextSegment> = {}): TextSegment => ({ text, tag: 'button', domPath: `html>body:nth-of-type(1)>button:nth-of-type(${text.length})`, lang: 'ht', langFrom: 'html', kind: 'button', source: 'text', inMain: true, ...extra });
const shortPage = (htmlLang: string | null, texts: string[]): LanguageArtifact => ({
  ...recordedProbe<LanguageArtifact>('language-kreyol-lang-en'),
  htmlLang, segments: texts.map((t) => seg(t, { lang: htmlLang ?? '' })),
  catalogue: { available: false, untranslated: [], translatedMatches: 0, englishMatches: 0 },
});

describe('page-language audit (WCAG 3.1.1)', () => {
  it('fails a Kreyòl page that says lang="en" (lang-stuck-en)', () => {
    const res = run(recordedProbe('language-kreyol-lang-en'), 'ht');
    expect(res.outcome).toBe('failed');
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0]).toMatchObject({ ruleId: 'page-language-mismatch', wcag: ['3.1.1'], domPath: 'html', snippet: '<html lang="en">' });
    expect(res.findings[0].message).toMatch(/says lang="en" but its main text is in Haitian Creole.*the language the person chose/);
  });

  it('passes the same page when it says lang="ht" (and lang="ht-HT")', () => {
    for (const lang of ['ht', 'ht-HT']) {
      const a = recordedProbe<LanguageArtifact>('language-kreyol-lang-en');
      a.htmlLang = lang;
      expect(run(a, 'ht').outcome).toBe('passed');
    }
  });

  it('fails a page that says lang="ht" but is written in English (help-english-only)', () => {
    const res = run(recordedProbe('language-help-english'), 'ht');
    expect(res.outcome).toBe('failed');
    expect(res.findings[0].message).toMatch(/says lang="ht" but its main text is in English/);
  });

  it('passes 3.1.1 for an English page declared English even though the person chose Kreyòl (untranslated-text reports it)', () => {
    const a = recordedProbe<LanguageArtifact>('language-help-english');
    a.htmlLang = 'en';
    a.segments = a.segments.map((s) => ({ ...s, lang: 'en' }));
    const res = run(a, 'ht');
    expect(res.outcome).toBe('passed');
    expect(res.notes?.join()).toMatch(/untranslated-text/);
  });

  it('fails a page with no lang (and with an empty lang)', () => {
    for (const lang of [null, '']) {
      const a = recordedProbe<LanguageArtifact>('language-kreyol-lang-en');
      a.htmlLang = lang;
      const res = run(a, 'ht');
      expect(res.outcome).toBe('failed');
      expect(res.findings[0].ruleId).toBe('page-language-mismatch');
      expect(res.findings[0].message).toMatch(/no language declared/);
    }
  });

  it('says cantTell, not a guess, when a page has only a few short strings', () => {
    const texts = ['Voye mesaj', 'Kontinye', 'Anile'];
    expect(run(shortPage('en', texts), 'ht').outcome).toBe('cantTell');
    expect(run(shortPage('ht', texts), 'ht').outcome).toBe('cantTell');
  });

  it('judges short strings in aggregate through catalogue evidence', () => {
    const a = shortPage('en', ['Voye mesaj', 'Kontinye', 'Anile', 'Non']);
    a.catalogue = { available: true, untranslated: [], translatedMatches: 4, englishMatches: 0 };
    const res = run(a, 'ht');
    expect(res.outcome).toBe('failed');
    expect(res.notes?.join()).toMatch(/catalogue/);
  });

  it('ignores text explicitly marked as another language (the language switcher)', () => {
    const a = recordedProbe<LanguageArtifact>('language-kreyol-lang-en');
    a.htmlLang = 'ht';
    // A long English passage marked lang="en" does not change the page's language.
    a.segments.push(seg('Create an account, fill in your details once, and ask for an appointment at a port of entry. You can do it in your language, and you can change your details at any time.', { lang: 'en', langFrom: 'html>body:nth-of-type(1)>main:nth-of-type(1)>p:nth-of-type(9)', kind: 'paragraph' }));
    expect(run(a, 'ht').outcome).toBe('passed');
  });

  it('keys its one finding per page apart from axe html-has-lang (distinct rule id, fingerprinted)', () => {
    const { findings } = runAudits([pageLanguageAudit], [probeArtifacts({ language: recordedProbe('language-kreyol-lang-en') }, { locale: 'ht', persona: 'haitian-creole' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].ruleId).not.toBe('html-has-lang');
    expect(findings[0].requirements.wcag).toEqual(['3.1.1']);
    expect(findings[0].requirements.section508.join(' ')).toMatch(/E205\.4/);
  });
});

describe('page-language when franc is torn between English and another language', () => {
  it('lets English catalogue strings in the main content decide (reference app help page left in English under lang="ht")', async () => {
    const { readFileSync } = await import('node:fs');
    const a = JSON.parse(readFileSync(new URL('../recorded/probes/ht-help-in-english.json', import.meta.url), 'utf8'));
    const r = pageLanguageAudit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
    expect(r.outcome).toBe('failed');
    expect(r.findings[0].wcag).toEqual(['3.1.1']);
    expect(r.findings[0].message).toMatch(/franc could not choose between en and fr; \d+ strings in the main content are English catalogue values/);
  });
});
