import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { loadArtifactsDir } from '../artifacts/store.ts';
import { runAudits } from '../run-audits.ts';
import { buildBundle, mergedVersions } from '../bundle.ts';
import { toolVersions } from '../gatherers/index.ts';
import { renderText } from './text.ts';
import { signingKeyFrom, signingState, writeRunOutputs } from './run-output.ts';
import { AUDITS } from '../../audits/index.ts';
import type { RunBundle } from '../types.ts';

/**
 * Playwright reporter for `portico run`: when the journeys end, re-audits every saved checkpoint
 * (pure), assembles the bundle (tests that failed = steps that could not be tried = incomplete),
 * and writes findings.json, report.html and summary.txt into the run directory.
 */
export default class PorticoReporter implements Reporter {
  private startedAt = new Date().toISOString();
  private incomplete: RunBundle['incomplete'] = [];
  private outDir = resolve(process.env.PORTICO_OUT ?? 'portico-out/run');

  onBegin(_config: FullConfig) {
    this.startedAt = new Date().toISOString();
  }

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'passed' || result.status === 'skipped') return;
    const project = test.parent.project()?.name ?? '';
    const cause = (result.error?.message ?? result.status).replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];
    this.incomplete.push({ where: `${project} › ${test.title}`, cause });
  }

  async onEnd(result: FullResult) {
    const loaded = existsSync(this.outDir) ? await loadArtifactsDir(this.outDir) : [];
    const artifacts = loaded.map((l) => l.artifacts);
    const { findings, verdicts } = runAudits(AUDITS, artifacts);
    if (artifacts.length === 0) this.incomplete.push({ where: 'run', cause: `no checkpoint was audited (Playwright: ${result.status})` });
    const bundle = buildBundle({
      startedAt: this.startedAt,
      findings,
      verdicts,
      incomplete: this.incomplete,
      versions: mergedVersions(artifacts, toolVersions()),
      meta: { command: 'run', target: process.env.PORTICO_TARGET, profile: process.env.PORTICO_PROFILE, defects: process.env.PORTICO_DEFECTS, personas: process.env.PORTICO_PERSONAS },
    });
    const title = `Portico: ${process.env.PORTICO_TARGET ?? 'reference'} (${process.env.PORTICO_PROFILE ?? 'conformant'}${process.env.PORTICO_DEFECTS ? ` + ${process.env.PORTICO_DEFECTS}` : ''})`;
    const files = await writeRunOutputs(this.outDir, bundle, title, { audits: AUDITS.map((a) => a.meta) });
    const written = [...files.map((f) => relative(process.cwd(), f)), `${relative(process.cwd(), join(this.outDir, 'artifacts'))}/ and evidence/ (screenshots, transcripts, tab sequences)`];
    process.stdout.write('\n' + renderText(bundle, { written, signing: signingState(signingKeyFrom({})) }) + '\n');
  }

  printsToStdio() {
    return false;
  }
}
