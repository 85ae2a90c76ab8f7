import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { RTL_LANGUAGES, detectPageLanguage, languageName, primaryTag } from '../i18n/language-detect.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';
import { languageSummary } from '../i18n/catalogue-evidence.ts';

/**
 * WCAG 1.3.2 Meaningful Sequence for right-to-left readers: when the persona reads a right-to-left
 * language (ar, he, fa, ur…), the page must run right to left — <html dir="rtl">, or a computed
 * `direction: rtl` on body/main. Without it, punctuation, numbers and mixed runs are reordered
 * (the bidi algorithm starts from a left-to-right base) and the layout reads in the wrong order.
 * Inapplicable on left-to-right locales, and when the page's text is evidently not in an RTL language
 * (an untranslated English page is rightly LTR; that is untranslated-text's finding).
 */
export const textDirectionAudit: Audit = {
  meta: {
    id: 'text-direction',
    title: 'Right-to-left pages run right to left',
    failureTitle: 'A right-to-left page is laid out left to right',
    description: 'For a persona reading a right-to-left language, checks <html dir> and the computed direction of body and main (WCAG 1.3.2).',
    requiredArtifacts: ['language'],
    requirements: { wcag: ['1.3.2'] },
    rules: {
      'text-direction-rtl': { title: 'Right-to-left text is laid out left to right', wcag: ['1.3.2'], impact: 'serious', help: 'Set dir="rtl" on the page (or the element) shown in Arabic, Hebrew, Persian or Urdu.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const a = gathered(artifacts, 'language');
    const locale = primaryTag(artifacts.context.locale ?? a.locale);
    if (!RTL_LANGUAGES.has(locale)) return { outcome: 'inapplicable', findings: [], notes: [`locale "${locale || '(none)'}" is written left to right`] };
    const detection = detectPageLanguage(a, locale);
    if (detection.language && !RTL_LANGUAGES.has(detection.language)) {
      return { outcome: 'inapplicable', findings: [], notes: [`the page's text is in ${languageName(detection.language)}, not a right-to-left language (untranslated-text reports that)`] };
    }
    const rtl = (a.htmlDir ?? '').toLowerCase() === 'rtl' || a.direction.body === 'rtl' || a.direction.main === 'rtl';
    if (rtl) return { outcome: 'passed', findings: [], notes: [`dir=${a.htmlDir ?? '(none)'}; body ${a.direction.body}, main ${a.direction.main ?? '-'}`] };
    return {
      outcome: 'failed',
      findings: [{
        engines: ['portico'],
        ruleId: 'text-direction-rtl',
        outcome: 'failed',
        impact: 'serious',
        message: `The page is in ${languageName(locale)} (the person's locale "${artifacts.context.locale ?? a.locale}") but runs left to right: <html> ${a.htmlDir === null ? 'has no dir attribute' : `has dir="${a.htmlDir}"`}, and body/main compute direction ${a.direction.body ?? '-'}/${a.direction.main ?? '-'}. Right-to-left text is laid out and reordered as if it were left to right.`,
        selector: 'html',
        domPath: 'html',
        snippet: `<html${a.htmlLang !== null ? ` lang="${a.htmlLang}"` : ''}${a.htmlDir !== null ? ` dir="${a.htmlDir}"` : ''}>`,
        wcag: ['1.3.2'],
        other: ['i18n: missing dir=rtl'],
        evidence: [{ kind: 'artifact', description: languageSummary(a).join('\n') }],
      }],
    };
  },
};
