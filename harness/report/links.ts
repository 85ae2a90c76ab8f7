import { wcagCriterion } from '../standards/wcag.ts';

/** Where a reader can look each standard up. Fixed public addresses; links only, nothing is fetched. */
export const STANDARD_LINKS = {
  wcag22: 'https://www.w3.org/TR/WCAG22/',
  section508: 'https://www.access-board.gov/ict/',
  trustedTester: 'https://section508coordinators.github.io/TrustedTester/',
  en301549: 'https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf',
} as const;

export function wcagUnderstandingUrl(sc: string): string | undefined {
  return wcagCriterion(sc)?.understandingUrl;
}

/** "E205.4 / WCAG 2.0 1.1.1" or "403.1" → the Access Board's anchor for the provision. */
export function section508Url(ref: string): string {
  const id = /^(E?\d{3}(?:\.\d+)*)/.exec(ref.trim().replace(/^§\s*/, ''))?.[1];
  return id ? `${STANDARD_LINKS.section508}#${id}` : STANDARD_LINKS.section508;
}
