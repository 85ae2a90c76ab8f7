import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runCommand } from './run.ts';
import { renderComparisonHtml, renderComparisonText, type ProfileRun } from '../../harness/report/compare.ts';
import type { RunBundle } from '../../harness/types.ts';
import { EXIT } from '../../harness/bundle.ts';

/**
 * `npm start`: the reference target walked by every persona on both profiles, side by side —
 * what a newcomer learns most from: the conformant app yields nothing, the 2023 app blocks people.
 */
export async function demoCommand(o: { out?: string; workers?: string; trace?: boolean }): Promise<number> {
  const base = resolve(o.out ?? 'portico-out');
  const runs: ProfileRun[] = [];
  const codes: number[] = [];
  const took: string[] = [];
  const started = performance.now();
  for (const profile of ['conformant', 'cbp-one-2023']) {
    const out = join(base, profile);
    const t0 = performance.now();
    codes.push(await runCommand({ profile, out, workers: o.workers, quiet: true, trace: o.trace }));
    took.push(`${profile} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const bundle = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as RunBundle;
    runs.push({ profile, bundle, reportPath: relative(process.cwd(), join(out, 'report.html')) });
  }
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'index.html'), renderComparisonHtml(runs, (r) => `${r.profile}/report.html`));
  console.log(`\n${renderComparisonText(runs)}\n\nOpen ${relative(process.cwd(), join(base, 'index.html'))} for both reports side by side.`);
  console.log(`The demo took ${((performance.now() - started) / 1000).toFixed(0)} s (${took.join(', ')}); ${sizeOf(base)} written to ${relative(process.cwd(), base) || '.'}/ (traces of every journey: --trace).`);
  // The demo succeeds when it could run everything; barriers on cbp-one-2023 are the point.
  return codes.includes(EXIT.incomplete) ? EXIT.incomplete : EXIT.clean;
}

function sizeOf(dir: string): string {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else bytes += statSync(p).size;
    }
  };
  walk(dir);
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
