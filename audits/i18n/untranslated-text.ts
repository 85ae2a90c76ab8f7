import type { Artifacts, Audit, AuditResult, DraftFinding, Impact } from '../../harness/types.ts';
import type { SegmentKind, TextSegment, UntranslatedMatch } from '../../harness/gatherers/probes/language.ts';
import { BLOCK_THRESHOLDS, PAGE_THRESHOLDS, candidateLanguages, detectLanguage, languageName, primaryTag } from './language-detect.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';
import { catalogueEvidence, languageSummary } from './catalogue-evidence.ts';

/**
 * Text the persona meets in English on a page in their language.
 *
 * Evidence, strongest first:
 *  1. catalogue: a visible string (text, placeholder, aria-label, button value…) is exactly an
 *     English catalogue value whose key has a different translation in the persona's locale —
 *     reported whatever its length, with the key, the English and the expected translation;
 *  2. a long block (≥ 10 words, ≥ 60 letters) that franc, restricted to the target's languages,
 *     finds English with a clear margin;
 *  2b. an error message of ≥ 8 words that franc, choosing between the page's language and English
 *     only, finds English with a clear margin (no catalogue names every error a page can show);
 *  2c. the page's other (short) error messages judged together the same way;
 *  3. the remaining short strings of the page judged together (never one short string alone).
 *
 * One finding per element. WCAG 3.1.2 is cited when the English passage is not marked lang="en"
 * (a change of language without markup); `i18n: untranslated text` always, and
 * `i18n: untranslated error` for error messages (so it must run on error pages too).
 */
export const MAX_FINDINGS = 40;

const ERRORISH: ReadonlySet<SegmentKind> = new Set(['error']);
/** An error sentence, judged between the page's language and English only: ≥ 8 words, ≥ 40 letters, a clear margin. */
const ERROR_THRESHOLDS = { minLetters: 40, minWords: 8, maxRunnerUp: 0.85 };

function impactOf(kind: SegmentKind): Impact {
  if (kind === 'error') return 'serious';
  if (kind === 'button' || kind === 'label' || kind === 'heading' || kind === 'paragraph') return 'serious';
  return 'moderate';
}

function describeKind(kind: SegmentKind, source: string): string {
  if (source !== 'text') return `${source} text`;
  return { title: 'page title', heading: 'heading', paragraph: 'text', label: 'label', button: 'button', link: 'link', error: 'error message', attribute: 'attribute', other: 'text' }[kind];
}

const quote = (s: string, n = 120) => `"${s.length > n ? s.slice(0, n - 1) + '…' : s}"`;

export const untranslatedTextAudit: Audit = {
  meta: {
    id: 'untranslated-text',
    title: 'Text is in the person\'s language',
    failureTitle: 'Text is left in English on a page in the person\'s language',
    description: 'Finds English text on a page in another locale: catalogue evidence (key, English, expected translation), or long blocks franc finds English with a clear margin; never one short string alone (i18n; WCAG 3.1.2 when the English is not marked lang="en").',
    requiredArtifacts: ['language'],
    requirements: { wcag: ['3.1.2'], other: ['i18n: untranslated text'] },
    rules: {
      'language-not-offered': { title: 'The target does not offer the person\'s language', wcag: [], impact: 'serious', help: 'Offer the languages the service\'s users read, or say where help in that language is.' },
      'untranslated-text': { title: 'Text is left untranslated on a page shown in the person\'s language', wcag: [], help: 'Translate it, or mark it with lang so it is read in its own language (3.1.2).' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const a = gathered(artifacts, 'language');
    const locale = primaryTag(artifacts.context.locale ?? a.locale);
    if (!locale || locale === 'en') return { outcome: 'inapplicable', findings: [], notes: [`the persona reads English (locale "${locale || '(none)'}")`] };
    // The target does not offer the person's language at all: that is ONE finding about the target
    // (keyed by target, not page), and no page is judged against a language it was never offered in.
    const offered = (a.targetLocales ?? []).map(primaryTag).filter(Boolean);
    if (offered.length > 0 && !offered.includes(locale)) {
      return {
        outcome: 'failed',
        findings: [{
          engines: ['portico'],
          ruleId: 'language-not-offered',
          outcome: 'failed',
          impact: 'serious',
          message: `The target does not offer ${languageName(locale)}: its languages are ${offered.map(languageName).join(', ')}. Pages are not judged against a language the target was never offered in.`,
          selector: 'html',
          domPath: 'html',
          wcag: [],
          other: ['i18n: language not offered'],
        }],
        notes: [`the target offers ${offered.join(', ')}, not ${locale}`],
      };
    }
    const pageName = languageName(locale);
    const catalogue = catalogueEvidence(a);
    const evidence = [{ kind: 'artifact' as const, description: languageSummary(a).join('\n') }];
    const findings: DraftFinding[] = [];
    const reported = new Set<string>();
    const notes: string[] = [];

    const draft = (p: { domPath: string; tag: string; kind: SegmentKind; lang: string; message: string; snippet: string }): DraftFinding => {
      const marked = primaryTag(p.lang) === 'en';
      const other = ['i18n: untranslated text', ...(ERRORISH.has(p.kind) ? ['i18n: untranslated error'] : [])];
      return {
        engines: ['portico'],
        ruleId: 'untranslated-text',
        outcome: 'failed',
        impact: impactOf(p.kind),
        message: p.message + (marked
          ? ` It is marked lang="en"${p.lang && primaryTag(a.htmlLang) === 'en' ? ' (through the page\'s own lang)' : ''}, so only the translation is missing.`
          : ` It is not marked lang="en" (effective lang "${p.lang || 'none'}"): a change of language without markup (WCAG 3.1.2).`),
        selector: p.domPath,
        domPath: p.domPath,
        snippet: p.snippet,
        wcag: marked ? [] : ['3.1.2'],
        other,
        evidence,
      };
    };

    // 1. Catalogue evidence, one finding per element.
    const byElement = new Map<string, UntranslatedMatch[]>();
    // A language named in itself and marked as such (a language switcher's "English") is correct practice, not a gap.
    const isAutonym = (u: UntranslatedMatch) => primaryTag(u.lang) === 'en' && u.keys.length > 0 && u.keys.every((k) => /(^|\.)languages?\.en$/.test(k));
    for (const u of catalogue.untranslated) if (!isAutonym(u)) byElement.set(u.domPath, [...(byElement.get(u.domPath) ?? []), u]);
    for (const [domPath, matches] of byElement) {
      const first = matches[0];
      const kind = matches.some((m) => m.kind === 'error') ? 'error' : first.kind;
      const parts = matches.map((m) => `${describeKind(m.kind, m.source)} ${quote(m.text)} (catalogue key ${m.keys.join(' / ')}; ${m.expected === null ? `no "${locale}" translation in the catalogue` : `expected ${quote(m.expected)}`})`);
      findings.push(draft({
        domPath, tag: first.tag, kind, lang: first.lang,
        message: `English on a page in ${pageName}: ${parts.join('; ')}.`,
        snippet: `<${first.tag}>${first.text}</${first.tag}>`,
      }));
      reported.add(domPath);
    }

    // 2. Long blocks franc finds English (outermost block only, not already reported).
    const candidates = candidateLanguages(locale, a.targetLocales, a.htmlLang);
    const blockText = (s: TextSegment) => s.full ?? s.text;
    const longBlocks = a.segments.filter((s) => s.source === 'text' && s.kind !== 'title' && !reported.has(s.domPath));
    const englishBlocks: TextSegment[] = [];
    for (const s of longBlocks) {
      if ([...reported].some((p) => s.domPath.startsWith(p + '>'))) continue;
      if (englishBlocks.some((b) => s.domPath.startsWith(b.domPath + '>'))) continue;
      const d = detectLanguage(blockText(s), candidates, BLOCK_THRESHOLDS);
      if (d.language !== 'en') continue;
      englishBlocks.push(s);
      findings.push(draft({
        domPath: s.domPath, tag: s.tag, kind: s.kind, lang: s.lang,
        message: `English ${describeKind(s.kind, s.source)} on a page in ${pageName}: ${quote(blockText(s))} (franc over ${d.words} words, restricted to ${candidates.join('/')}; runner-up ${d.runnerUp?.language ?? '-'} at ${d.runnerUp?.score ?? '-'}; no catalogue key).`,
        snippet: `<${s.tag}>${blockText(s).slice(0, 160)}</${s.tag}>`,
      }));
      reported.add(s.domPath);
    }

    // 2b. An error message is a sentence the person must read to go on: one that franc, choosing only
    // between the page's language and English, finds English with a clear margin (≥ 8 words) is
    // reported even without a catalogue key (the error messages a description never names).
    for (const s of a.segments) {
      if (s.kind !== 'error' || s.source !== 'text' || reported.has(s.domPath) || [...reported].some((p) => s.domPath.startsWith(p + '>'))) continue;
      const d = detectLanguage(blockText(s), [...new Set([locale, 'en'])], ERROR_THRESHOLDS);
      if (d.language !== 'en') continue;
      findings.push(draft({
        domPath: s.domPath, tag: s.tag, kind: s.kind, lang: s.lang,
        message: `English error message on a page in ${pageName}: ${quote(blockText(s))} (franc over ${d.words} words, ${locale} or English; runner-up ${d.runnerUp?.language ?? '-'} at ${d.runnerUp?.score ?? '-'}; no catalogue key).`,
        snippet: `<${s.tag}>${blockText(s).slice(0, 160)}</${s.tag}>`,
      }));
      reported.add(s.domPath);
    }

    // 2c. Error messages are short ("Enter your full name"): the page's remaining ones, judged together
    // (each text once) between the page's language and English, with the same thresholds as 2b.
    const errorPool: TextSegment[] = [];
    for (const s of a.segments) {
      if (s.kind !== 'error' || s.source !== 'text' || reported.has(s.domPath) || [...reported].some((p) => s.domPath.startsWith(p + '>'))) continue;
      if (errorPool.some((e) => s.domPath.startsWith(e.domPath + '>'))) continue;
      errorPool.push(s);
    }
    if (errorPool.length > 1) {
      const texts = [...new Set(errorPool.map((s) => blockText(s).trim()))];
      const d = detectLanguage(texts.join('\n'), [...new Set([locale, 'en'])], ERROR_THRESHOLDS);
      if (d.language === 'en') {
        for (const s of errorPool) {
          findings.push(draft({
            domPath: s.domPath, tag: s.tag, kind: s.kind, lang: s.lang,
            message: `English error message on a page in ${pageName}: ${quote(blockText(s))} (the page's ${errorPool.length} error messages judged together by franc over ${d.words} words, ${locale} or English; runner-up ${d.runnerUp?.language ?? '-'} at ${d.runnerUp?.score ?? '-'}; no catalogue key).`,
            snippet: `<${s.tag}>${blockText(s).slice(0, 160)}</${s.tag}>`,
          }));
          reported.add(s.domPath);
        }
      }
    }

    // 3. The remaining short strings, judged together as one page-level sample.
    const declared = primaryTag(a.htmlLang);
    const rest = a.segments.filter((s) => !reported.has(s.domPath)
      && ![...reported].some((p) => s.domPath.startsWith(p + '>'))
      && !(s.langFrom && s.langFrom !== 'html' && primaryTag(s.lang) !== declared));
    const restDetection = detectLanguage(rest.map((s) => s.text).join('\n'), candidates, PAGE_THRESHOLDS);
    if (restDetection.language === 'en' && !catalogue.available) {
      const sample = rest.filter((s) => s.kind !== 'title').slice(0, 8).map((s) => quote(s.text, 40));
      findings.push(draft({
        domPath: 'html', tag: 'html', kind: 'other', lang: a.htmlLang ?? '',
        message: `The page's short strings, judged together (${rest.length} strings, ${restDetection.words} words), are English on a page meant to be in ${pageName}: ${sample.join(', ')}… (franc, runner-up ${restDetection.runnerUp?.language ?? '-'} at ${restDetection.runnerUp?.score ?? '-'}).`,
        snippet: `<html lang="${a.htmlLang ?? ''}">`,
      }));
    }

    if (findings.length > 0) {
      const shown = findings.slice(0, MAX_FINDINGS);
      if (findings.length > MAX_FINDINGS) notes.push(`${findings.length} untranslated elements; the first ${MAX_FINDINGS} are reported`);
      return { outcome: 'failed', findings: shown, notes };
    }
    const allText = a.segments.map((s) => s.text).join('\n');
    const enough = detectLanguage(allText, candidates, PAGE_THRESHOLDS).letters >= PAGE_THRESHOLDS.minLetters;
    if (catalogue.available) return { outcome: 'passed', findings: [], notes: [`no English catalogue value shown; ${catalogue.translatedMatches} "${locale}" translations seen`] };
    if (enough) return { outcome: 'passed', findings: [], notes: ['no catalogues; no long block or aggregate of short strings reads as English'] };
    return { outcome: 'cantTell', findings: [], notes: ['no catalogue evidence and too little text to judge its language'] };
  },
};
