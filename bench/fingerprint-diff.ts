import type { Finding } from '../harness/types.ts';

/** One fingerprint whose count differs between two runs, with a finding that carries it. */
export interface FingerprintDifference { fingerprint: string; a: number; b: number; finding: Finding }

/** The fingerprints whose counts differ between two runs' findings (a multiset comparison), and how many there are in all. */
export function fingerprintDiff(a: Finding[], b: Finding[]): { differences: FingerprintDifference[]; total: number } {
  const counts = (findings: Finding[]) => {
    const m = new Map<string, { n: number; f: Finding }>();
    for (const f of findings) m.set(f.fingerprint, { n: (m.get(f.fingerprint)?.n ?? 0) + 1, f });
    return m;
  };
  const [ca, cb] = [counts(a), counts(b)];
  const all = new Set([...ca.keys(), ...cb.keys()]);
  const differences: FingerprintDifference[] = [];
  for (const fingerprint of all) {
    const x = ca.get(fingerprint)?.n ?? 0;
    const y = cb.get(fingerprint)?.n ?? 0;
    if (x !== y) differences.push({ fingerprint, a: x, b: y, finding: (ca.get(fingerprint) ?? cb.get(fingerprint))!.f });
  }
  return { differences, total: all.size };
}

/** How a difference is printed: fingerprint, counts, rule and where. */
export const describeDifference = (d: FingerprintDifference) =>
  `  ${d.fingerprint} (${d.a} vs ${d.b}): ${d.finding.outcome} ${d.finding.ruleId} at ${d.finding.context.persona ?? ''} › ${d.finding.context.step ?? d.finding.context.checkpoint} — ${d.finding.message.slice(0, 140).replace(/\s+/g, ' ')}`;
