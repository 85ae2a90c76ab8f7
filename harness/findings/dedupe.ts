import type { Finding, Impact } from '../types.ts';
import { corroborateHeldBack } from './corroborate.ts';

const IMPACT_ORDER: Impact[] = ['minor', 'moderate', 'serious', 'critical'];
const OUTCOME_RANK: Record<string, number> = { failed: 3, cantTell: 2, error: 1 };

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

/**
 * One violation seen by several engines on one element at one checkpoint is ONE finding listing
 * every engine that agreed. Findings sharing a fingerprint are merged; the strongest outcome and
 * impact win, and the first engine's wording (axe's, when it took part) is kept. An HTML_CodeSniffer
 * error held back as cantTell is then promoted where another engine agrees (corroborate.ts).
 */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const byPrint = new Map<string, Finding>();
  for (const f of findings) {
    const seen = byPrint.get(f.fingerprint);
    if (!seen) {
      byPrint.set(f.fingerprint, { ...f, engines: [...f.engines], engineRules: { ...f.engineRules }, evidence: [...f.evidence] });
      continue;
    }
    seen.engines = [...new Set([...seen.engines, ...f.engines])];
    seen.engineRules = { ...f.engineRules, ...seen.engineRules };
    const stronger = (OUTCOME_RANK[f.outcome] ?? 0) - (OUTCOME_RANK[seen.outcome] ?? 0);
    if (f.impact && (!seen.impact || IMPACT_ORDER.indexOf(f.impact) > IMPACT_ORDER.indexOf(seen.impact))) seen.impact = f.impact;
    if (f.category === 'barrier') seen.category = 'barrier';
    // A finding is filed under the criteria of the checks that reached its outcome: a check that only
    // said cantTell about an element another engine failed does not add its criteria to the failure.
    if (stronger > 0) {
      seen.outcome = f.outcome;
      seen.requirements = { ...f.requirements };
    } else if (stronger === 0) {
      seen.requirements = {
        wcag: union(seen.requirements.wcag, f.requirements.wcag),
        section508: union(seen.requirements.section508, f.requirements.section508),
        trustedTester: union(seen.requirements.trustedTester, f.requirements.trustedTester),
        en301549: union(seen.requirements.en301549, f.requirements.en301549),
        other: union(seen.requirements.other, f.requirements.other),
      };
    }
    seen.snippet ??= f.snippet;
    seen.helpUrl ??= f.helpUrl;
    seen.selector ??= f.selector;
    for (const e of f.evidence) if (!seen.evidence.some((x) => x.path === e.path && x.description === e.description)) seen.evidence.push(e);
  }
  for (const f of byPrint.values()) f.engines.sort((a, b) => ENGINE_ORDER.indexOf(a) - ENGINE_ORDER.indexOf(b));
  return corroborateHeldBack([...byPrint.values()]);
}

const ENGINE_ORDER = ['axe', 'lighthouse', 'htmlcs', 'portico'];
