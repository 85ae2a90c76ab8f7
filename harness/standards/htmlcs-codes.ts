/**
 * HTML_CodeSniffer message codes, as pa11y returns them:
 *
 *   WCAG2AA.Principle1.Guideline1_1.1_1_1.H37
 *   <standard>.<principle>.<guideline>.<sniff>.<techniques and sub-code>
 *
 * HTML_CodeSniffer builds the code as `standard + '.' + sniffName + '.' + messageCode`. The sniff
 * segment is a criterion, sometimes with a variant suffix naming a sibling sniff file
 * (1_3_1_A and 1_3_1_AAA run 1.3.1's heading-order test at warning and error level; 1_4_3_F24).
 * The message code is comma-separated groups, each a technique optionally followed by
 * dot-separated sub-codes: "H44.NonExistentFragment", "G1,G123,G124.NoSuchID",
 * "G94,G92.Object,ARIA6", "H91.InputText.Name", "H25.1.NoTitleEl". It may be empty.
 */

export interface HtmlcsCode {
  /** The code as given. */
  code: string;
  /** "WCAG2A" | "WCAG2AA" | "WCAG2AAA" */
  standard: string;
  principle: number;
  /** "1.1" */
  guideline: string;
  /** Criteria of the sniff segment, e.g. ["1.3.1"]. */
  sc: string[];
  /** The sniff segment's suffix after the criterion: "A", "AAA", "F24", "Contrast"; absent when none. */
  variant?: string;
  /** WCAG technique ids in order: ["H37"], ["G1", "G123", "G124"]. */
  techniques: string[];
  /** Everything that is not a technique, dot-joined: "NonExistentFragment", "InputText.Name", "1.NoTitleEl". */
  subCode?: string;
  /** The message code after the sniff segment, verbatim ("H91.InputText.Name"; "" when none). */
  message: string;
}

/**
 * A WCAG technique id. The prefixes are those of the WCAG 2 Techniques (ARIA, C, F, G, H, PDF,
 * SCR, SL, SM, SVR, T, FLASH); HTML_CodeSniffer uses ARIA, C, F, G, H and SCR.
 */
export const TECHNIQUE_ID = /^(ARIA|SCR|SVR|PDF|FLASH|SL|SM|[CFGHT])\d+$/;

const STANDARD = /^WCAG2(A|AA|AAA)$/;
const PRINCIPLE = /^Principle([1-4])$/;
const GUIDELINE = /^Guideline([1-4])_(\d)$/;
const SNIFF_CRITERION = /^([1-4])_(\d)_(\d{1,2})(?:_([A-Za-z0-9]+))?$/;

/** Parse a WCAG2 HTML_CodeSniffer code; undefined for anything else (e.g. pa11y's Section508 sniffs). */
export function parseHtmlcsCode(code: string): HtmlcsCode | undefined {
  const parts = code.trim().split('.');
  if (parts.length < 4) return undefined;
  const [standard, principleSeg, guidelineSeg, sniffSeg] = parts;
  if (!STANDARD.test(standard)) return undefined;
  const p = PRINCIPLE.exec(principleSeg);
  const g = GUIDELINE.exec(guidelineSeg);
  if (!p || !g || g[1] !== p[1]) return undefined;

  const sc: string[] = [];
  let variant: string | undefined;
  for (const piece of sniffSeg.split(',')) {
    const m = SNIFF_CRITERION.exec(piece);
    if (!m || m[1] !== g[1] || m[2] !== g[2]) return undefined;
    const criterion = `${m[1]}.${m[2]}.${Number(m[3])}`;
    if (!sc.includes(criterion)) sc.push(criterion);
    if (m[4]) variant = m[4];
  }

  const message = parts.slice(4).join('.');
  const techniques: string[] = [];
  const sub: string[] = [];
  if (message !== '') {
    for (const group of message.split(',')) {
      const [head, ...rest] = group.split('.');
      if (TECHNIQUE_ID.test(head)) techniques.push(head);
      else if (head !== '') sub.push(head);
      sub.push(...rest.filter((t) => t !== ''));
    }
  }

  return {
    code,
    standard,
    principle: Number(p[1]),
    guideline: `${g[1]}.${g[2]}`,
    sc,
    ...(variant ? { variant } : {}),
    techniques,
    ...(sub.length ? { subCode: sub.join('.') } : {}),
    message,
  };
}

/**
 * The identity of the check behind a code, independent of the standard it ran under and of the
 * sniff variant: "1.3.1.H44.NonExistentFragment", "2.4.1.G1,G123,G124.NoSuchID", "2.1.4".
 * WCAG2AA.…1_3_1_A.G141 and WCAG2AAA.…1_3_1_AAA.G141 are the same check ("1.3.1.G141").
 */
export function htmlcsCheckId(parsed: HtmlcsCode): string {
  const sc = parsed.sc.join(',');
  return parsed.message === '' ? sc : `${sc}.${parsed.message}`;
}
