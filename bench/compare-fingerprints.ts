/**
 * `node bench/compare-fingerprints.ts <runA> <runB>` — are two runs' findings the same?
 *
 * Compares the multiset of finding fingerprints in two `portico run` output directories (their
 * findings.json), e.g. one made before a refactor and one after. Prints each fingerprint whose
 * count differs with its rule and where, then the outcome counts of the verdicts that differ, and
 * the last line `fingerprints: N differ of M` (goal 0 for a change that keeps behaviour). Exit 1
 * when N > 0, 2 when either run was incomplete.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, RunBundle } from '../harness/types.ts';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/compare-fingerprints.ts <run directory A> <run directory B>');
  process.exit(2);
}
const load = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle;
const counts = (findings: Finding[]) => {
  const m = new Map<string, { n: number; f: Finding }>();
  for (const f of findings) m.set(f.fingerprint, { n: (m.get(f.fingerprint)?.n ?? 0) + 1, f });
  return m;
};
const [a, b] = [load(dirA), load(dirB)];
const [ca, cb] = [counts(a.findings), counts(b.findings)];
let differ = 0;
for (const fp of new Set([...ca.keys(), ...cb.keys()])) {
  const x = ca.get(fp)?.n ?? 0;
  const y = cb.get(fp)?.n ?? 0;
  if (x === y) continue;
  differ++;
  const f = (ca.get(fp) ?? cb.get(fp))!.f;
  console.log(`  ${fp} (${x} vs ${y}): ${f.outcome} ${f.ruleId} at ${f.context.persona ?? ''} › ${f.context.step ?? f.context.checkpoint} — ${f.message.slice(0, 140).replace(/\s+/g, ' ')}`);
}
console.log(`A: ${a.status}, ${a.findings.length} findings; B: ${b.status}, ${b.findings.length} findings`);
console.log(`fingerprints: ${differ} differ of ${new Set([...ca.keys(), ...cb.keys()]).size}`);
process.exitCode = a.status === 'incomplete' || b.status === 'incomplete' ? 2 : differ > 0 ? 1 : 0;
