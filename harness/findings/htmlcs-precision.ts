/**
 * HTML_CodeSniffer error checks that have NOT earned "barrier": measured by `npm run bench:act`
 * on the W3C ACT rules' approved test cases, each fails passed or inapplicable cases of rules
 * about its own criterion. Their errors are reported `cantTell` unless another engine or a
 * Portico audit fails the same element under the same criterion (corroborate.ts).
 *
 * `check` is htmlcsCheckId(): the criterion and message code, independent of the standard.
 * Counts are cases of rules about the check's criterion (or the criteria of the axe rule it is filed under): right = expected-failed cases it
 * reported, wrong = passed/inapplicable cases it reported. Re-measure when HTML_CodeSniffer changes.
 */
import { htmlcsCheckId, parseHtmlcsCode } from '../standards/htmlcs-codes.ts';

export interface UnearnedCheck {
  check: string;
  rightOnCorpus: number;
  falseFails: number;
  /** What the passing cases it fails have in common. */
  why: string;
}

// Measured with HTML_CodeSniffer 2.6 (pa11y 10), WCAG2AA, on the 558 approved cases (2026-12-02).
export const UNEARNED_HTMLCS_CHECKS: readonly UnearnedCheck[] = [
  { check: '1.4.3.G18.Fail', rightOnCorpus: 5, falseFails: 9, why: 'text hidden from everyone (aria-hidden), labels of disabled fields, text with a contrasting text-shadow, symbols that are not text: it rates every element with text' },
  { check: '1.1.1.H53,ARIA6', rightOnCorpus: 5, falseFails: 6, why: '<object> named by title or aria-label, or rendering audio/video/nothing: it wants fallback content inside every <object>' },
  { check: '1.1.1.H36', rightOnCorpus: 3, falseFails: 4, why: '<input type=image> named by title, aria-label or aria-labelledby: it accepts only alt' },
  { check: '1.1.1.H37', rightOnCorpus: 3, falseFails: 4, why: '<img> named by title, role=none/presentation, or hidden: it wants an alt attribute on every <img>' },
  { check: '4.1.2.H91.Button.Name', rightOnCorpus: 6, falseFails: 3, why: 'buttons that are hidden (display:none, a hidden menu), or role=none and disabled' },
  { check: '4.1.2.H91.InputText.Name', rightOnCorpus: 3, falseFails: 2, why: 'fields named by placeholder, or whose role attribute is blank' },
  { check: '1.3.5.H98', rightOnCorpus: 2, falseFails: 2, why: 'valid autocomplete tokens it does not know (username, bday-day on type=tel)' },
  { check: '2.4.2.H25.1.NoTitleEl', rightOnCorpus: 2, falseFails: 2, why: 'a <title> that the parser moved into <body> (still the document title)' },
  { check: '3.1.2.H58.1.Lang', rightOnCorpus: 2, falseFails: 2, why: 'lang="en-US-GB" (well-formed BCP 47: a primary tag with subtags) and lang="" (no language)' },
  { check: '2.2.1.F41.2', rightOnCorpus: 5, falseFails: 1, why: "a refresh delay over 20 hours (the rule's exception)" },
  { check: '3.1.1.H57.3.Lang', rightOnCorpus: 3, falseFails: 1, why: 'lang="en-US-GB": a known primary subtag, so a valid language for 3.1.1' },
  { check: '4.1.2.H91.InputCheckbox.Name', rightOnCorpus: 2, falseFails: 1, why: 'a disabled checkbox with role=none inside presentational content' },
  { check: '4.1.2.H91.InputImage.Name', rightOnCorpus: 2, falseFails: 1, why: 'an image button hidden with display:none' },
  { check: '3.1.1.H57.2', rightOnCorpus: 1, falseFails: 1, why: 'an XML document whose root is html without lang (not an HTML page)' },
  { check: '1.1.1.H30.2', rightOnCorpus: 7, falseFails: 5, why: 'a link around an image named by aria-label, aria-labelledby or the link title, or a hidden link: it accepts only the image alt' },
  { check: '1.3.1.F68', rightOnCorpus: 6, falseFails: 4, why: 'fields named by placeholder, disabled fields with role=none, a field with a blank role attribute' },
  { check: '1.1.1.H24', rightOnCorpus: 1, falseFails: 1, why: 'an <area> outside any <map> (not rendered)' },
  { check: '1.3.1.F92,ARIA4', rightOnCorpus: 0, falseFails: 1, why: 'a layout table (role=presentation) whose cells use headers' },
  { check: '1.3.1.H43.HeadersRequired', rightOnCorpus: 0, falseFails: 1, why: 'a table whose header cells use headers to point at other header cells' },
  { check: '4.1.2.H91.A.EmptyNoId', rightOnCorpus: 0, falseFails: 1, why: 'an <a> with no href (not a link)' },
  { check: '4.1.2.H91.InputButton.Name', rightOnCorpus: 0, falseFails: 1, why: '<input type=reset>, named by the browser ("Reset")' },
  { check: '4.1.2.H91.Select.Name', rightOnCorpus: 0, falseFails: 1, why: 'a disabled <select> with role=none' },
];

const byCheck = new Map(UNEARNED_HTMLCS_CHECKS.map((c) => [c.check, c]));

/** The measured record of a check (htmlcsCheckId), when it has not earned "barrier". */
export const unearnedCheck = (check: string): UnearnedCheck | undefined => byCheck.get(check);

/** The measured record of an HTML_CodeSniffer code's check, when that check has not earned "barrier". */
export function unearnedHtmlcsCheck(code: string): UnearnedCheck | undefined {
  const parsed = parseHtmlcsCode(code);
  return parsed ? byCheck.get(htmlcsCheckId(parsed)) : undefined;
}
