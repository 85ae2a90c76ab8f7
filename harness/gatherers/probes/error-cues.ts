/**
 * What marks text as an error, shared by the form-semantics probe (which uses it in the page only
 * to select the elements it records) and the audits (which judge the recorded facts with it), so
 * the two cannot drift apart. Pure: no DOM.
 */

/** Words (and signs) an error message or an error page title starts with, lower-case. */
export const ERROR_PREFIXES: readonly string[] = ['error', 'erreur', 'erro', 'erè', 'ere', 'ошибка', 'خطأ', 'fehler', 'errore', 'invalid', 'warning', 'advertencia', 'atención', 'problème', 'problema', 'pwoblèm', '⚠', '❗', '✖', '✗'];

/** The prefix `text` starts with (case-insensitive), or null. */
export function errorPrefixOf(text: string, prefixes: readonly string[] = ERROR_PREFIXES): string | null {
  const low = text.toLowerCase();
  return prefixes.find((p) => low.startsWith(p)) ?? null;
}

/**
 * A red a person reads as "error": a CSS rgb()/rgba() colour, at least half opaque, hue within 20°
 * of red, saturated (≥ 0.45), neither near-black nor near-white (lightness 0.2–0.7).
 * Self-contained on purpose: the probe binds its source into the page (no module references).
 */
export function isRedColour(c: string | null | undefined): boolean {
  const m = (c ?? '').match(/rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\s*\)/);
  if (!m) return false;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (a < 0.5) return false;
  const r = Number(m[1]) / 255, g = Number(m[2]) / 255, b = Number(m[3]) / 255;
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return false;
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60; if (h < 0) h += 360;
  return (h <= 20 || h >= 340) && s >= 0.45 && l >= 0.2 && l <= 0.7;
}
