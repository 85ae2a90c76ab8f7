/**
 * Revised Section 508 (36 CFR 1194, 2017), derived THROUGH WCAG 2.0:
 * E205.4 (electronic content, including web content) and E207.2 (software; 501.1 states the
 * same for web applications) incorporate WCAG 2.0 Level A and AA by reference.
 * So a failed WCAG 2.0 A/AA criterion is a 508 failure; criteria that WCAG 2.1/2.2 added are
 * beyond the 508 baseline; AAA is not required.
 *
 * axe-core's `section508` / `section508.22.*` tags name the 1998/2000 rules (36 CFR 1194.22),
 * replaced in 2017. Nothing here reads them, and no function accepts them.
 */
import { type WcagCriterion, compareSc, introducedIn, wcagCriterion } from './wcag.ts';

/** Where the content lives: web/electronic content (E205.4) or software (E207.2). */
export type Section508Context = 'web' | 'software';

export type Section508Status =
  /** A WCAG 2.0 A/AA criterion: incorporated by E205.4 / E207.2. */
  | 'required'
  /** Added by WCAG 2.1 or 2.2: good practice, not a 508 requirement. */
  | 'beyondBaseline'
  /** A WCAG 2.0 AAA criterion: not incorporated. */
  | 'notRequired'
  /** Not a WCAG 2.x criterion. */
  | 'unknown';

export interface Section508Mapping {
  sc: string;
  status: Section508Status;
  /** e.g. ["E205.4 / WCAG 2.0 1.1.1"]; empty unless status is 'required'. */
  refs: string[];
  /** True when WCAG 2.1/2.2 added the criterion: reported as beyond the 508 baseline. */
  beyondBaseline: boolean;
  /** The WCAG version that added a beyond-baseline criterion. */
  addedIn?: '2.1' | '2.2';
  /** 4.1.1 Parsing: removed from WCAG 2.2 but still required by 508 through WCAG 2.0. */
  obsoleteInWcag22: boolean;
}

/** The provision that incorporates WCAG 2.0 A/AA, by context. */
export const WCAG_INCORPORATING_PROVISION: Record<Section508Context, string> = {
  web: 'E205.4',
  software: 'E207.2',
};

export function section508For(sc: string, context: Section508Context = 'web'): Section508Mapping {
  const criterion: WcagCriterion | undefined = wcagCriterion(sc);
  if (!criterion) {
    return { sc, status: 'unknown', refs: [], beyondBaseline: false, obsoleteInWcag22: false };
  }
  const obsoleteInWcag22 = criterion.obsolete === true;
  if (!criterion.versions.includes('2.0')) {
    const addedIn = introducedIn(criterion) as '2.1' | '2.2';
    return { sc: criterion.sc, status: 'beyondBaseline', refs: [], beyondBaseline: true, addedIn, obsoleteInWcag22 };
  }
  if (criterion.level === 'AAA') {
    return { sc: criterion.sc, status: 'notRequired', refs: [], beyondBaseline: false, obsoleteInWcag22 };
  }
  return {
    sc: criterion.sc,
    status: 'required',
    refs: [`${WCAG_INCORPORATING_PROVISION[context]} / WCAG 2.0 ${criterion.sc}`],
    beyondBaseline: false,
    obsoleteInWcag22,
  };
}

/** The 508 references for a set of WCAG criteria, deduplicated and in criterion order. */
export function section508Refs(wcag: readonly string[], context: Section508Context = 'web'): string[] {
  const scs = [...new Set(wcag.map((s) => s.trim()))].sort(compareSc);
  return scs.flatMap((sc) => section508For(sc, context).refs);
}

export interface Section508Provision {
  id: string;
  /** The section's heading, e.g. "602 Support Documentation". */
  section: string;
  title: string;
  /** How Portico cites it. */
  note?: string;
}

/** The Revised 508 provisions Portico cites by number, outside the WCAG criteria themselves. */
export const SECTION508_PROVISIONS: readonly Section508Provision[] = [
  {
    id: 'E205.4',
    section: 'E205 Electronic Content',
    title: 'Accessibility Standard',
    note: 'Electronic content (including web content) conforms to WCAG 2.0 Level A and AA.',
  },
  {
    id: 'E207.2',
    section: 'E207 Software',
    title: 'WCAG Conformance',
    note: 'Software user interfaces and content conform to WCAG 2.0 Level A and AA.',
  },
  {
    id: '501.1',
    section: '501 General (Chapter 5: Software)',
    title: 'Scope',
    note: 'Web applications that conform to WCAG 2.0 A and AA are excepted from 502 and 503.',
  },
  {
    id: '403.1',
    section: '403 Biometrics',
    title: 'General',
    note: 'Biometrics not the only means of identification or control. A hardware provision: cited as persuasive.',
  },
  { id: '602.2', section: '602 Support Documentation', title: 'Accessibility and Compatibility Features' },
  { id: '602.3', section: '602 Support Documentation', title: 'Electronic Support Documentation' },
  { id: '602.4', section: '602 Support Documentation', title: 'Alternate Formats for Non-Electronic Support Documentation' },
  { id: '603', section: '603 Support Services', title: 'Support Services' },
  { id: '603.2', section: '603 Support Services', title: 'Information on Accessibility and Compatibility Features' },
  { id: '603.3', section: '603 Support Services', title: 'Accommodation of Communication Needs' },
];

const provisionsById = new Map(SECTION508_PROVISIONS.map((p) => [p.id, p]));

/** A provision Portico cites ("403.1", "602.3", "E205.4"), or undefined. */
export function section508Provision(id: string): Section508Provision | undefined {
  return provisionsById.get(id.trim().replace(/^§\s*/, ''));
}
