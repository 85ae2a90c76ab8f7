/**
 * EN 301 549 V3.2.1 (2021-03), clause 9 (Web): clause 9.x.y.z is WCAG 2.1 success criterion
 * x.y.z, for the 50 Level A and AA criteria of WCAG 2.1 (4.1.1 Parsing included as 9.4.1.1).
 * V3.2.1 has no clause for AAA criteria nor for the criteria WCAG 2.2 added: those map to nothing.
 *
 * axe-core tags carry EN clauses as "EN-9.1.1.1". axe 4.14 also tags target-size "EN-9.2.5.8"
 * (with "EN-301-549v4"), a clause of the V4 draft, not of V3.2.1: it is not accepted here.
 */
import { compareSc, wcagCriterion } from './wcag.ts';

export const EN301549_VERSION = 'V3.2.1';

export type En301549Status =
  /** WCAG 2.1 A/AA: clause 9.x.y.z. */
  | 'covered'
  /** Added by WCAG 2.2: no clause in V3.2.1. */
  | 'notInV321'
  /** AAA: clause 9 requires A and AA only. */
  | 'notRequired'
  | 'unknown';

export interface En301549Mapping {
  sc: string;
  status: En301549Status;
  /** "9.1.1.1", when covered. */
  clause?: string;
}

export function en301549For(sc: string): En301549Mapping {
  const c = wcagCriterion(sc);
  if (!c) return { sc, status: 'unknown' };
  if (!c.versions.includes('2.1')) return { sc: c.sc, status: 'notInV321' };
  if (c.level === 'AAA') return { sc: c.sc, status: 'notRequired' };
  return { sc: c.sc, status: 'covered', clause: `9.${c.sc}` };
}

/** The V3.2.1 web clause mirroring `sc`, or undefined. */
export function en301549Clause(sc: string): string | undefined {
  return en301549For(sc).clause;
}

/** "9.1.1.1" → "9.1.1.1 Non-text Content" (the WCAG title the clause reproduces), or undefined. */
export function en301549ClauseTitle(clause: string): string | undefined {
  const sc = clause.startsWith('9.') ? clause.slice(2) : undefined;
  if (!sc || en301549Clause(sc) !== clause) return undefined;
  return `${clause} ${wcagCriterion(sc)!.title}`;
}

/**
 * One axe tag → a V3.2.1 clause: "EN-9.1.1.1" → "9.1.1.1". Version markers ("EN-301-549",
 * "EN-301-549v4") and clauses V3.2.1 does not have ("EN-9.2.5.8") → undefined.
 */
export function parseEn301549Tag(tag: string): string | undefined {
  const m = /^EN-(9\.\d\.\d\.\d{1,2})$/.exec(tag);
  if (!m) return undefined;
  const sc = m[1].slice(2);
  return en301549Clause(sc) === m[1] ? m[1] : undefined;
}

export function compareClauses(a: string, b: string): number {
  return compareSc(a, b);
}

/** The V3.2.1 clauses named by a list of axe tags, deduplicated and ordered. */
export function en301549FromAxeTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const clause = parseEn301549Tag(tag);
    if (clause) out.add(clause);
  }
  return [...out].sort(compareClauses);
}
