import type { DeclarativeTarget, Words } from './schema.ts';
import { checkLabel, list } from './schema.ts';

/**
 * The words a description gives in several languages are the app's own translations: a catalogue,
 * key → text per language, recorded by the language probe for the i18n audits' catalogue evidence (a page shown in English
 * where the person chose Kreyòl reads as English even when franc cannot tell English from French
 * on a short page). Keys name where the words are in the description (flow.step.key).
 *
 * Names of languages are left out: a list of languages, each named in itself ("English" on a
 * Kreyòl page), is correct practice, never an untranslated string.
 */
export function describedCatalogues(d: DeclarativeTarget): Record<string, Record<string, string>> {
  const offered = d.locales;
  const languageNames = new Set<string>();
  for (const inLang of offered) {
    let names: Intl.DisplayNames | undefined;
    try { names = new Intl.DisplayNames([inLang], { type: 'language' }); } catch { continue; }
    for (const l of offered) { const n = names.of(l); if (n && n !== l) languageNames.add(n.toLowerCase()); }
  }
  const out: Record<string, Record<string, string>> = Object.fromEntries(offered.map((l) => [l, {}]));
  const add = (key: string, w: Words | undefined) => {
    if (!w || typeof w === 'string') return;
    if (Object.values(w).some((t) => languageNames.has(t.trim().toLowerCase()))) return;
    for (const [l, text] of Object.entries(w)) if (out[l]) out[l][key] = text;
  };
  for (const f of d.flows) {
    for (const s of f.steps) {
      const at = (k: string) => `${f.id}.${s.id}.${k}`;
      list(s.fill).forEach((x, i) => { add(at(`fill${i}.label`), x.label); add(at(`fill${i}.within`), x.within); });
      list(s.select).forEach((x, i) => { add(at(`select${i}.label`), x.label); add(at(`select${i}.within`), x.within); });
      list(s.check).forEach((x, i) => add(at(`check${i}`), checkLabel(x)));
      list(s.require).forEach((x, i) => add(at(`require${i}`), x.name));
      if (s.click) add(at('click'), s.click.name);
      if (s.expect) { add(at('expect.heading'), s.expect.heading); add(at('expect.text'), s.expect.text); }
      if (s.upload) add(at('upload'), s.upload.label);
      if (s.capture) {
        add(at('capture.control'), s.capture.control.name);
        add(at('capture.accepted'), s.capture.accepted.heading ?? s.capture.accepted.text);
        add(at('capture.rejected'), s.capture.rejected?.heading ?? s.capture.rejected?.text);
        add(at('capture.alternative'), s.capture.alternative?.name);
      }
    }
  }
  if (d.session) add('session.extend', d.session.extend.name);
  // Only languages with words: a description in one language has no catalogue.
  return Object.fromEntries(Object.entries(out).filter(([, c]) => Object.keys(c).length > 0));
}
