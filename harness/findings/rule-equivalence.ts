/**
 * One canonical rule id per check, across engines, so that a violation reported by axe and by
 * HTML_CodeSniffer on the same element becomes ONE finding (dedupe key: rule, element, checkpoint).
 *
 * - axe: its rule id.
 * - Lighthouse: its accessibility audit ids ARE axe rule ids (image-alt, color-contrast, …).
 * - HTML_CodeSniffer: the axe rule that tests the same thing on the same element, where one does
 *   (listed below, each checked against both engines' sources); otherwise "htmlcs:<check>", e.g.
 *   "htmlcs:1.3.1.H44.NonExistentFragment", which keeps every distinct HTML_CodeSniffer check apart.
 *
 * An equivalence is listed only when both engines look at the same element for the same defect.
 * A wrong one would merge two different defects, or put an axe rule's name on something axe
 * never tested, so near-misses are left out on purpose (see NOT_EQUIVALENT).
 */
import { htmlcsCheckId, parseHtmlcsCode } from '../standards/htmlcs-codes.ts';

export type RuleEngine = 'axe' | 'htmlcs' | 'lighthouse';

export interface HtmlcsEquivalence {
  /** The sniff's criterion. */
  sc: string;
  technique: string;
  /** The exact sub-codes this covers; [''] = the code with no sub-code. */
  subCodes: string[];
  axe: string;
  /**
   * Elements (lower-case tag names) the axe rule applies to. When the caller knows the element
   * HTML_CodeSniffer reported, an equivalence is used only for these; absent = any element.
   */
  elements?: string[];
  /** Used only when the caller names one of `elements` (an alternative for a specific element). */
  onlyForElements?: true;
}

const NO_SUB = [''];
const CONTRAST_SUBCODES = ['Fail', 'Abs', 'BgImage', 'Alpha'];
/** HTML_CodeSniffer's H91 sub-codes for inputs that axe's `label` rule covers (all but hidden/image/button types). */
const LABELLED_INPUTS = [
  'Text', 'Password', 'File', 'Checkbox', 'Radio', 'Email', 'Search', 'Date', 'Datetime-local',
  'Month', 'Number', 'Tel', 'Time', 'Url', 'Week', 'Range', 'Color',
];

export const HTMLCS_EQUIVALENTS: readonly HtmlcsEquivalence[] = [
  // 1.1.1 — img without alt (not the only content of a link: that is H30.2).
  { sc: '1.1.1', technique: 'H37', subCodes: NO_SUB, axe: 'image-alt', elements: ['img'] },
  // 1.1.1 — <input type=image> without alt.
  { sc: '1.1.1', technique: 'H36', subCodes: NO_SUB, axe: 'input-image-alt', elements: ['input'] },
  // 1.1.1 — <area> without alt.
  { sc: '1.1.1', technique: 'H24', subCodes: NO_SUB, axe: 'area-alt', elements: ['area'] },
  // 1.1.1 — a link whose only content is an img without alt text: reported on the <a>, as axe's link-name is.
  { sc: '1.1.1', technique: 'H30', subCodes: ['2'], axe: 'link-name', elements: ['a'] },
  // 1.3.1 — form control with no label (input text/password/file/checkbox/radio, textarea, select).
  { sc: '1.3.1', technique: 'F68', subCodes: NO_SUB, axe: 'label', elements: ['input', 'textarea'] },
  { sc: '1.3.1', technique: 'F68', subCodes: NO_SUB, axe: 'select-name', elements: ['select'], onlyForElements: true },
  // 1.3.1 — a <p> that looks like a heading (HTML_CodeSniffer also checks <div>; axe only <p>).
  { sc: '1.3.1', technique: 'H42', subCodes: NO_SUB, axe: 'p-as-heading', elements: ['p'] },
  // 1.3.1 — heading element with no content.
  { sc: '1.3.1', technique: 'H42', subCodes: ['2'], axe: 'empty-heading', elements: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] },
  // 1.4.3 — text contrast below 4.5:1 (G18) or 3:1 for large text (G145); Abs/BgImage/Alpha are can't-tell.
  { sc: '1.4.3', technique: 'G18', subCodes: CONTRAST_SUBCODES, axe: 'color-contrast' },
  { sc: '1.4.3', technique: 'G145', subCodes: CONTRAST_SUBCODES, axe: 'color-contrast' },
  // 1.4.6 — enhanced contrast: 7:1 (G18) or 4.5:1 for large text (G17).
  { sc: '1.4.6', technique: 'G18', subCodes: CONTRAST_SUBCODES, axe: 'color-contrast-enhanced' },
  { sc: '1.4.6', technique: 'G17', subCodes: CONTRAST_SUBCODES, axe: 'color-contrast-enhanced' },
  // 2.2.1 — <meta http-equiv=refresh> with a delay: redirect (F40.2) or reload (F41.2).
  { sc: '2.2.1', technique: 'F40', subCodes: ['2'], axe: 'meta-refresh', elements: ['meta'] },
  { sc: '2.2.1', technique: 'F41', subCodes: ['2'], axe: 'meta-refresh', elements: ['meta'] },
  // 2.2.2 — <blink> element.
  { sc: '2.2.2', technique: 'F47', subCodes: NO_SUB, axe: 'blink', elements: ['blink'] },
  // 2.4.1 — <iframe> without a title.
  { sc: '2.4.1', technique: 'H64', subCodes: ['1'], axe: 'frame-title', elements: ['iframe'] },
  // 2.4.2 — no <title>, or an empty one (page-level: HTML_CodeSniffer reports <head>/<title>, axe <html>).
  { sc: '2.4.2', technique: 'H25', subCodes: ['1.NoTitleEl', '1.EmptyTitle'], axe: 'document-title' },
  // 3.1.1 — <html> without lang; <html> lang / xml:lang not a valid language tag.
  { sc: '3.1.1', technique: 'H57', subCodes: ['2'], axe: 'html-has-lang' },
  { sc: '3.1.1', technique: 'H57', subCodes: ['3.Lang', '3.XmlLang'], axe: 'html-lang-valid' },
  // 3.1.2 — lang / xml:lang on an element other than <html> not a valid language tag.
  { sc: '3.1.2', technique: 'H58', subCodes: ['1.Lang', '1.XmlLang'], axe: 'valid-lang' },
  // 4.1.1 — duplicate id. axe splits this three ways (duplicate-id, -active, -aria) and now treats
  // 4.1.1 as obsolete; the canonical id stays `duplicate-id`.
  { sc: '4.1.1', technique: 'F77', subCodes: NO_SUB, axe: 'duplicate-id' },
  // 4.1.2 — name of a form control or button (H91.<element>.Name).
  { sc: '4.1.2', technique: 'H91', subCodes: ['Button.Name'], axe: 'button-name', elements: ['button'] },
  { sc: '4.1.2', technique: 'H91', subCodes: ['InputButton.Name'], axe: 'input-button-name', elements: ['input'] },
  { sc: '4.1.2', technique: 'H91', subCodes: ['InputImage.Name'], axe: 'input-image-alt', elements: ['input'] },
  { sc: '4.1.2', technique: 'H91', subCodes: ['Select.Name'], axe: 'select-name', elements: ['select'] },
  { sc: '4.1.2', technique: 'H91', subCodes: ['Textarea.Name'], axe: 'label', elements: ['textarea'] },
  { sc: '4.1.2', technique: 'H91', subCodes: LABELLED_INPUTS.map((t) => `Input${t}.Name`), axe: 'label', elements: ['input'] },
  // 4.1.2 — <div>/<span> with role=button and no name (HTML_CodeSniffer names the sub-code after the tag).
  { sc: '4.1.2', technique: 'H91', subCodes: ['Div.Name', 'Span.Name'], axe: 'aria-command-name', elements: ['div', 'span'] },
  // 4.1.2 — <a href> with no content, title or aria label, and no img inside.
  { sc: '4.1.2', technique: 'H91', subCodes: ['A.NoContent'], axe: 'link-name', elements: ['a'] },
];

/**
 * HTML_CodeSniffer checks that look like an axe rule but are not the same check; they keep
 * their own htmlcs: id. Kept here, with the reason, so nobody "fixes" them into a false merge.
 */
export const NOT_EQUIVALENT: Readonly<Record<string, string>> = {
  '4.1.2.H91.A.Empty': '<a> with no href: axe link-name tests only a[href].',
  '4.1.2.H91.A.EmptyNoId': '<a> with no href: axe link-name tests only a[href].',
  '4.1.2.H91.A.EmptyWithName': '<a> with no href: axe link-name tests only a[href].',
  '4.1.2.H91.A.NoHref': '<a> with no href: axe link-name tests only a[href].',
  '4.1.2.H91.A.Placeholder': '<a> with no href: axe link-name tests only a[href].',
  '4.1.2.H91.A.Name': '<a role=button> with no name: not the link-name check.',
  '4.1.2.H91.Fieldset.Name': 'fieldset without legend: no axe rule.',
  '1.3.1.G141':
    'Heading levels: also fires when the first heading is not h1, which axe heading-order does not test.',
  '1.3.1.F68.Hidden': 'Warning about a labelled hidden input: not a missing label.',
  '1.4.3.F24.BGColour': 'Foreground set without background: no axe rule.',
  '2.2.2.F4': 'CSS text-decoration: blink; axe blink tests only the <blink> element.',
};

function htmlcsCanonical(code: string, nodeName?: string): string {
  const parsed = parseHtmlcsCode(code);
  if (!parsed) return `htmlcs:${code}`;
  const element = nodeName?.toLowerCase();
  if (parsed.sc.length === 1 && parsed.techniques.length === 1) {
    const subCode = parsed.subCode ?? '';
    const candidates = HTMLCS_EQUIVALENTS.filter(
      (e) => e.sc === parsed.sc[0] && e.technique === parsed.techniques[0] && e.subCodes.includes(subCode),
    );
    const chosen = element
      ? candidates.find((e) => !e.elements || e.elements.includes(element))
      : candidates.find((e) => !e.onlyForElements);
    if (chosen) return chosen.axe;
  }
  return `htmlcs:${htmlcsCheckId(parsed)}`;
}

/**
 * The canonical rule id of an engine's rule code. For HTML_CodeSniffer, `nodeName` (the tag of
 * the element it reported, when known) refines the choice: F68 on a <select> is axe's
 * select-name, not label; H42 on a <div> is no axe rule.
 */
export function canonicalRuleId(engine: RuleEngine, code: string, nodeName?: string): string {
  const trimmed = code.trim();
  if (engine === 'axe' || engine === 'lighthouse') return trimmed;
  return htmlcsCanonical(trimmed, nodeName);
}

/** True when a canonical id came from HTML_CodeSniffer alone (no axe equivalent). */
export function isHtmlcsOnlyRule(canonicalId: string): boolean {
  return canonicalId.startsWith('htmlcs:');
}

/**
 * Rules about the document as a whole. Engines report them on different elements
 * (<html>, <head>, <title>, the document), so a dedupe should key them by page, not element.
 */
export const PAGE_LEVEL_RULES: ReadonlySet<string> = new Set([
  'document-title',
  'html-has-lang',
  'html-lang-valid',
  'html-xml-lang-mismatch',
  'bypass',
  'landmark-one-main',
  'page-has-heading-one',
]);

const TITLES: Readonly<Record<string, string>> = {
  'image-alt': 'Images have alternative text',
  'input-image-alt': 'Image buttons have alternative text',
  'area-alt': 'Image map areas have alternative text',
  'link-name': 'Links have an accessible name',
  label: 'Form fields have labels',
  'select-name': 'Select lists have an accessible name',
  'p-as-heading': 'Styled paragraphs are not used as headings',
  'empty-heading': 'Headings are not empty',
  'color-contrast': 'Text has enough contrast (WCAG AA)',
  'color-contrast-enhanced': 'Text has enhanced contrast (WCAG AAA)',
  'meta-refresh': 'No timed refresh or redirect',
  blink: 'No <blink> elements',
  'frame-title': 'Frames have an accessible name',
  'document-title': 'The page has a title',
  'html-has-lang': 'The page declares its language',
  'html-lang-valid': "The page's language is a valid language tag",
  'valid-lang': 'Language changes use valid language tags',
  'duplicate-id': 'id values are unique',
  'button-name': 'Buttons have an accessible name',
  'input-button-name': 'Input buttons have an accessible name',
  'aria-command-name': 'ARIA buttons, links and menu items have an accessible name',
};

/** A short human title for a canonical rule id, where one is known. */
export function ruleTitle(canonicalId: string): string | undefined {
  return TITLES[canonicalId];
}

/**
 * Rules about the target as a whole, not one page: met at every checkpoint of a journey, they are
 * ONE finding per target and persona (keyed by neither page, checkpoint nor flow).
 */
export const TARGET_LEVEL_RULES: ReadonlySet<string> = new Set([
  'language-not-offered',
]);
