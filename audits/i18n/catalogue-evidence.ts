import type { CatalogueEvidence, LanguageArtifact, TextSegment, UntranslatedMatch } from '../../harness/gatherers/probes/language.ts';

/**
 * Catalogue evidence (pure): which of the page's recorded text segments are English catalogue values
 * left untranslated in the persona's locale, and how many are the locale's own translations. The
 * language probe records the segments and the catalogues (English and the persona's locale); the
 * matching is judgement, so it is done here and `--replay` re-judges it.
 */

const NONE: CatalogueEvidence = { available: false, untranslated: [], translatedMatches: 0, englishMatches: 0 };
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A template needs this many literal letters (outside {{…}}) to be evidence: "{{n}} of {{m}}" matches anything. */
const TEMPLATE_MIN_LETTERS = 8;

export function matchCatalogues(segments: TextSegment[], locale: string, catalogues: Record<string, Record<string, string>> | undefined): CatalogueEvidence {
  const en = catalogues?.en;
  const loc = catalogues?.[locale];
  if (!en || !loc || locale === 'en') return NONE;
  const localeValues = new Set(Object.values(loc).filter((v) => typeof v === 'string').map(normalise));
  const englishValues = new Set(Object.values(en).filter((v) => typeof v === 'string').map(normalise));
  const exact = new Map<string, string[]>();
  const templates: Array<{ re: RegExp; english: string; key: string }> = [];
  for (const [key, raw] of Object.entries(en)) {
    if (typeof raw !== 'string') continue;
    const value = normalise(raw);
    const translated = loc[key];
    if (!/\p{L}/u.test(value)) continue;
    if (typeof translated === 'string' && normalise(translated) === value) continue; // same in both: no evidence
    if (localeValues.has(value)) continue; // the locale uses this very string somewhere: it may be legitimately identical
    if (value.includes('{{')) {
      const literal = value.replace(/\{\{[^}]*\}\}/g, '');
      if ((literal.match(/\p{L}/gu) ?? []).length < TEMPLATE_MIN_LETTERS) continue;
      const re = new RegExp('^' + value.split(/\{\{[^}]*\}\}/).map(escapeRe).join('(.+?)') + '$', 'u');
      templates.push({ re, english: value, key });
    } else {
      exact.set(value, [...(exact.get(value) ?? []), key]);
    }
  }
  const translatedValues = new Set<string>();
  for (const [key, raw] of Object.entries(loc)) {
    if (typeof raw !== 'string') continue;
    const value = normalise(raw);
    if (/\p{L}/u.test(value) && !value.includes('{{') && normalise(en[key] ?? '') !== value && !englishValues.has(value)) translatedValues.add(value);
  }
  const untranslated: UntranslatedMatch[] = [];
  const seen = new Set<string>();
  let translatedMatches = 0;
  for (const seg of segments) {
    const candidates = [seg.text, ...(seg.full ? [seg.full] : [])];
    if (candidates.some((c) => translatedValues.has(c))) translatedMatches++;
    let match: { keys: string[]; english: string; template?: boolean } | null = null;
    for (const c of candidates) {
      const keys = exact.get(c);
      if (keys) { match = { keys, english: c }; break; }
      const t = templates.find((tp) => tp.re.test(c));
      if (t) { match = { keys: [t.key], english: t.english, template: true }; break; }
    }
    if (!match) continue;
    const id = `${seg.domPath}|${seg.source}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const expected = loc[match.keys[0]];
    untranslated.push({
      domPath: seg.domPath, tag: seg.tag, kind: seg.kind, source: seg.source, lang: seg.lang, inMain: seg.inMain,
      text: seg.full && match.english === seg.full ? seg.full : seg.text,
      keys: match.keys, english: match.english, expected: typeof expected === 'string' ? expected : null,
      ...(match.template ? { template: true } : {}),
    });
  }
  return { available: true, untranslated: untranslated.slice(0, 100), translatedMatches, englishMatches: untranslated.length };
}

/**
 * The artifact's catalogue evidence: matched here from its recorded segments and catalogues; an
 * artifact recorded before the probe recorded catalogues carries the evidence it matched then.
 */
export function catalogueEvidence(a: LanguageArtifact): CatalogueEvidence {
  return a.catalogues ? matchCatalogues(a.segments, a.locale, a.catalogues) : a.catalogue ?? NONE;
}

/**
 * What the audits cite as the artifact's evidence: the probe's summary and what the catalogues
 * showed (an older artifact's summary already says the latter).
 */
export function languageSummary(a: LanguageArtifact): string[] {
  if (a.catalogue) return a.summary;
  const c = catalogueEvidence(a);
  return [
    ...a.summary,
    c.available
      ? `Catalogue evidence: ${c.englishMatches} string(s) shown in English where "${a.locale}" has a translation; ${c.translatedMatches} string(s) are "${a.locale}" translations.`
      : 'No catalogue evidence (no catalogues given, or the locale is English).',
    ...c.untranslated.slice(0, 15).map((u) => `  "${u.text}" (${u.keys.join(', ')}) at <${u.tag}> ${u.domPath}; expected ${JSON.stringify(u.expected)}`),
  ];
}
