import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runCommand } from './run.ts';
import { renderComparisonHtml, renderComparisonText, type ProfileRun } from '../report/compare.ts';
import type { RunBundle } from '../types.ts';
import { EXIT } from '../bundle.ts';

/**
 * `npm start`: the reference target walked by every persona on both profiles, side by side —
 * what a newcomer learns most from: the conformant app yields nothing, the 2023 app blocks people.
 */
export async function demoCommand(o: { out?: string; workers?: string }): Promise<number> {
  const base = resolve(o.out ?? 'portico-out');
  const runs: ProfileRun[] = [];
  const codes: number[] = [];
  for (const profile of ['conformant', 'cbp-one-2023']) {
    const out = join(base, profile);
    codes.push(await runCommand({ profile, out, workers: o.workers, quiet: true }));
    const bundle = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as RunBundle;
    runs.push({ profile, bundle, reportPath: relative(process.cwd(), join(out, 'report.html')) });
  }
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'index.html'), renderComparisonHtml(runs, (r) => `${r.profile}/report.html`));
  console.log(`\n${renderComparisonText(runs)}\n\nOpen ${relative(process.cwd(), join(base, 'index.html'))} for both reports side by side.`);
  // The demo succeeds when it could run everything; barriers on cbp-one-2023 are the point.
  return codes.includes(EXIT.incomplete) ? EXIT.incomplete : EXIT.clean;
}
