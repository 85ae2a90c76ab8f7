/**
 * DHS Trusted Tester v5 test ids ("7.A") and the WCAG criteria each test covers.
 *
 * Source: the Trusted Tester Section 508 Conformance Test Process, version 5, Appendix A
 * (test → requirement cross-reference). The ids agree with every TT tag axe-core 4.14 uses
 * (TT2.a TT2.b TT4.a TT5.c TT6.a TT7.a TT7.b TT8.a TT9.a TT11.a TT11.b TT12.a TT12.d TT13.a
 * TT13.c TT14.b TT17.a). Titles here are short descriptions, not the process's wording.
 */
import { compareSc } from './wcag.ts';

export interface TrustedTesterTest {
  /** "7.A" */
  id: string;
  /** The process's test name, e.g. "1.1.1-meaningful-image-name". */
  name: string;
  title: string;
  /**
   * WCAG criteria the test covers. The first is the test's own criterion (the one its name
   * starts with); any others are also cited by the process for this test.
   */
  wcag: string[];
  /** Non-WCAG requirements the test covers (508 503.4, WCAG conformance requirements). */
  other?: string[];
}

/** [id, name, title, wcag, other] */
const rows: Array<[string, string, string, string[], string[]?]> = [
  ['1.A', 'Alt-version-conformant', 'Alternate version conforms', [], ['WCAG Conformance Requirement 1']],
  ['1.B', 'Alt-version-equivalent', 'Alternate version is equivalent', [], ['WCAG Conformance Requirement 1']],
  ['1.C', 'Alt-version-access', 'Alternate version can be reached', [], ['WCAG Conformance Requirement 1']],
  ['1.D', 'Alt-version-nc-access', 'Alternate version reachable from non-conforming content', [], ['WCAG Conformance Requirement 1']],
  ['1.E', 'non-interference', 'Non-conforming content does not interfere', [], ['WCAG Conformance Requirement 5']],
  ['2.A', '1.4.2-audio-control', 'Auto-playing audio can be controlled', ['1.4.2'], ['WCAG Conformance Requirement 5']],
  ['2.B', '2.2.2-blinking-moving-scrolling', 'Blinking, moving or scrolling content can be paused', ['2.2.2'], ['WCAG Conformance Requirement 5']],
  ['2.C', '2.2.2-auto-updating', 'Auto-updating content can be paused', ['2.2.2'], ['WCAG Conformance Requirement 5']],
  ['2.D', '4.1.2-change-notify-auto', 'Automatic changes are notified', ['4.1.2']],
  ['3.A', '2.3.1-flashing', 'No content flashes above the threshold', ['2.3.1'], ['WCAG Conformance Requirement 5']],
  ['4.A', '2.1.1-keyboard-access', 'Keyboard access', ['2.1.1']],
  ['4.B', '2.1.1-no-keystroke-timing', 'No keystroke timing required', ['2.1.1']],
  ['4.C', '2.1.2-no-keyboard-trap', 'No keyboard trap', ['2.1.2'], ['WCAG Conformance Requirement 5']],
  ['4.D', '2.4.7-focus-visible', 'Focus visible', ['2.4.7']],
  ['4.E', '3.2.1-on-focus', 'No change of context on focus', ['3.2.1']],
  ['4.F', '2.4.3-focus-order-meaning', 'Focus order preserves meaning', ['2.4.3']],
  ['4.G', '2.4.3-focus-order-reveal', 'Focus moves into revealed content', ['2.4.3']],
  ['4.H', '2.4.3-focus-order-return', 'Focus returns after dismissing content', ['2.4.3']],
  ['5.A', '3.3.2-label-provided', 'Form fields have labels or instructions', ['3.3.2']],
  ['5.B', '2.4.6-label-descriptive', 'Form labels are descriptive', ['2.4.6']],
  ['5.C', '1.3.1-programmatic-label', 'Form fields are labelled programmatically', ['1.3.1', '4.1.2']],
  ['5.D', '3.2.2-on-input', 'No unexpected change of context on input', ['3.2.2']],
  ['5.E', '4.1.2-change-notify-form', 'Form changes are notified', ['4.1.2']],
  ['5.F', '3.3.1-error-identification', 'Input errors are identified', ['3.3.1']],
  ['5.G', '3.3.3-error-suggestion', 'Input errors come with suggestions', ['3.3.3']],
  ['5.H', '3.3.4-error-prevention', 'Legal, financial and data submissions can be checked or reversed', ['3.3.4']],
  ['6.A', '2.4.4-link-purpose', 'Link and button purpose and name', ['2.4.4', '4.1.2']],
  ['6.B', '4.1.2-change-notify-links', 'Link and button changes are notified', ['4.1.2']],
  ['7.A', '1.1.1-meaningful-image-name', 'Meaningful images have an equivalent name', ['1.1.1', '4.1.2']],
  ['7.B', '1.1.1-decorative-image', 'Decorative images are hidden from assistive technology', ['1.1.1', '4.1.2']],
  ['7.C', '1.1.1-decorative-background-image', 'Meaningful background images have an alternative', ['1.1.1', '4.1.2']],
  ['7.D', '1.1.1-captcha-alternative', 'CAPTCHA has an alternative form', ['1.1.1', '4.1.2']],
  ['7.E', '1.4.5-image-of-text', 'No images of text', ['1.4.5']],
  ['8.A', '2.2.1-timing-adjustable', 'Time limits can be adjusted', ['2.2.1']],
  ['9.A', '2.4.1-bypass-function', 'Repeated blocks can be bypassed', ['2.4.1']],
  ['9.B', '3.2.3-consistent-navigation', 'Navigation is consistent', ['3.2.3']],
  ['9.C', '3.2.4-consistent-identification', 'Components are identified consistently', ['3.2.4']],
  ['10.A', '2.4.6-heading-purpose', 'Headings describe their sections', ['2.4.6']],
  ['10.B', '1.3.1-heading-determinable', 'Visual headings are marked up as headings', ['1.3.1']],
  ['10.C', '1.3.1-heading-level', 'Heading levels match the visual structure', ['1.3.1']],
  ['10.D', '1.3.1-list-type', 'Lists are marked up as lists of the right type', ['1.3.1']],
  ['11.A', '3.1.1-page-language-defined', 'Page language is defined', ['3.1.1']],
  ['11.B', '3.1.2-part-language-defined', 'Language of parts is defined', ['3.1.2']],
  ['12.A', '2.4.2-page-title-defined', 'Page title is defined', ['2.4.2']],
  ['12.B', '2.4.2-page-title-purpose', 'Page title describes the page', ['2.4.2']],
  ['12.C', '4.1.2-frame-title', 'Frames have titles', ['4.1.2']],
  ['12.D', '4.1.2-iframe-name', 'Iframes have names', ['4.1.2']],
  ['13.A', '1.4.1-color-meaning', 'Color is not the only means of conveying meaning', ['1.4.1']],
  ['13.B', '1.3.3-sensory-info', 'Instructions do not rely on sensory characteristics alone', ['1.3.3']],
  ['13.C', '1.4.3-contrast', 'Text contrast', ['1.4.3']],
  ['14.A', '1.3.1-table-identification', 'Data tables are identified as tables', ['1.3.1']],
  ['14.B', '1.3.1-cell-header-association', 'Data cells are associated with their headers', ['1.3.1']],
  ['14.C', '1.3.1-layout-table-structure', 'Layout tables carry no data-table structure', ['1.3.1']],
  ['15.A', '1.3.1-meaningful-content-css-before-after', 'No meaningful content inserted by CSS', ['1.3.1']],
  ['15.B', '1.3.2-content-order-meaning-CSS-position', 'Reading order is meaningful without CSS positioning', ['1.3.2']],
  ['16.A', '1.2.1-audio-transcript-text', 'Prerecorded audio has a transcript', ['1.2.1']],
  ['16.B', '1.2.1-video-alternative-equivalent', 'Prerecorded video-only has an alternative', ['1.2.1']],
  ['17.A', '1.2.2-captions-equivalent', 'Prerecorded synchronized media has captions', ['1.2.2']],
  ['17.B', '1.2.5-audio-description-equivalent', 'Prerecorded video has audio description', ['1.2.5']],
  ['17.C', '1.2.4-captions-live-equivalent', 'Live media has captions', ['1.2.4']],
  ['17.D', '503.4-caption-description-controls', 'Player offers caption and description controls', [], ['508 503.4']],
  ['17.E', '503.4.1-caption-control', 'Caption controls at the same level as volume or program controls', [], ['508 503.4.1']],
  ['17.F', '503.4.2-description-control', 'Audio description controls at the same level as volume or program controls', [], ['508 503.4.2']],
  ['18.A', '1.4.4-resize-text', 'Text resizes to 200%', ['1.4.4']],
  ['19.A', '2.4.5-multiple-ways', 'More than one way to find a page', ['2.4.5']],
  ['20.A', '4.1.1-parsing', 'Markup parses without errors that affect access', ['4.1.1']],
];

export const TRUSTED_TESTER_TESTS: readonly TrustedTesterTest[] = rows.map(([id, name, title, wcag, other]) => ({
  id,
  name,
  title,
  wcag,
  ...(other ? { other } : {}),
}));

const byId = new Map(TRUSTED_TESTER_TESTS.map((t) => [t.id, t]));

export function trustedTesterTest(id: string): TrustedTesterTest | undefined {
  return byId.get(id);
}

/**
 * A Trusted Tester id from one axe-core tag: "TT7.a" → "7.A", "TT10.b" → "10.B".
 * "TTv5" (the version marker) and anything else → undefined.
 */
export function parseTrustedTesterTag(tag: string): string | undefined {
  const m = /^TT(\d{1,2})\.([a-z])$/i.exec(tag);
  if (!m) return undefined;
  return `${Number(m[1])}.${m[2].toUpperCase()}`;
}

/** Order "2.A" < "7.B" < "10.A" < "12.D". */
export function compareTrustedTesterIds(a: string, b: string): number {
  const [na, la = ''] = a.split('.');
  const [nb, lb = ''] = b.split('.');
  return Number(na) - Number(nb) || la.localeCompare(lb);
}

/** The Trusted Tester ids named by a list of axe tags, deduplicated and ordered. */
export function trustedTesterFromAxeTags(tags: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const tag of tags) {
    const id = parseTrustedTesterTag(tag);
    if (id) ids.add(id);
  }
  return [...ids].sort(compareTrustedTesterIds);
}

/** Every test whose own (first-listed) criterion is `sc`. */
export function trustedTesterTestsFor(sc: string): TrustedTesterTest[] {
  return TRUSTED_TESTER_TESTS.filter((t) => t.wcag[0] === sc);
}

/** Every test that cites `sc` at all, as its own criterion or besides it (e.g. 4.1.2 for 7.A). */
export function trustedTesterTestsCiting(sc: string): TrustedTesterTest[] {
  return TRUSTED_TESTER_TESTS.filter((t) => t.wcag.includes(sc));
}

/**
 * WCAG criterion → the Trusted Tester test id a finding on it falls under, for findings that
 * carry no TT tag of their own (Portico's audits, HTML_CodeSniffer). Only criteria that exactly
 * one test has as its own criterion are in the map: a failed 1.4.3 is test 13.C, but a failed
 * 1.1.1 could be 7.A, 7.B, 7.C or 7.D, and guessing would cite the wrong test.
 */
export const TRUSTED_TESTER_BY_CRITERION: ReadonlyMap<string, string> = (() => {
  const counts = new Map<string, TrustedTesterTest[]>();
  for (const t of TRUSTED_TESTER_TESTS) {
    const own = t.wcag[0];
    if (!own) continue;
    counts.set(own, [...(counts.get(own) ?? []), t]);
  }
  const entries = [...counts].filter(([, tests]) => tests.length === 1).map(([sc, [t]]) => [sc, t.id] as const);
  return new Map(entries.sort(([a], [b]) => compareSc(a, b)));
})();
