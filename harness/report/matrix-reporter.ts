import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { loadArtifactsDir } from '../artifacts/store.ts';
import { runAudits } from '../run-audits.ts';
import { matrixRows, renderMatrix, type MatrixEntry } from '../journey/matrix.ts';
import type { Expectation } from '../journey/expectation.ts';
import { AUDITS } from '../../audits/index.ts';

/**
 * Prints the defect matrix after `npm test` / `npm run bench:defects`: for every journey project
 * with an expectation, its findings judged against the catalogue, plus where the time went.
 */
export default class MatrixReporter implements Reporter {
  private config!: FullConfig;
  private seconds = new Map<string, number>();
  private started = Date.now();

  onBegin(config: FullConfig) {
    this.config = config;
    this.started = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult) {
    const project = test.parent.project()?.name ?? '';
    this.seconds.set(project, (this.seconds.get(project) ?? 0) + result.duration / 1000);
  }

  async onEnd(_result: FullResult) {
    const entries: MatrixEntry[] = [];
    for (const project of this.config.projects) {
      const expectation = project.metadata?.expectation as Expectation | undefined;
      if (!expectation || !this.seconds.has(project.name)) continue;
      const out = (project.use as { porticoOut?: string }).porticoOut;
      const dir = out ? resolve(out, 'artifacts') : '';
      const loaded = dir && existsSync(dir) ? await loadArtifactsDir(dir) : [];
      const { findings, verdicts } = runAudits(AUDITS, loaded.map((l) => l.artifacts));
      entries.push({ project: project.name, expectation, findings, verdicts, seconds: this.seconds.get(project.name) ?? 0 });
    }
    if (entries.length === 0) return;
    const wall = (Date.now() - this.started) / 1000;
    const busy = [...this.seconds.entries()].sort((a, b) => b[1] - a[1]);
    const table = renderMatrix(matrixRows(entries));
    const timing = `Wall time ${wall.toFixed(0)} s with ${this.config.workers} worker(s). Slowest projects: ${busy.slice(0, 6).map(([p, s]) => `${p} ${s.toFixed(0)} s`).join(', ')}.`;
    const dir = resolve('test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'defect-matrix.md'), `${table}\n\n${timing}\n`);
    process.stdout.write(`\nDefect matrix (ground truth from targets/reference/defects.ts):\n\n${table}\n\n${timing}\nWritten to test-results/defect-matrix.md\n`);
  }

  printsToStdio() {
    return false;
  }
}
