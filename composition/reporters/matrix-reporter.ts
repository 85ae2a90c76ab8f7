import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import { runAudits } from '../../harness/run-audits.ts';
import { artifactFact, matrixRows, renderMatrix, type MatrixEntry } from '../../harness/journey/matrix.ts';
import type { Expectation, RunFacts } from '../../harness/journey/expectation.ts';
import { auditsForArtifacts } from '../registry.ts';

const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 200);

/**
 * Prints the defect matrix after `npm test` / `npm run bench:defects`: for every journey project
 * with an expectation, its findings judged against the catalogue — with how its tests ended and
 * which artifacts this run wrote, so a failed, skipped or filtered project is never green — plus
 * where the time went.
 */
export default class MatrixReporter implements Reporter {
  private config!: FullConfig;
  private seconds = new Map<string, number>();
  private tests = new Map<string, Map<string, NonNullable<RunFacts['tests']>[number]>>();
  private started = Date.now();
  private startedAt = new Date().toISOString();

  onBegin(config: FullConfig) {
    this.config = config;
    this.started = Date.now();
    this.startedAt = new Date(this.started).toISOString();
  }

  onTestEnd(test: TestCase, result: TestResult) {
    const project = test.parent.project()?.name ?? '';
    this.seconds.set(project, (this.seconds.get(project) ?? 0) + result.duration / 1000);
    const byTitle = this.tests.get(project) ?? new Map();
    // A retry replaces the attempt before it: the last result is how the test ended.
    byTitle.set(test.id, { title: test.title, status: result.status, error: result.error?.message ? plain(result.error.message) : undefined });
    this.tests.set(project, byTitle);
  }

  async onEnd(_result: FullResult) {
    const entries: MatrixEntry[] = [];
    for (const project of this.config.projects) {
      const expectation = project.metadata?.expectation as Expectation | undefined;
      if (!expectation || !this.seconds.has(project.name)) continue;
      const out = (project.use as { porticoOut?: string }).porticoOut;
      const dir = out ? resolve(out, 'artifacts') : '';
      const loaded = dir && existsSync(dir) ? await loadArtifactsDir(dir) : [];
      const { findings, verdicts } = runAudits(auditsForArtifacts, loaded.map((l) => l.artifacts));
      const run: RunFacts = { artifacts: loaded.map((l) => artifactFact(l.artifacts)), startedAt: this.startedAt, tests: [...(this.tests.get(project.name)?.values() ?? [])] };
      entries.push({ project: project.name, expectation, findings, verdicts, seconds: this.seconds.get(project.name) ?? 0, run });
    }
    if (entries.length === 0) return;
    const wall = (Date.now() - this.started) / 1000;
    const busy = [...this.seconds.entries()].sort((a, b) => b[1] - a[1]);
    const table = renderMatrix(matrixRows(entries));
    const timing = `Wall time ${wall.toFixed(0)} s with ${this.config.workers} worker(s). Slowest projects: ${busy.slice(0, 6).map(([p, s]) => `${p} ${s.toFixed(0)} s`).join(', ')}.`;
    const dir = resolve('test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'defect-matrix.md'), `${table}\n\n${timing}\n`);
    process.stdout.write(`\nDefect matrix (ground truth from the target's defect catalogue):\n\n${table}\n\n${timing}\nWritten to test-results/defect-matrix.md\n`);
  }

  printsToStdio() {
    return false;
  }
}
