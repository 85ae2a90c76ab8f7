import { describe, expect, it } from 'vitest';
import { textDirectionAudit } from './text-direction.ts';
import { recordedProbe, probeArtifacts } from '../recorded/probes/load.ts';
import type { LanguageArtifact } from '../../harness/gatherers/probes/language.ts';

const run = (a: LanguageArtifact, locale: string) => textDirectionAudit.audit(probeArtifacts({ language: a }, { locale, persona: 'rtl-reader' }), {} as never);

describe('text-direction audit (WCAG 1.3.2)', () => {
  it('fails an Arabic page without dir=rtl for the Arabic reader, naming page and locale', () => {
    const res = run(recordedProbe('language-arabic-ltr'), 'ar');
    expect(res.outcome).toBe('failed');
    expect(res.findings[0]).toMatchObject({ ruleId: 'text-direction-rtl', wcag: ['1.3.2'], other: ['i18n: missing dir=rtl'], domPath: 'html' });
    expect(res.findings[0].message).toMatch(/locale "ar".*no dir attribute/);
  });

  it('passes the same page with dir=rtl', () => {
    expect(run(recordedProbe('language-arabic-rtl'), 'ar').outcome).toBe('passed');
  });

  it('passes when the direction comes from CSS on body (computed rtl) without the attribute', () => {
    const a = recordedProbe<LanguageArtifact>('language-arabic-ltr');
    a.direction = { html: 'ltr', body: 'rtl', main: 'rtl' };
    expect(run(a, 'ar').outcome).toBe('passed');
  });

  it('is inapplicable on a left-to-right locale', () => {
    expect(run(recordedProbe('language-arabic-ltr'), 'ht').outcome).toBe('inapplicable');
  });

  it('is inapplicable when the page shown to the Arabic reader is evidently English (left to right is right)', () => {
    const res = run(recordedProbe('language-help-english'), 'ar');
    expect(res.outcome).toBe('inapplicable');
    expect(res.notes?.join()).toMatch(/English/);
  });

  it('accepts a regional locale tag (ar-EG) and Hebrew', () => {
    expect(run(recordedProbe('language-arabic-ltr'), 'ar-EG').outcome).toBe('failed');
    const he = recordedProbe<LanguageArtifact>('language-arabic-rtl');
    he.segments = he.segments.slice(0, 1).map((s) => ({ ...s, text: 'שלום' }));
    expect(run(he, 'he').outcome).toBe('passed');
  });
});
