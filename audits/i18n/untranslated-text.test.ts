import { describe, expect, it } from 'vitest';
import { untranslatedTextAudit } from './untranslated-text.ts';
import { recordedProbe, probeArtifacts } from '../recorded/probes/load.ts';
import { runAudits } from '../../harness/run-audits.ts';
import type { LanguageArtifact, TextSegment } from '../../harness/gatherers/probes/language.ts';

const run = (a: LanguageArtifact, locale: string | undefined = 'ht') => untranslatedTextAudit.audit(probeArtifacts({ language: a }, { locale, persona: 'haitian-creole' }), {} as never);
let n = 0;
const seg = (text: string, extra: Partial<TextSegment> = {}): TextSegment => ({ text, tag: 'p', domPath: `html>body:nth-of-type(1)>main:nth-of-type(1)>p:nth-of-type(${++n})`, lang: 'ht', langFrom: 'html', kind: 'paragraph', source: 'text', inMain: true, ...extra });
const KREYOL = 'Kreye yon kont, ranpli enfòmasyon ou yo yon sèl fwa, epi mande yon randevou nan yon pò antre. Ou ka fè sa nan lang ou, epi ou ka chanje enfòmasyon ou yo nenpòt ki lè.';
const KREYOL2 = 'Mande yon randevou. Yo bay randevou yo chak jou pa tiraj; n ap voye rezilta a ba ou pa imèl. Ou pa bezwen yon adrès Ozetazini ni yon nimewo telefòn Ozetazini.';
const ENGLISH = 'If the photo is not accepted, move to a place with light in front of you rather than behind you, or choose to verify your identity in person at the port.';
const page = (segments: TextSegment[], htmlLang = 'ht'): LanguageArtifact => ({
  ...recordedProbe<LanguageArtifact>('language-kreyol-lang-en'),
  htmlLang, segments, catalogue: { available: false, untranslated: [], translatedMatches: 0, englishMatches: 0 },
});

describe('untranslated-text audit (i18n, WCAG 3.1.2)', () => {
  it('reports each English error element on a Kreyòl page with key, English and expected translation (errors-english-only)', () => {
    const res = run(recordedProbe('language-kreyol-errors'));
    expect(res.outcome).toBe('failed');
    // h2 summary title, 2 summary links, 3 field messages, 2 visually-hidden "Error:" prefixes: one finding each.
    expect(res.findings).toHaveLength(8);
    expect(new Set(res.findings.map((f) => f.domPath)).size).toBe(8);
    for (const f of res.findings) {
      expect(f.ruleId).toBe('untranslated-text');
      expect(f.wcag).toEqual(['3.1.2']);
      expect(f.other).toEqual(['i18n: untranslated text', 'i18n: untranslated error']);
    }
    const summary = res.findings.find((f) => f.message.includes('There is a problem'))!;
    expect(summary.message).toMatch(/catalogue key errors\.summaryTitle; expected "Gen yon pwoblèm"/);
    expect(summary.message).toMatch(/not marked lang="en"/);
    expect(res.findings.some((f) => /"Day must be between 1 and 31".*errors\.day\.range/.test(f.message))).toBe(true);
  });

  it('reports an English error sentence on a Kreyòl page without a catalogue key; a Kreyòl one and a short one are not reported', () => {
    const msg = 'Enter a phone number with 7 to 15 digits, and the country code';
    const res = run(page([seg(KREYOL), seg(KREYOL2), seg(msg, { kind: 'error' }), seg('Nenpòt peyi. Mete kòd peyi a, pa egzanp +509 3712 3456.', { kind: 'error' }), seg('There is a problem', { kind: 'error' })]));
    expect(res.outcome).toBe('failed');
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].message).toContain(msg);
    expect(res.findings[0].other).toEqual(['i18n: untranslated text', 'i18n: untranslated error']);
    expect(run(page([seg(KREYOL), seg(KREYOL2), seg('Antre yon nimewo telefòn ki gen 7 a 15 chif, ak kòd peyi a', { kind: 'error' })])).findings).toHaveLength(0);
  });

  it('reports English help text on a Kreyòl page without catalogue keys, one finding per long block (help-english-only)', () => {
    const res = run(recordedProbe('language-help-english'));
    expect(res.outcome).toBe('failed');
    expect(res.findings).toHaveLength(3);
    expect(res.findings.every((f) => f.domPath!.includes('>main:nth-of-type(1)>p:nth-of-type('))).toBe(true);
    expect(res.findings[0].message).toMatch(/franc over \d+ words.*no catalogue key/);
    // The short English heading "Help and contact" is not reported alone.
    expect(res.findings.some((f) => f.message.includes('"Help and contact"'))).toBe(false);
  });

  it('passes a page fully in Kreyòl', () => {
    expect(run(recordedProbe('language-kreyol-lang-en')).outcome).toBe('passed');
  });

  it('never reports one short English string alone without catalogue evidence', () => {
    const res = run(page([seg(KREYOL), seg(KREYOL2), seg('Send message', { tag: 'button', kind: 'button' }), seg('Continue', { tag: 'button', kind: 'button' })]));
    expect(res.outcome).toBe('passed');
    expect(res.findings).toEqual([]);
  });

  it('but a short string with catalogue evidence is reported', () => {
    const a = page([seg(KREYOL)]);
    a.catalogue = { available: true, translatedMatches: 3, englishMatches: 1, untranslated: [{ domPath: 'html>body:nth-of-type(1)>main:nth-of-type(1)>button:nth-of-type(1)', tag: 'button', kind: 'button', source: 'text', lang: 'ht', inMain: true, text: 'Continue', keys: ['actions.continue'], english: 'Continue', expected: 'Kontinye' }] };
    const res = run(a);
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].message).toMatch(/button "Continue" \(catalogue key actions\.continue; expected "Kontinye"\)/);
    expect(res.findings[0].other).toEqual(['i18n: untranslated text']);
  });

  it('says cantTell with no catalogue and too little text', () => {
    const res = run(page([seg('Voye mesaj'), seg('Kontinye')]));
    expect(res.outcome).toBe('cantTell');
  });

  it('does not cite 3.1.2 for an English passage marked lang="en" (only the translation is missing)', () => {
    const res = run(page([seg(KREYOL), seg(ENGLISH, { lang: 'en', langFrom: 'html>body:nth-of-type(1)>main:nth-of-type(1)>p:nth-of-type(99)' })]));
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].wcag).toEqual([]);
    expect(res.findings[0].message).toMatch(/marked lang="en"/);
  });

  it('leaves a list of English UI labels undecided rather than guess (franc cannot separate them from French)', () => {
    const labels = ['Home', 'Your account', 'Sign in', 'Help and contact', 'Create an account', 'Email address', 'Send me a code', 'Already have an account?', 'Change language', 'Skip to main content', 'Enter a valid date', 'Continue to the next step'];
    const res = run(page(labels.map((t) => seg(t, { tag: 'a', kind: 'link' }))));
    expect(res.findings).toEqual([]);
  });

  it('judges many short English strings together (no catalogue): one page-level finding', () => {
    const shorts = ['Enter your given names', 'Enter a date of birth in the past', 'The code you entered is not correct', 'Check your email for the code we sent', 'You can ask for a new code in a minute', 'Choose the port where you want to go', 'Tell us who is travelling with you', 'We could not save your details', 'Try again in a few minutes'];
    const res = run(page(shorts.map((t) => seg(t, { tag: 'span', kind: 'other' }))));
    expect(res.outcome).toBe('failed');
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].domPath).toBe('html');
    expect(res.findings[0].message).toMatch(/short strings, judged together/);
  });

  it('is inapplicable for an English reader', () => {
    expect(run(recordedProbe('language-help-english'), 'en').outcome).toBe('inapplicable');
  });

  it('through runAudits: 3.1.2 maps to 508 and the i18n reference is kept', () => {
    const { findings } = runAudits([untranslatedTextAudit], [probeArtifacts({ language: recordedProbe('language-kreyol-errors') }, { locale: 'ht', persona: 'haitian-creole' })]);
    expect(findings).toHaveLength(8);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(8);
    expect(findings[0].requirements.other).toContain('i18n: untranslated text');
    expect(findings[0].requirements.section508.join(' ')).toMatch(/E205\.4/);
  });
});

describe('replay re-judges the recorded catalogues', () => {
  const artifactsOf = (a: LanguageArtifact) => [probeArtifacts({ language: a }, { locale: 'ht', persona: 'haitian-creole' })];
  const judged = (a: LanguageArtifact) => runAudits([untranslatedTextAudit], artifactsOf(a)).findings;

  it('an artifact recorded when the probe matched (catalogue field) and one recorded with its catalogues give the same findings', () => {
    expect(judged(recordedProbe('language-kreyol-errors'))).toEqual(judged(recordedProbe('language-kreyol-errors-v1')));
  });

  it('a different catalogue on the same recorded page gives a different verdict, with no browser', () => {
    const a = recordedProbe<LanguageArtifact>('language-kreyol-errors');
    a.catalogues = { ...a.catalogues, ht: { ...a.catalogues!.ht, 'errors.summaryTitle': 'There is a problem' } }; // the same in both: no evidence
    const findings = judged(a);
    expect(findings).toHaveLength(7);
    expect(findings.some((f) => f.message.includes('There is a problem'))).toBe(false);
    delete a.catalogues;
    expect(untranslatedTextAudit.audit(artifactsOf(a)[0], {} as never).findings.filter((f) => /\(catalogue key /.test(f.message))).toEqual([]); // franc still finds the long English errors
  });
});

describe('a persona language the target does not offer', () => {
  it('is ONE finding for the target ("does not offer"), not a page-by-page cascade, and pages are not judged against it', async () => {
    const { pageLanguageAudit } = await import('./page-language.ts');
    const pages = ['/a', '/b', '/c'].map((p, i) => {
      const a = recordedProbe<LanguageArtifact>('language-help-english');
      a.targetLocales = ['en', 'es'];
      const x = probeArtifacts({ language: a }, { locale: 'ht', persona: 'haitian-creole', target: 'shop', flow: i < 2 ? 'browse' : 'buy' }, p);
      x.checkpoint = `step-${i}`;
      return x;
    });
    const { findings } = runAudits([untranslatedTextAudit, pageLanguageAudit], pages);
    const notOffered = findings.filter((f) => f.ruleId === 'language-not-offered');
    expect(notOffered).toHaveLength(1);
    expect(notOffered[0].message).toMatch(/^The target does not offer Haitian Creole/);
    expect(findings.filter((f) => f.ruleId === 'untranslated-text')).toEqual([]);
    // The help page says lang="ht" over English text: that is still false (3.1.1) whatever the persona asked.
    expect(findings.filter((f) => f.ruleId === 'page-language-mismatch').every((f) => !/the person chose/.test(f.message))).toBe(true);
  });
});

describe('untranslated-text 2c: short error messages judged together (errors-english-only on a page without a catalogue)', () => {
  const err = (text: string, tag = 'p') => seg(text, { kind: 'error', tag });
  it('a Kreyòl page whose error summary and field message are English is failed, one finding per element', () => {
    const a = page([seg(KREYOL), err('There is a problem', 'h2'), err('Enter your full name', 'a'), err('Enter your full name'), err('Enter your date of birth', 'a'), err('Enter your date of birth')]);
    const res = run(a);
    expect(res.outcome).toBe('failed');
    const errors = res.findings.filter((f) => f.message.startsWith('English error message'));
    expect(errors).toHaveLength(5);
    for (const f of errors) expect(f.other).toEqual(['i18n: untranslated text', 'i18n: untranslated error']);
  });
  it('the same errors in Kreyòl are not reported', () => {
    const a = page([seg(KREYOL), err('Gen yon pwoblèm', 'h2'), err('Antre non konplè ou', 'a'), err('Antre non konplè ou'), err('Antre dat nesans ou', 'a'), err('Antre dat nesans ou')]);
    expect(run(a).findings.filter((f) => f.message.startsWith('English error message'))).toEqual([]);
  });
  it('one short English error alone is not enough evidence', () => {
    const a = page([seg(KREYOL), seg(KREYOL2), err('Enter your full name')]);
    expect(run(a).findings.filter((f) => f.message.startsWith('English error message'))).toEqual([]);
  });
});
