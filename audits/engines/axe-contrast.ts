import type { DraftFinding } from '../../harness/types.ts';
import type { ContrastSample } from '../../harness/gatherers/contrast-samples.ts';

/**
 * axe's color-contrast "needs review" (a background image or gradient, text over another element …)
 * judged from what the page really drew behind the text (the axe gatherer's contrastSamples): when
 * even the HIGHEST contrast between the text colour and any pixel behind the text is below the
 * minimum (ACT afw4f7 / 09o5cg: "the highest possible contrast … is at least 4.5:1"), the text
 * fails. Anything else stays cantTell — never a pass and never a fail from a guess:
 * - text with a shadow or stroke (it may give the contrast itself);
 * - text that matches everything behind it (highest contrast about 1:1: invisible text, which the rule
 *   does not apply to);
 * - a node nothing was measured for.
 */

/** Large scale text: at least 18 pt, or 14 pt bold (in CSS px: 24 and 18.67). */
export const isLargeText = (s: ContrastSample) => (s.fontSizePx ?? 0) >= 24 || ((s.fontSizePx ?? 0) >= 18.66 && (s.fontWeight ?? 400) >= 700);

export const minimumContrast = (s: ContrastSample, enhanced: boolean) => (enhanced ? (isLargeText(s) ? 4.5 : 7) : isLargeText(s) ? 3 : 4.5);

/** Invisible against its background: no pixel behind it differs enough from the text to read it at all. */
const INVISIBLE_BELOW = 1.1;

/** The sample's verdict for one of the two criteria: 'failed' when measured and below the minimum, else undefined (no verdict). */
export function sampleFails(s: ContrastSample, enhanced: boolean): boolean {
  if (s.unmeasured || s.shadowOrStroke || s.maxContrast === undefined || !s.pixels) return false;
  if (s.maxContrast < INVISIBLE_BELOW) return false;
  return s.maxContrast < minimumContrast(s, enhanced);
}

const range = (s: ContrastSample) => `${s.minContrast?.toFixed(2)}:1 to ${s.maxContrast?.toFixed(2)}:1`;
const what = (s: ContrastSample) => `${s.fontSizePx}px${(s.fontWeight ?? 400) >= 700 ? ' bold' : ''}${isLargeText(s) ? ' (large text)' : ''}`;

/** The measured explanation a confirmed finding carries. */
export function contrastEvidence(s: ContrastSample, enhanced: boolean): string {
  return `measured behind the text (${s.pixels} pixels, text rgba(${s.foreground?.join(', ')}), ${what(s)}): contrast ${range(s)}, below ${minimumContrast(s, enhanced)}:1 everywhere`;
}

/** Tags of axe's color-contrast-enhanced rule (AAA, 1.4.6), for the finding made when axe left the node only to color-contrast. */
const ENHANCED_TAGS = ['cat.color', 'wcag2aaa', 'wcag146', 'ACT'];

/**
 * color-contrast cantTell findings become failed where the sample says so; and, for a node whose
 * sample also fails the enhanced minimum but axe has no color-contrast-enhanced finding on it, one
 * is added (reported apart like every AAA finding).
 */
export function confirmContrast(findings: DraftFinding[], samples: readonly ContrastSample[] | undefined): DraftFinding[] {
  if (!samples?.length) return findings;
  const byPath = new Map(samples.filter((s) => s.domPath).map((s) => [s.domPath!, s]));
  const out = findings.map((f) => {
    if (f.outcome !== 'cantTell' || !f.domPath || (f.ruleId !== 'color-contrast' && f.ruleId !== 'color-contrast-enhanced')) return f;
    const s = byPath.get(f.domPath);
    const enhanced = f.ruleId === 'color-contrast-enhanced';
    if (!s || !sampleFails(s, enhanced)) return f;
    return { ...f, outcome: 'failed' as const, message: `${f.message} — ${contrastEvidence(s, enhanced)}` };
  });
  const enhancedAt = new Set(findings.filter((f) => f.ruleId === 'color-contrast-enhanced').map((f) => f.domPath));
  for (const f of findings) {
    if (f.ruleId !== 'color-contrast' || f.outcome !== 'cantTell' || !f.domPath || enhancedAt.has(f.domPath)) continue;
    const s = byPath.get(f.domPath);
    if (!s || !sampleFails(s, true)) continue;
    enhancedAt.add(f.domPath);
    out.push({
      ...f,
      ruleId: 'color-contrast-enhanced',
      engineRules: { axe: 'color-contrast-enhanced' },
      outcome: 'failed',
      category: 'best-practice',
      impact: 'serious',
      message: `[AAA, reported apart] Elements must meet enhanced color contrast ratio thresholds — ${contrastEvidence(s, true)}`,
      helpUrl: f.helpUrl?.replace('/color-contrast', '/color-contrast-enhanced'),
      wcag: ['1.4.6'],
      tags: ENHANCED_TAGS,
    });
  }
  return out;
}
