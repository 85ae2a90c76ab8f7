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
import type { Finding, RunBundle } from '../harness/types.ts';

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

const counts = (findings: Finding[]) => {
  const m = new Map<string, { n: number; f: Finding }>();
  for (const f of findings) m.set(f.fingerprint, { n: (m.get(f.fingerprint)?.n ?? 0) + 1, f });
  return m;
};

let differ = 0;
let incomplete = false;
for (const profile of profiles) {
  const [a, b] = [run(profile, 1), run(profile, 2)];
  incomplete ||= a.bundle.status === 'incomplete' || b.bundle.status === 'incomplete';
  const [ca, cb] = [counts(a.bundle.findings), counts(b.bundle.findings)];
  for (const fp of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(fp)?.n ?? 0;
    const y = cb.get(fp)?.n ?? 0;
    if (x === y) continue;
    differ++;
    const f = (ca.get(fp) ?? cb.get(fp))!.f;
    console.log(`  differs ${fp} (${x} vs ${y}): ${f.ruleId} at ${f.context.persona ?? ''} › ${f.context.step ?? f.context.checkpoint} — ${f.message.slice(0, 120).replace(/\s+/g, ' ')}`);
  }
}
console.log(`determinism: ${differ} fingerprints differ${incomplete ? ' (a run was incomplete: see above)' : ''}`);
process.exitCode = incomplete ? 2 : differ > 0 ? 1 : 0;
