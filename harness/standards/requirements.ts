/**
 * A finding's standards, all derived from the WCAG criteria it cites (and the engine's tags):
 * WCAG → Revised 508 (through WCAG 2.0), Trusted Tester v5, EN 301 549 V3.2.1.
 */
import type { Requirements } from '../types.ts';
import { en301549Clause, en301549FromAxeTags } from './en301549.ts';
import { section508For } from './section508.ts';
import { TRUSTED_TESTER_BY_CRITERION, compareTrustedTesterIds, trustedTesterFromAxeTags } from './trusted-tester.ts';
import { compareSc, introducedIn, wcagCriterion } from './wcag.ts';

/**
 * Requirements for a finding on the WCAG criteria `wcag` (web content).
 *
 * - wcag: trimmed, deduplicated, in numeric order; numbers WCAG 2.x does not have are dropped.
 * - section508: "E205.4 / WCAG 2.0 x.y.z" for each WCAG 2.0 A/AA criterion; nothing for
 *   2.1/2.2-only or AAA criteria.
 * - trustedTester: the engine's TT tags ("TT7.a" → "7.A") when it gave any; otherwise, per
 *   criterion, the one test about it where there is exactly one (see TRUSTED_TESTER_BY_CRITERION).
 * - en301549: clause 9.x.y.z of each WCAG 2.1 A/AA criterion, plus the engine's EN-9.* tags that
 *   are V3.2.1 clauses.
 * - other: deduplicated, in the order given.
 * axe's "section508*" tags (the pre-2017 rules) are ignored, as are all other tags.
 */
export function requirementsFor(wcag: string[], tags: string[] = [], other: string[] = []): Requirements {
  const criteria = [...new Set(wcag.map((sc) => sc.trim()))].filter((sc) => wcagCriterion(sc)).sort(compareSc);

  const section508 = criteria.flatMap((sc) => section508For(sc, 'web').refs);

  const tagged = trustedTesterFromAxeTags(tags);
  const trustedTester =
    tagged.length > 0
      ? tagged
      : [...new Set(criteria.flatMap((sc) => TRUSTED_TESTER_BY_CRITERION.get(sc) ?? []))].sort(compareTrustedTesterIds);

  const en301549 = [...new Set([...criteria.flatMap((sc) => en301549Clause(sc) ?? []), ...en301549FromAxeTags(tags)])].sort(compareSc);

  return {
    wcag: criteria,
    section508,
    trustedTester,
    en301549,
    other: [...new Set(other.map((o) => o.trim()).filter(Boolean))],
  };
}

export interface CriterionDescription {
  /** "1.1.1 Non-text Content (A)" */
  label: string;
  /** "508: E205.4" / "beyond the 508 baseline (WCAG 2.2)" / "obsolete in WCAG 2.2; still in 508 via WCAG 2.0" / … */
  section508: string;
}

/** How a report names a criterion and states its standing under Section 508. */
export function describeCriterion(sc: string): CriterionDescription {
  const c = wcagCriterion(sc);
  if (!c) return { label: sc, section508: 'not a WCAG 2.x success criterion' };
  const label = `${c.sc} ${c.title} (${c.level})`;
  const mapping = section508For(c.sc);
  switch (mapping.status) {
    case 'required':
      return {
        label,
        section508: mapping.obsoleteInWcag22 ? 'obsolete in WCAG 2.2; still in 508 via WCAG 2.0' : '508: E205.4',
      };
    case 'beyondBaseline':
      return { label, section508: `beyond the 508 baseline (WCAG ${introducedIn(c)})` };
    case 'notRequired':
      return { label, section508: 'not required by 508 (AAA)' };
    default:
      return { label, section508: 'not a WCAG 2.x success criterion' };
  }
}
