/**
 * `npm run bench:determinism` — are fingerprints the same when nothing changed?
 *
 * Runs `portico run` on the reference target twice per profile (conformant and cbp-one-2023) and
 * compares the multiset of finding fingerprints of the two runs. A fingerprint that differs means
 * something run-specific (a token, a port, a time) leaked into it, and baselines and issue
 * grouping would break. Prints each fingerprint that differs with its rule and where; the last line
 * is `determinism: N fingerprints differ` (goal 0). Exit 1 when N > 0, 2 when a run was incomplete.
 *
 * PORTICO_DETERMINISM_PERSONAS=a,b limits the personas (default: all); PORTICO_DETERMINISM_WORKERS
 * sets the browsers per run (default 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunBundle } from '../harness/types.ts';
import { describeDifference, fingerprintDiff } from './fingerprint-diff.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const profiles = ['conformant', 'cbp-one-2023'];
const personas = process.env.PORTICO_DETERMINISM_PERSONAS;
const workers = process.env.PORTICO_DETERMINISM_WORKERS ?? '2';
const scratch = mkdtempSync(join(tmpdir(), 'portico-determinism-'));

function run(profile: string, attempt: number): { bundle: RunBundle; seconds: number } {
  const out = join(scratch, `${profile}-${attempt}`);
  const args = [join(root, 'composition', 'cli', 'main.ts'), 'run', '--profile', profile, '--out', out, '--workers', workers, '--quiet', ...(personas ? ['--persona', personas] : [])];
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  const bundle = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as RunBundle;
  console.log(`${profile} run ${attempt}: exit ${child.status}, ${bundle.findings.length} findings, ${seconds.toFixed(0)} s`);
  return { bundle, seconds };
}

let differ = 0;
let incomplete = false;
for (const profile of profiles) {
  const [a, b] = [run(profile, 1), run(profile, 2)];
  incomplete ||= a.bundle.status === 'incomplete' || b.bundle.status === 'incomplete';
  const { differences } = fingerprintDiff(a.bundle.findings, b.bundle.findings);
  differ += differences.length;
  for (const d of differences) console.log(describeDifference(d));
}
console.log(`determinism: ${differ} fingerprints differ${incomplete ? ' (a run was incomplete: see above)' : ''}`);
process.exitCode = incomplete ? 2 : differ > 0 ? 1 : 0;
