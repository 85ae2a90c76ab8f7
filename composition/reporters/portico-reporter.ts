import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import { writeIncomplete } from '../../harness/artifacts/incomplete.ts';
import { auditBundle } from '../../harness/bundle.ts';
import { toolVersions } from '../../harness/gatherers/index.ts';
import { untestedEverywhere } from '../../harness/journey/expectation.ts';
import { renderText } from '../../harness/report/text.ts';
import { formatsFromEnv, signingKeyFrom, signingState, writeRunOutputs } from '../../harness/report/run-output.ts';
import { PERSONAS, REPORTED_AUDITS, auditsFor, auditsForArtifacts } from '../registry.ts';
import type { Artifacts, AuditVerdict, RunBundle } from '../../harness/types.ts';

const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];

export interface JourneyOutcome {
  where: string;
  /** Playwright's final status; undefined = planned but never reported (the run stopped before it). */
  status?: TestResult['status'];
  error?: string;
}

/**
 * Every journey that did not finish makes the run incomplete, with its cause: a failed or timed-out
 * test (the target was down, the harness could not act), one that was skipped or interrupted, or one
 * that never ran because the run stopped. Only a passed journey counts as looked at.
 */
export function unfinishedJourneys(outcomes: JourneyOutcome[]): RunBundle['incomplete'] {
  return outcomes.flatMap((o) => {
    if (o.status === 'passed') return [];
    const cause = o.status === undefined ? 'the journey never ran (the run stopped before it)'
      : o.status === 'skipped' ? 'the journey was skipped: nothing was checked'
      : o.status === 'interrupted' ? 'the journey was interrupted before it finished'
      : o.status === 'timedOut' ? `the journey timed out${o.error ? `: ${o.error}` : ''}`
      : o.error ?? 'the journey failed';
    return [{ where: o.where, cause }];
  });
}

/** The checkpoints journeys took: the lottery checkpoint (written before any journey runs) is not one. */
export function journeyCheckpoints(artifacts: Artifacts[]): Artifacts[] {
  return artifacts.filter((a) => !('lottery' in (a.gathered ?? {})));
}

/**
 * Audits a persona requires that were untested at every checkpoint of theirs: nothing was looked at.
 * Required are the persona's audits that the run's selection chose for at least one of its
 * checkpoints (given `artifacts`): a language persona's language audits are not chosen on pages the
 * flow did not ask in its language, so on a target that does not offer that language they are
 * required nowhere (its one language-not-offered finding says why), not "untested".
 */
export function untestedRequired(verdicts: AuditVerdict[], artifacts?: Artifacts[]): RunBundle['incomplete'] {
  const personas = [...new Set(verdicts.map((v) => v.context?.persona).filter((p): p is string => Boolean(p)))];
  return personas.flatMap((id) => {
    const persona = PERSONAS.find((p) => p.id === id);
    if (!persona) return [];
    const own = artifacts?.filter((a) => a.context?.persona === id);
    const chosen = own?.length ? new Set(own.flatMap((a) => auditsForArtifacts(a).map((x) => x.meta.id))) : undefined;
    const required = auditsFor(persona).map((a) => a.meta.id).filter((a) => !chosen || chosen.has(a));
    return untestedEverywhere(verdicts, id, required).map((cause) => ({ where: `${id} [${cause.split(',')[0]}]`, cause }));
  });
}

/**
 * Playwright reporter for `portico run`: when the journeys end, re-audits every saved checkpoint
 * (pure), assembles the bundle (journeys that did not finish and required audits never tried make
 * it incomplete), and writes findings.json, report.html, summary.txt and artifacts/incomplete.json.
 */
export default class PorticoReporter implements Reporter {
  private startedAt = new Date().toISOString();
  private planned = new Map<string, JourneyOutcome>();
  private errors: RunBundle['incomplete'] = [];
  private outDir = resolve(process.env.PORTICO_OUT ?? 'portico-out/run');

  onBegin(_config: FullConfig, suite: Suite) {
    this.startedAt = new Date().toISOString();
    for (const test of suite.allTests()) this.planned.set(test.id, { where: `${test.parent.project()?.name ?? ''} › ${test.title}` });
  }

  onTestEnd(test: TestCase, result: TestResult) {
    const where = `${test.parent.project()?.name ?? ''} › ${test.title}`;
    this.planned.set(test.id, { where, status: result.status, error: result.error?.message ? plain(result.error.message) : undefined });
  }

  onError(error: TestError) {
    this.errors.push({ where: 'playwright', cause: plain(error.message ?? error.value ?? 'an error outside any journey') });
  }

  async onEnd(result: FullResult) {
    const loaded = existsSync(this.outDir) ? await loadArtifactsDir(this.outDir) : [];
    const artifacts = loaded.map((l) => l.artifacts);
    const bundle = auditBundle({
      startedAt: this.startedAt,
      audits: auditsForArtifacts,
      artifacts,
      incomplete: [...unfinishedJourneys([...this.planned.values()]), ...this.errors],
      incompleteFrom: (verdicts) => {
        const more = untestedRequired(verdicts, journeyCheckpoints(artifacts));
        if (result.status !== 'passed' && this.errors.length + more.length === 0 && unfinishedJourneys([...this.planned.values()]).length === 0) more.push({ where: 'run', cause: `Playwright ended the run as ${result.status}` });
        if (journeyCheckpoints(artifacts).length === 0) more.push({ where: 'run', cause: `no checkpoint was audited (Playwright: ${result.status})` });
        return more;
      },
      versions: toolVersions(),
      meta: { command: 'run', target: process.env.PORTICO_TARGET, profile: process.env.PORTICO_PROFILE, defects: process.env.PORTICO_DEFECTS, personas: process.env.PORTICO_PERSONAS },
    });
    await writeIncomplete(join(this.outDir, 'artifacts'), bundle.incomplete);
    const title = `Portico: ${process.env.PORTICO_TARGET ?? 'reference'} (${process.env.PORTICO_PROFILE ?? 'conformant'}${process.env.PORTICO_DEFECTS ? ` + ${process.env.PORTICO_DEFECTS}` : ''})`;
    const files = await writeRunOutputs(this.outDir, bundle, title, { audits: REPORTED_AUDITS.map((a) => a.meta), formats: formatsFromEnv(), artifacts });
    const written = [...files.map((f) => relative(process.cwd(), f)), `${relative(process.cwd(), join(this.outDir, 'artifacts'))}/ and evidence/ (screenshots, transcripts, tab sequences)`];
    process.stdout.write('\n' + renderText(bundle, { written, signing: signingState(signingKeyFrom({})) }) + '\n');
  }

  printsToStdio() {
    return false;
  }
}
