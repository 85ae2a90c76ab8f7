import type { ErrorElementInfo, FieldAppearance, FormControlInfo, FormSemanticsArtifact } from '../../harness/gatherers/probes/form-semantics.ts';
import { errorPrefixOf, isRedColour } from '../../harness/gatherers/probes/error-cues.ts';

/**
 * The judgement the form audits share (pure): which error-like elements the form-semantics probe
 * recorded are errors rather than hints, which fields are marked in error, whether the page shows
 * errors at all and whether they are announced. The probe records facts (colours now and in a
 * pristine clone of the field's group, classes, colours, texts, structural ties); this decides.
 */

/** A red a person reads as "error" (the probe selects red text with the same test). */
export const isRed = isRedColour;

/**
 * The field's error text is tied to it, so a screen reader says it on the field: an error recorded
 * as tied to this control (the describedby / errormessage / labelledby target, or inside its label),
 * or the field's accessible name includes the error text, or a described-by / errormessage text
 * contains the error text or is contained in it. `errors` are the page's errors (hints set apart).
 */
export function errorTied(c: FormControlInfo, errors: readonly ErrorElementInfo[]): boolean {
  const m = errors.filter((e) => e.control === c.domPath);
  if (m.some((e) => e.tied)) return true;
  if (c.nameSource !== 'none' && m.some((e) => c.name.includes(e.text))) return true;
  const described = [...c.describedBy.map((d) => d.text), ...(c.errorMessage ? [c.errorMessage.text] : [])].filter(Boolean);
  return described.some((t) => m.some((e) => t.includes(e.text) || e.text.includes(t)));
}

/** The page title starts with an error word ("Error: …"): a cue, not an announcement of what is wrong. */
export function titleMentionsError(fs: Pick<FormSemanticsArtifact, 'title'>): boolean {
  return errorPrefixOf(fs.title.replace(/\s+/g, ' ').trim()) !== null;
}

/**
 * How the field looks different from the page's normal styling for it (the pristine clone), or
 * null. A colour every field has by design (a brand-red border, a red label) is no mark: it is
 * the page's normal styling. A changed border on the focused field is its focus style unless red.
 */
export function fieldMark(c: FormControlInfo): string | null {
  const now: FieldAppearance | undefined = c.appearance;
  const base = c.baseline;
  if (!now || !base) return null;
  const marks: string[] = [];
  const sides = ['top', 'right', 'bottom', 'left'];
  const changed = now.border.map((b, i) => (b !== base.border[i] ? i : -1)).filter((i) => i >= 0);
  if (changed.length && (!now.focused || changed.some((i) => isRed(now.border[i])))) {
    marks.push(`border ${changed.map((i) => sides[i]).join('/')} ${now.border[changed[0]]} (normally ${base.border[changed[0]]})`);
  }
  if (now.label && base.label && now.label !== base.label) marks.push(`label ${now.label} (normally ${base.label})`);
  if (now.group && base.group && now.group !== base.group) marks.push(`group border ${now.group} (normally ${base.group})`);
  if (!marks.length) return null;
  return marks.join('; ') + (c.markClasses.length ? ` — class ${c.markClasses.join(' ')}` : '');
}

/**
 * A red text beside a field is a hint, not an error, when the same text is repeated beside
 * several fields and nothing else says error (no error class, role, prefix or errormessage tie):
 * the red "(required)" of a brand — or when it belongs to no field at all (a red brand line).
 */
export function isHint(e: ErrorElementInfo): boolean {
  if (!e.why.every((w) => w === 'red text')) return false;
  // Red text belonging to no field (a red brand line, a red heading) says nothing about an error either.
  return (e.repeats ?? 1) >= 2 || e.control === null;
}

export interface FormJudgement {
  errors: ErrorElementInfo[];
  hints: ErrorElementInfo[];
  /** Field domPath → how it is marked (colour / style differing from the page's normal styling). */
  marks: Map<string, string>;
  errorTexts(c: FormControlInfo): string[];
  errorTied(c: FormControlInfo): boolean;
  /** Fields in error: aria-invalid, error text, a mark, or a summary link to them. */
  inError: FormControlInfo[];
  errorsShown: boolean;
  focusInSummary: boolean;
  focusOnErrorField: boolean;
  liveRegionsWithErrors: string[];
}

export function judgeForm(fs: FormSemanticsArtifact): FormJudgement {
  const hints = fs.errors.filter(isHint);
  const errors = fs.errors.filter((e) => !isHint(e));
  const marks = new Map<string, string>();
  for (const c of fs.controls) { const m = fieldMark(c); if (m) marks.set(c.domPath, m); }
  const mine = (c: FormControlInfo) => errors.filter((e) => e.control === c.domPath);
  const errorTexts = (c: FormControlInfo) => [...new Set(mine(c).map((e) => e.text))];
  const summaryTargets = new Set((fs.summary?.links ?? []).map((l) => l.target).filter((t): t is string => Boolean(t)));
  const inError = fs.controls.filter((c) => c.ariaInvalid === 'true' || errorTexts(c).length > 0 || marks.has(c.domPath) || summaryTargets.has(c.domPath));
  const errorPaths = new Set(inError.map((c) => c.domPath));
  const texts = [...errors.map((e) => e.text), ...(fs.summary ? [fs.summary.text] : [])].filter(Boolean);
  const strip = (t: string) => t.replace(/^[^:：]{1,20}[:：]\s*/, '').slice(0, 60).toLowerCase();
  const liveRegionsWithErrors = fs.liveRegions
    .filter((r) => texts.some((t) => r.text.toLowerCase().includes(strip(t))) || (fs.summary !== null && r.domPath === fs.summary.domPath))
    .map((r) => r.domPath);
  return {
    errors, hints, marks, errorTexts, errorTied: (c) => errorTied(c, errors), inError,
    errorsShown: errors.length > 0 || fs.summary !== null || fs.controls.some((c) => c.ariaInvalid === 'true') || marks.size > 0,
    focusInSummary: Boolean(fs.activeElement?.inSummary),
    focusOnErrorField: Boolean(fs.activeElement && errorPaths.has(fs.activeElement.domPath)),
    liveRegionsWithErrors,
  };
}
