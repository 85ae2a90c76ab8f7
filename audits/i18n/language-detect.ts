import { francAll } from 'franc';
import type { LanguageArtifact, TextSegment } from '../../harness/gatherers/probes/language.ts';
import { catalogueEvidence } from './catalogue-evidence.ts';

/**
 * Language detection for the i18n audits (pure). franc is reliable on long text and unreliable on
 * short strings ("Voye mesaj" → Ewe; "Enter your email address" → Portuguese), so:
 *  - candidates are always restricted (`only`) to the target's languages (Portuguese otherwise comes
 *    back as Galician),
 *  - a verdict needs enough letters and words, and a clear margin over the runner-up,
 *  - short strings are only ever judged in aggregate.
 */

/** BCP 47 primary tag → franc's ISO 639-3 code. */
export const ISO639_3: Record<string, string> = {
  en: 'eng', es: 'spa', ht: 'hat', pt: 'por', fr: 'fra', ru: 'rus', ar: 'arb', de: 'deu', it: 'ita',
  he: 'heb', fa: 'pes', ur: 'urd', zh: 'cmn', ja: 'jpn', ko: 'kor', uk: 'ukr', vi: 'vie', tl: 'tgl',
  hi: 'hin', bn: 'ben', pl: 'pol', nl: 'nld', tr: 'tur', so: 'som', sw: 'swh', am: 'amh', ti: 'tir', qu: 'que',
};
const FROM_639_3: Record<string, string> = Object.fromEntries(Object.entries(ISO639_3).map(([k, v]) => [v, k]));

/** Languages written right to left. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr', 'arc', 'nqo']);

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', es: 'Spanish', ht: 'Haitian Creole (Kreyòl)', pt: 'Portuguese', fr: 'French', ru: 'Russian', ar: 'Arabic',
  he: 'Hebrew', fa: 'Persian', ur: 'Urdu', de: 'German', it: 'Italian', zh: 'Chinese',
};
export const languageName = (tag: string) => LANGUAGE_NAMES[tag] ? `${LANGUAGE_NAMES[tag]} (${tag})` : tag;

export function primaryTag(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export interface Detection {
  /** Primary tag of the detected language, or null when the text does not allow a verdict. */
  language: string | null;
  /** franc's relative score of the runner-up (1 = as likely as the winner). */
  runnerUp?: { language: string; score: number };
  /** franc's top language even when too close to the runner-up to be called (language is then null). */
  top?: string;
  letters: number;
  words: number;
  reason?: string;
  method: 'franc' | 'catalogue' | 'none';
}

export interface DetectOptions { minLetters: number; minWords: number; maxRunnerUp: number }
export const PAGE_THRESHOLDS: DetectOptions = { minLetters: 150, minWords: 20, maxRunnerUp: 0.93 };
/** For one block judged on its own (no catalogue evidence): long and clear-cut only. */
export const BLOCK_THRESHOLDS: DetectOptions = { minLetters: 60, minWords: 10, maxRunnerUp: 0.85 };

/**
 * franc's candidates: the target's languages, the persona's, English — and the language the page
 * declares, so a page correctly marked lang="de" is never forced into one of the others.
 */
export function candidateLanguages(locale: string, targetLocales: string[] | undefined, declared?: string | null): string[] {
  const tags = new Set([...(targetLocales ?? []), locale, 'en', declared ?? ''].map(primaryTag).filter((t) => t && ISO639_3[t]));
  return [...tags];
}

export function detectLanguage(text: string, candidates: string[], opts: DetectOptions = PAGE_THRESHOLDS): Detection {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (letters < opts.minLetters || words < opts.minWords) {
    return { language: null, letters, words, method: 'none', reason: `too little text to tell its language (${words} words, ${letters} letters; need ${opts.minWords} and ${opts.minLetters})` };
  }
  const only = candidates.map((c) => ISO639_3[c]).filter(Boolean);
  if (only.length < 2) only.push(only[0] === 'eng' ? 'fra' : 'eng');
  const scores = francAll(text, { only, minLength: 10 });
  const [top, second] = scores;
  if (!top || top[0] === 'und') return { language: null, letters, words, method: 'none', reason: 'the text is in none of the candidate languages (or its script matches none)' };
  const language = FROM_639_3[top[0]] ?? top[0];
  const runnerUp = second ? { language: FROM_639_3[second[0]] ?? second[0], score: Math.round(second[1] * 1000) / 1000 } : undefined;
  if (runnerUp && runnerUp.score > opts.maxRunnerUp) {
    return { language: null, top: language, runnerUp, letters, words, method: 'none', reason: `no clear language: ${language} and ${runnerUp.language} score alike (${runnerUp.score})` };
  }
  return { language, runnerUp, letters, words, method: 'franc' };
}

/** Segments written in the page's own language (excludes parts explicitly marked as another language). */
export function pageLanguageSegments(a: LanguageArtifact): TextSegment[] {
  const declared = primaryTag(a.htmlLang);
  return a.segments.filter((s) => !(s.langFrom && s.langFrom !== 'html' && primaryTag(s.lang) !== declared));
}

const joinText = (segs: TextSegment[]) => segs.map((s) => s.text).join('\n');

/**
 * The language of the page's main text: franc over the page's text (the <main> region when it has
 * enough text), else — for short pages — the catalogue vote (many short strings judged together).
 */
export function detectPageLanguage(a: LanguageArtifact, locale: string): Detection {
  const candidates = candidateLanguages(locale, a.targetLocales, a.htmlLang);
  const own = pageLanguageSegments(a);
  const main = own.filter((s) => s.inMain);
  const fromMain = detectLanguage(joinText(main), candidates);
  if (fromMain.language) return fromMain;
  const fromAll = detectLanguage(joinText(own), candidates);
  if (fromAll.language) return fromAll;
  // franc torn between two languages on the main text: catalogue evidence inside main decides,
  // when one of the two is English and main holds several English catalogue strings left untranslated.
  const torn = [fromMain.top, fromMain.runnerUp?.language];
  const catalogue = catalogueEvidence(a);
  const englishInMain = catalogue.available && locale !== 'en' ? catalogue.untranslated.filter((u) => u.inMain).length : 0;
  if (torn.includes('en') && englishInMain >= 3) {
    return { ...fromMain, language: 'en', method: 'catalogue', reason: `franc could not choose between ${torn.join(' and ')}; ${englishInMain} strings in the main content are English catalogue values left untranslated` };
  }
  const { translatedMatches: t, englishMatches: e, available } = catalogue;
  if (available && locale !== 'en') {
    if (t >= 3 && t >= 3 * e) return { ...fromAll, language: primaryTag(locale), method: 'catalogue', reason: `${t} strings are "${locale}" catalogue translations, ${e} English` };
    if (e >= 3 && e >= 3 * t) return { ...fromAll, language: 'en', method: 'catalogue', reason: `${e} strings are English catalogue values left untranslated, ${t} "${locale}" translations` };
  }
  return fromAll;
}
