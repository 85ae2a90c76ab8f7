import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { detectPageLanguage, languageName, primaryTag } from './language-detect.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';
import { languageSummary } from './catalogue-evidence.ts';

/**
 * WCAG 3.1.1 Language of Page, judged against what the page really is: <html lang> must name the
 * language of the page's main text, and for a person who chose a language, a page in that language
 * must say so. One finding per page (ruleId `page-language-mismatch`, distinct from axe's
 * html-has-lang / html-lang-valid, which only check that a valid attribute exists).
 *
 *  lang=en, content Kreyòl, persona ht   → failed (the reference app's `lang-stuck-en`)
 *  lang=ht, content English, persona ht  → failed (the page claims Kreyòl; e.g. `help-english-only`)
 *  lang=en, content English, persona ht  → passed for 3.1.1 (the lang is true; untranslated-text reports the page)
 *  no lang                               → failed
 *  too little text and no catalogue vote → cantTell whenever the verdict depends on the content
 */
export const pageLanguageAudit: Audit = {
  meta: {
    id: 'page-language',
    title: 'The page declares the language it is written in',
    failureTitle: 'The page declares a language it is not written in',
    description: 'Compares <html lang> with the language the persona chose and with the language of the page\'s main text (franc restricted to the target\'s languages, or catalogue evidence on short pages) (WCAG 3.1.1).',
    requiredArtifacts: ['language'],
    requirements: { wcag: ['3.1.1'] },
    rules: {
      'page-language-mismatch': { title: 'The page\'s declared language is not the language of its text', wcag: ['3.1.1'], impact: 'serious', help: 'Set <html lang> to the language the page is shown in.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const a = gathered(artifacts, 'language');
    const asked = primaryTag(artifacts.context.locale ?? a.locale);
    // A language the target does not offer is no standard for its pages (untranslated-text says so once).
    const offered = (a.targetLocales ?? []).map(primaryTag).filter(Boolean);
    const locale = offered.length > 0 && asked && !offered.includes(asked) ? '' : asked;
    const declared = primaryTag(a.htmlLang);
    const detection = detectPageLanguage(a, locale || 'en');
    const content = detection.language;
    const how = detection.method === 'franc'
      ? `franc over ${detection.words} words${detection.runnerUp ? `, runner-up ${detection.runnerUp.language} at ${detection.runnerUp.score}` : ''}`
      : detection.method === 'catalogue' ? `catalogue evidence: ${detection.reason}` : detection.reason ?? 'undetermined';
    const evidence = [{ kind: 'artifact' as const, description: languageSummary(a).join('\n') }];
    const finding = (message: string): AuditResult => {
      const f: DraftFinding = {
        engines: ['portico'],
        ruleId: 'page-language-mismatch',
        outcome: 'failed',
        impact: 'serious',
        message,
        selector: 'html',
        domPath: 'html',
        snippet: `<html${a.htmlLang !== null ? ` lang="${a.htmlLang}"` : ''}${a.htmlDir !== null ? ` dir="${a.htmlDir}"` : ''}>`,
        wcag: ['3.1.1'],
        evidence,
      };
      return { outcome: 'failed', findings: [f], notes: [`content language: ${content ?? 'unknown'} (${how})`] };
    };
    const notes = [`declared ${a.htmlLang === null ? 'no lang' : `lang="${a.htmlLang}"`}; persona locale ${locale || '(none)'}; content ${content ?? 'unknown'} (${how})`];

    if (!declared) {
      return finding(`The page has no language declared (<html> ${a.htmlLang === null ? 'has no lang attribute' : 'has an empty lang'})${content ? `; its text is in ${languageName(content)}` : ''}${locale ? ` and the person chose ${languageName(locale)}` : ''}: assistive technology cannot pick the right voice or pronunciation.`);
    }
    if (content && content !== declared) {
      const chose = locale && locale === content ? ` — the language the person chose` : locale ? ` (the person chose ${languageName(locale)})` : '';
      return finding(`The page says lang="${a.htmlLang}" but its main text is in ${languageName(content)}${chose} (${how}); a screen reader reads it with ${languageName(declared)} pronunciation.`);
    }
    if (content && content === declared) {
      const extra = locale && locale !== declared ? ` The person chose ${languageName(locale)} but the page is not in it: reported by untranslated-text, not as 3.1.1.` : '';
      return { outcome: 'passed', findings: [], notes: [notes[0] + extra] };
    }
    // Content language unknown.
    if (locale && declared !== locale) {
      return { outcome: 'cantTell', findings: [], notes: [`${notes[0]}: the page declares ${languageName(declared)} although the person chose ${languageName(locale)}, and there is too little text to tell which is true`] };
    }
    return { outcome: 'cantTell', findings: [], notes: [`${notes[0]}: lang matches the chosen language; too little text to confirm the content is in it`] };
  },
};
