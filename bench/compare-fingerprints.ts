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
import type { RunBundle } from '../harness/types.ts';
import { describeDifference, fingerprintDiff } from './fingerprint-diff.ts';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/compare-fingerprints.ts <run directory A> <run directory B>');
  process.exit(2);
}
const load = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle;
const [a, b] = [load(dirA), load(dirB)];
const { differences, total } = fingerprintDiff(a.findings, b.findings);
for (const d of differences) console.log(describeDifference(d));
console.log(`A: ${a.status}, ${a.findings.length} findings; B: ${b.status}, ${b.findings.length} findings`);
console.log(`fingerprints: ${differences.length} differ of ${total}`);
process.exitCode = a.status === 'incomplete' || b.status === 'incomplete' ? 2 : differences.length > 0 ? 1 : 0;
