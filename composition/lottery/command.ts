/**
 * `portico lottery`: drive a target's lottery with synthetic populations at the documented scale,
 * check its published draw records, judge it with the lottery audits and write the report
 * (findings.json, report.html, summary.txt as every run; plus lottery.json, lottery.html and the
 * SVG charts) into the output directory.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../../harness/page-audit.ts';
import { auditBundle, exitCodeFor } from '../../harness/bundle.ts';
import { writeRunOutputs } from '../../harness/report/run-output.ts';
import type { Artifacts, Evidence } from '../../harness/types.ts';
import { LOTTERY_AUDITS } from '../../audits/lottery/index.ts';
import { resolveParams, type SimulationParams } from '../../harness/lottery/params.ts';
import { runLotterySimulation } from '../../harness/lottery/report.ts';
import { checkRecord, type RecordCheck } from '../../harness/lottery/records.ts';
import { referenceLottery } from './reference-target.ts';
import { fetchDrawRecords, publishReferenceDraws, referenceRecompute } from './reference-records.ts';
import { adapterLottery, fetchAdapterRecords, readAdapter } from '../../harness/lottery/adapter.ts';
import { kAdvantageChart, waitDistributionChart, waitPercentileChart } from '../../harness/lottery/svg.ts';
import { renderLotteryHtml, renderLotteryText } from '../../harness/lottery/html.ts';
import type { TargetLottery } from '../../harness/lottery/target.ts';
import { resolveDefects } from '../../harness/journey/defects.ts';

export interface LotteryCommandOptions {
  target?: string;
  profile?: string;
  defects?: string;
  out?: string;
  seeds?: string;
  days?: string;
  registrations?: string;
  requestProbability?: string;
  giveUp?: string;
  backlogShare?: string;
  arrivalDays?: string;
  drivenSeeds?: string;
  recordDays?: string;
  format?: string;
}

function numberOption(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} must be ${integer ? 'a whole number' : 'a number'}, not "${value}"`);
  return n;
}

export function lotteryParams(o: LotteryCommandOptions): SimulationParams {
  const over: Partial<SimulationParams> = {};
  const set = <K extends keyof SimulationParams>(key: K, value: SimulationParams[K] | undefined) => {
    if (value !== undefined) over[key] = value;
  };
  set('seeds', numberOption('seeds', o.seeds, true));
  set('days', numberOption('days', o.days, true));
  set('registrations', numberOption('registrations', o.registrations, true));
  set('requestProbability', numberOption('request-probability', o.requestProbability, false));
  set('giveUpPerDay', numberOption('give-up', o.giveUp, false));
  const backlogShare = numberOption('backlog-share', o.backlogShare, false);
  const arrivalDays = numberOption('arrival-days', o.arrivalDays, true);
  if (backlogShare !== undefined || arrivalDays !== undefined) over.arrivals = { ...resolveParams().arrivals, ...(backlogShare !== undefined ? { backlogShare } : {}), ...(arrivalDays !== undefined ? { arrivalDays } : {}) };
  if (over.days !== undefined) over.snapshotDay = Math.min(resolveParams().snapshotDay, Math.floor(over.days / 3));
  try {
    return resolveParams(over);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

interface Reached {
  target: TargetLottery;
  records: RecordCheck[];
  url: string;
}

async function reachReference(o: LotteryCommandOptions): Promise<Reached> {
  // The reference target, as the journeys see it: its catalogue and app come from its Target.
  const { resolveTarget } = await import('../../targets/index.ts');
  const reference = resolveTarget('reference');
  const catalogue = reference.defects;
  if (!catalogue || !reference.serve) throw new Error('the reference target has no defect catalogue or cannot be served');
  const profile = o.profile ?? 'conformant';
  if (!Object.hasOwn(catalogue.profiles, profile)) throw new UsageError(`--profile: unknown profile "${profile}"; choose from ${Object.keys(catalogue.profiles).join(', ')}`);
  const defects = o.defects ? o.defects.split(',').map((s) => s.trim()).filter(Boolean) : [];
  let on: string[];
  try {
    on = resolveDefects(catalogue, profile, defects);
  } catch (error) {
    throw new UsageError(`--defects: ${(error as Error).message}`);
  }
  // The synthetic requesters must be able to register: the app is started with the defects of the
  // profile that concern the lottery (its multi-account ones), not the registration barriers a
  // profile such as cbp-one-2023 also switches on (those are the journeys' to find).
  const lotteryDefects = on.filter((id) => catalogue.defects.find((d) => d.id === id)?.persona === 'multi-account');
  const app = await reference.serve({ profile: 'conformant', defects: lotteryDefects, port: 0, testMode: true });
  try {
    await publishReferenceDraws(app.url, numberOption('record-days', o.recordDays, true) ?? 2);
    const published = await fetchDrawRecords(app.url);
    const records = published.map((p) => checkRecord(p.raw, p.source, referenceRecompute));
    // The rules the target actually used, as its latest record publishes them.
    const latest = published.map((p) => p.raw as { day?: string; earliestShare?: number; dedupePersons?: boolean }).filter((r) => typeof r.dedupePersons === 'boolean').sort((a, b) => String(b.day).localeCompare(String(a.day)))[0];
    if (!latest) throw new Error('the reference target published no readable draw record, so its rules are unknown');
    const label = `reference (${profile}${defects.length ? ` + ${defects.join(', ')}` : ''})`;
    const target = referenceLottery({ earliestShare: latest.earliestShare ?? 0.3, dedupePersons: latest.dedupePersons!, source: `published draw record ${latest.day}` }, label);
    return { target, records, url: `${app.url}/lottery/audit` };
  } finally {
    await app.close();
  }
}

async function reachAdapter(file: string): Promise<Reached> {
  let adapter;
  try {
    adapter = await readAdapter(resolve(file));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const target = await adapterLottery(adapter);
  const records = adapter.records ? (await fetchAdapterRecords(adapter.records)).map((p) => checkRecord(p.raw, p.source, referenceRecompute)) : [];
  return { target, records, url: adapter.records ?? `module:${adapter.module}` };
}

/** The lottery charts of a report, as SVG files (pure). */
export function lotteryCharts(report: ReturnType<typeof runLotterySimulation>) {
  return { waits: waitPercentileChart(report.designs), distribution: waitDistributionChart(report.designs), kAdvantage: kAdvantageChart(report.designs) };
}

/** Targets whose lottery Portico can drive (`portico run` adds the lottery checkpoint for them). */
export function targetHasLottery(targetId: string): boolean {
  return targetId === 'reference';
}

/**
 * The short simulation `portico run` takes as one checkpoint: 2 seeds × 90 days × 60,000
 * registrations (the scale of `portico lottery --seeds 2 --days 90 --registrations 60000`), the
 * target's days driven through its code on the first seed, two published draw records read back.
 * Cheap enough for every run (a few seconds); `portico lottery` is the full-scale study.
 */
export const RUN_LOTTERY_OPTIONS: LotteryCommandOptions = { seeds: '2', days: '90', registrations: '60000', recordDays: '2', drivenSeeds: '1' };

/**
 * The lottery checkpoint of a run: simulates, writes the artifact (artifacts/lottery/…json, judged
 * by the lottery audits through auditsForArtifacts) and the charts and full report as evidence.
 * A simulation that fails is recorded as the gatherer's error: the run is incomplete, never clean.
 */
export async function runLotteryCheckpoint(outDir: string, o: LotteryCommandOptions): Promise<{ ms: number; file: string; error?: string }> {
  const started = performance.now();
  const opts = { ...RUN_LOTTERY_OPTIONS, ...o };
  const evidenceDir = join(outDir, 'evidence', 'lottery');
  const artifactDir = join(outDir, 'artifacts', 'lottery', 'lottery');
  await mkdir(evidenceDir, { recursive: true });
  await mkdir(artifactDir, { recursive: true });
  let gathered: Record<string, unknown>;
  let url = 'reference:/lottery/audit';
  let targetId = o.target ?? 'reference';
  const evidence: Evidence[] = [];
  let error: string | undefined;
  try {
    const params = lotteryParams(opts);
    const reached = targetId === 'reference' ? await reachReference(opts) : await reachAdapter(targetId);
    url = reached.url;
    targetId = reached.target.id;
    const report = runLotterySimulation(params, reached.target, { drivenSeeds: numberOption('driven-seeds', opts.drivenSeeds, true) ?? 1, records: reached.records });
    const charts = lotteryCharts(report);
    const files = { 'lottery-waits.svg': charts.waits, 'lottery-wait-distribution.svg': charts.distribution, 'lottery-k-advantage.svg': charts.kAdvantage, 'lottery.json': JSON.stringify(report, null, 2) };
    for (const [name, content] of Object.entries(files)) await writeFile(join(evidenceDir, name), content);
    evidence.push(
      { kind: 'artifact', path: 'evidence/lottery/lottery-k-advantage.svg', description: 'Chart: advantage of holding several accounts, by design' },
      { kind: 'artifact', path: 'evidence/lottery/lottery-waits.svg', description: 'Chart: wait until an appointment, by design' },
      { kind: 'artifact', path: 'evidence/lottery/lottery.json', description: 'The lottery report (every design, seed intervals, records)' },
    );
    gathered = { lottery: report };
  } catch (e) {
    error = (e as Error).message.split('\n')[0];
    gathered = { lottery: { error: `the lottery simulation did not run: ${error}` } };
  }
  const artifacts: Artifacts = {
    schema: 'portico.artifacts/1',
    checkpoint: 'lottery',
    url,
    pagePath: '/lottery',
    context: { target: targetId, flow: 'lottery', step: 'lottery' },
    gatheredAt: new Date().toISOString(),
    versions: { portico: 'lottery/1' },
    gathered,
    evidence,
  };
  const file = join(artifactDir, '001-lottery.json');
  await writeFile(file, JSON.stringify(artifacts, null, 2));
  return { ms: performance.now() - started, file, error };
}

/** Returns the process exit code. */
export async function lotteryCommand(o: LotteryCommandOptions): Promise<number> {
  const format = o.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
  const params = lotteryParams(o);
  const targetArg = o.target ?? 'reference';
  if (targetArg !== 'reference' && (o.profile || o.defects)) throw new UsageError('--profile and --defects apply to the reference target only');
  const drivenSeeds = numberOption('driven-seeds', o.drivenSeeds, true) ?? 1;
  const outDir = resolve(o.out ?? 'portico-out/lottery');
  const startedAt = new Date().toISOString();
  const reached = targetArg === 'reference' ? await reachReference(o) : await reachAdapter(targetArg);
  console.error(`portico lottery: ${reached.target.title}, ${params.seeds} seed(s) × ${params.days} days × ${params.registrations.toLocaleString('en')} registrations …`);
  const report = runLotterySimulation(params, reached.target, { drivenSeeds, records: reached.records });

  const charts = lotteryCharts(report);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files = { 'lottery-waits.svg': charts.waits, 'lottery-wait-distribution.svg': charts.distribution, 'lottery-k-advantage.svg': charts.kAdvantage, 'lottery.json': JSON.stringify(report, null, 2) };
  for (const [name, content] of Object.entries(files)) await writeFile(join(outDir, name), content);
  const evidence: Evidence[] = [
    { kind: 'artifact', path: 'lottery-waits.svg', description: 'Chart: wait until an appointment, by design' },
    { kind: 'artifact', path: 'lottery-k-advantage.svg', description: 'Chart: advantage of holding several accounts, by design' },
    { kind: 'artifact', path: 'lottery.json', description: 'The full lottery report (every design, seed intervals, records)' },
  ];
  const artifacts: Artifacts = {
    schema: 'portico.artifacts/1',
    checkpoint: 'lottery',
    url: reached.url,
    pagePath: '/lottery',
    context: { target: reached.target.id, flow: 'lottery' },
    gatheredAt: new Date().toISOString(),
    versions: { portico: 'lottery/1' },
    gathered: { lottery: report },
    evidence,
  };
  await writeFile(join(outDir, 'lottery.artifacts.json'), JSON.stringify(artifacts, null, 2));
  const bundle = auditBundle({ startedAt, audits: LOTTERY_AUDITS, artifacts: [artifacts], incomplete: [], meta: { command: 'lottery', target: reached.target.id } });
  const { findings, verdicts } = bundle;
  const written = await writeRunOutputs(outDir, bundle, `Portico lottery report — ${reached.target.title}`, { audits: LOTTERY_AUDITS.map((a) => a.meta), artifacts: [artifacts] });
  const summary = findings.filter((f) => f.outcome === 'failed').map((f) => f.message);
  await writeFile(join(outDir, 'lottery.html'), renderLotteryHtml(report, charts, summary));
  const all = [...written, ...Object.keys(files).map((f) => join(outDir, f)), join(outDir, 'lottery.html'), join(outDir, 'lottery.artifacts.json')];
  if (format === 'json') process.stdout.write(JSON.stringify({ report, findings, verdicts, status: bundle.status }, null, 2) + '\n');
  else {
    const verdictLines = verdicts.map((v) => `  ${v.outcome.padEnd(12)} ${v.auditId}${v.findingCount ? ` (${v.findingCount} finding(s))` : ''}`);
    process.stdout.write(`${renderLotteryText(report)}\n\nVerdicts:\n${verdictLines.join('\n')}\n${summary.length ? `\nFindings:\n${summary.map((m) => `  • ${m}`).join('\n')}\n` : ''}\nStatus: ${bundle.status.toUpperCase()}\nWritten:\n${all.map((f) => `  ${relative(process.cwd(), f)}`).join('\n')}\n`);
  }
  return exitCodeFor(bundle);
}
