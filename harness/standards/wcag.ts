/**
 * The WCAG 2.x success criteria: every criterion of WCAG 2.0, 2.1 and 2.2 (87 in all),
 * with the title WCAG 2.2 gives it, its level, and the versions that contain it.
 * 4.1.1 Parsing is in 2.0 and 2.1 but was removed from 2.2 (obsolete).
 */

export type WcagLevel = 'A' | 'AA' | 'AAA';
export type WcagVersion = '2.0' | '2.1' | '2.2';

export interface WcagCriterion {
  sc: string;
  title: string;
  level: WcagLevel;
  /** The WCAG versions whose text contains this criterion. */
  versions: WcagVersion[];
  /** Set on 4.1.1 Parsing only: removed in WCAG 2.2. */
  obsolete?: true;
  understandingUrl: string;
}

const ALL: WcagVersion[] = ['2.0', '2.1', '2.2'];
const FROM_21: WcagVersion[] = ['2.1', '2.2'];
const ONLY_22: WcagVersion[] = ['2.2'];

/** [sc, title (as in WCAG 2.2), level, versions] */
const rows: Array<[string, string, WcagLevel, WcagVersion[]]> = [
  ['1.1.1', 'Non-text Content', 'A', ALL],
  ['1.2.1', 'Audio-only and Video-only (Prerecorded)', 'A', ALL],
  ['1.2.2', 'Captions (Prerecorded)', 'A', ALL],
  ['1.2.3', 'Audio Description or Media Alternative (Prerecorded)', 'A', ALL],
  ['1.2.4', 'Captions (Live)', 'AA', ALL],
  ['1.2.5', 'Audio Description (Prerecorded)', 'AA', ALL],
  ['1.2.6', 'Sign Language (Prerecorded)', 'AAA', ALL],
  ['1.2.7', 'Extended Audio Description (Prerecorded)', 'AAA', ALL],
  ['1.2.8', 'Media Alternative (Prerecorded)', 'AAA', ALL],
  ['1.2.9', 'Audio-only (Live)', 'AAA', ALL],
  ['1.3.1', 'Info and Relationships', 'A', ALL],
  ['1.3.2', 'Meaningful Sequence', 'A', ALL],
  ['1.3.3', 'Sensory Characteristics', 'A', ALL],
  ['1.3.4', 'Orientation', 'AA', FROM_21],
  ['1.3.5', 'Identify Input Purpose', 'AA', FROM_21],
  ['1.3.6', 'Identify Purpose', 'AAA', FROM_21],
  ['1.4.1', 'Use of Color', 'A', ALL],
  ['1.4.2', 'Audio Control', 'A', ALL],
  ['1.4.3', 'Contrast (Minimum)', 'AA', ALL],
  ['1.4.4', 'Resize Text', 'AA', ALL],
  ['1.4.5', 'Images of Text', 'AA', ALL],
  ['1.4.6', 'Contrast (Enhanced)', 'AAA', ALL],
  ['1.4.7', 'Low or No Background Audio', 'AAA', ALL],
  ['1.4.8', 'Visual Presentation', 'AAA', ALL],
  ['1.4.9', 'Images of Text (No Exception)', 'AAA', ALL],
  ['1.4.10', 'Reflow', 'AA', FROM_21],
  ['1.4.11', 'Non-text Contrast', 'AA', FROM_21],
  ['1.4.12', 'Text Spacing', 'AA', FROM_21],
  ['1.4.13', 'Content on Hover or Focus', 'AA', FROM_21],
  ['2.1.1', 'Keyboard', 'A', ALL],
  ['2.1.2', 'No Keyboard Trap', 'A', ALL],
  ['2.1.3', 'Keyboard (No Exception)', 'AAA', ALL],
  ['2.1.4', 'Character Key Shortcuts', 'A', FROM_21],
  ['2.2.1', 'Timing Adjustable', 'A', ALL],
  ['2.2.2', 'Pause, Stop, Hide', 'A', ALL],
  ['2.2.3', 'No Timing', 'AAA', ALL],
  ['2.2.4', 'Interruptions', 'AAA', ALL],
  ['2.2.5', 'Re-authenticating', 'AAA', ALL],
  ['2.2.6', 'Timeouts', 'AAA', FROM_21],
  ['2.3.1', 'Three Flashes or Below Threshold', 'A', ALL],
  ['2.3.2', 'Three Flashes', 'AAA', ALL],
  ['2.3.3', 'Animation from Interactions', 'AAA', FROM_21],
  ['2.4.1', 'Bypass Blocks', 'A', ALL],
  ['2.4.2', 'Page Titled', 'A', ALL],
  ['2.4.3', 'Focus Order', 'A', ALL],
  ['2.4.4', 'Link Purpose (In Context)', 'A', ALL],
  ['2.4.5', 'Multiple Ways', 'AA', ALL],
  ['2.4.6', 'Headings and Labels', 'AA', ALL],
  ['2.4.7', 'Focus Visible', 'AA', ALL],
  ['2.4.8', 'Location', 'AAA', ALL],
  ['2.4.9', 'Link Purpose (Link Only)', 'AAA', ALL],
  ['2.4.10', 'Section Headings', 'AAA', ALL],
  ['2.4.11', 'Focus Not Obscured (Minimum)', 'AA', ONLY_22],
  ['2.4.12', 'Focus Not Obscured (Enhanced)', 'AAA', ONLY_22],
  ['2.4.13', 'Focus Appearance', 'AAA', ONLY_22],
  ['2.5.1', 'Pointer Gestures', 'A', FROM_21],
  ['2.5.2', 'Pointer Cancellation', 'A', FROM_21],
  ['2.5.3', 'Label in Name', 'A', FROM_21],
  ['2.5.4', 'Motion Actuation', 'A', FROM_21],
  ['2.5.5', 'Target Size (Enhanced)', 'AAA', FROM_21],
  ['2.5.6', 'Concurrent Input Mechanisms', 'AAA', FROM_21],
  ['2.5.7', 'Dragging Movements', 'AA', ONLY_22],
  ['2.5.8', 'Target Size (Minimum)', 'AA', ONLY_22],
  ['3.1.1', 'Language of Page', 'A', ALL],
  ['3.1.2', 'Language of Parts', 'AA', ALL],
  ['3.1.3', 'Unusual Words', 'AAA', ALL],
  ['3.1.4', 'Abbreviations', 'AAA', ALL],
  ['3.1.5', 'Reading Level', 'AAA', ALL],
  ['3.1.6', 'Pronunciation', 'AAA', ALL],
  ['3.2.1', 'On Focus', 'A', ALL],
  ['3.2.2', 'On Input', 'A', ALL],
  ['3.2.3', 'Consistent Navigation', 'AA', ALL],
  ['3.2.4', 'Consistent Identification', 'AA', ALL],
  ['3.2.5', 'Change on Request', 'AAA', ALL],
  ['3.2.6', 'Consistent Help', 'A', ONLY_22],
  ['3.3.1', 'Error Identification', 'A', ALL],
  ['3.3.2', 'Labels or Instructions', 'A', ALL],
  ['3.3.3', 'Error Suggestion', 'AA', ALL],
  ['3.3.4', 'Error Prevention (Legal, Financial, Data)', 'AA', ALL],
  ['3.3.5', 'Help', 'AAA', ALL],
  ['3.3.6', 'Error Prevention (All)', 'AAA', ALL],
  ['3.3.7', 'Redundant Entry', 'A', ONLY_22],
  ['3.3.8', 'Accessible Authentication (Minimum)', 'AA', ONLY_22],
  ['3.3.9', 'Accessible Authentication (Enhanced)', 'AAA', ONLY_22],
  ['4.1.1', 'Parsing', 'A', ['2.0', '2.1']],
  ['4.1.2', 'Name, Role, Value', 'A', ALL],
  ['4.1.3', 'Status Messages', 'AA', FROM_21],
];

/** "Pause, Stop, Hide" → "pause-stop-hide": W3C's slug for the Understanding document. */
function understandingSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[(),]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

export const WCAG_CRITERIA: readonly WcagCriterion[] = rows.map(([sc, title, level, versions]) => ({
  sc,
  title,
  level,
  versions: [...versions],
  ...(sc === '4.1.1' ? { obsolete: true as const } : {}),
  understandingUrl: `https://www.w3.org/WAI/WCAG22/Understanding/${understandingSlug(title)}.html`,
}));

const bySc = new Map(WCAG_CRITERIA.map((c) => [c.sc, c]));

/** The criterion numbered `sc` ("1.1.1"), or undefined if WCAG 2.x has no such criterion. */
export function wcagCriterion(sc: string): WcagCriterion | undefined {
  return bySc.get(sc.trim());
}

const LEVEL_RANK: Record<WcagLevel, number> = { A: 1, AA: 2, AAA: 3 };

/**
 * The criteria a conformance claim at `level` against WCAG `version` must meet:
 * every criterion of that version at that level or below (AA includes A).
 */
export function criteriaIn(version: WcagVersion, level: WcagLevel): WcagCriterion[] {
  return WCAG_CRITERIA.filter((c) => c.versions.includes(version) && LEVEL_RANK[c.level] <= LEVEL_RANK[level]);
}

/** The first WCAG version that contains `sc` ("2.0", "2.1" or "2.2"). */
export function introducedIn(criterion: WcagCriterion): WcagVersion {
  return criterion.versions[0];
}

/** Numeric order of criterion numbers: 1.4.2 < 1.4.10 < 2.1.1. Unknown shapes sort last, by text. */
export function compareSc(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return 0;
}

/**
 * WCAG criteria named by axe-core tags: "wcag111" → "1.1.1", "wcag1412" → "1.4.12", "wcag2411" → "2.4.11".
 * Level tags ("wcag2a", "wcag21aa", "wcag2a-obsolete") are not criteria and are skipped,
 * as is any number WCAG does not have.
 */
export function wcagFromAxeTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const m = /^wcag([1-4])(\d)(\d{1,2})$/.exec(tag);
    if (!m) continue;
    const sc = `${m[1]}.${m[2]}.${Number(m[3])}`;
    if (bySc.has(sc)) out.add(sc);
  }
  return [...out].sort(compareSc);
}
