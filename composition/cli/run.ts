import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { prepareOutDir } from './out-dir.ts';
import { loadBaselineFile } from '../../harness/baseline/load.ts';
import { applyGate, hasGate, renderGateText, type GateOptions } from '../../harness/gate/gate.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../harness/usage-error.ts';
import { ENGINE_SETTINGS_ENV, type EngineSettings } from '../../harness/gatherers/engine-settings.ts';
import { FORMATS_ENV, writeRunOutputs, type Format } from '../../harness/report/run-output.ts';
import { EXIT, exitCodeFor } from '../../harness/bundle.ts';
import { PERSONAS, REPORTED_AUDITS } from '../registry.ts';
import { resolveTarget } from '../../targets/index.ts';
import { resolveDefects } from '../../harness/journey/defects.ts';
import type { RunBundle } from '../../harness/types.ts';
import { needsAPerson } from '../../harness/report/text.ts';
import { runLotteryCheckpoint, targetHasLottery } from '../lottery/command.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The same run works from the TypeScript sources and from the compiled package (dist/*.js).
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

export interface RunCommandOptions {
  target?: string;
  persona?: string;
  profile?: string;
  defects?: string;
  out?: string;
  workers?: string;
  quiet?: boolean;
  baseUrl?: string;
  /** Keep a Playwright trace of every journey (default: only of journeys that did not finish). */
  trace?: boolean;
  baseline?: string;
  engineSettings?: EngineSettings;
  formats?: Format[];
  /** "i/n": walk only the i-th of n parts of the journeys. */
  shard?: string;
  /** Gate settings from the config file (ignore, failOn, thresholds). */
  gate?: GateOptions;
  /** false (--no-lottery): no lottery checkpoint, even on a target with a lottery. */
  lottery?: boolean;
}

export interface ResolvedRun {
  target: string;
  personas: string[];
  profile: string;
  defects: string[];
  outDir: string;
  workers: number;
  baseURL?: string;
  /** "i/n": this machine walks the i-th of n parts of the journeys (merge the parts with `portico merge`). */
  shard?: string;
}

/** Validates every option before anything starts; errors say what is wrong and what is allowed. */
export function resolveRunOptions(o: RunCommandOptions): ResolvedRun {
  const target = o.target ?? 'reference';
  let resolved;
  try { resolved = resolveTarget(target); } catch (error) { throw new UsageError(`--target: ${(error as Error).message}`); }
  const known = PERSONAS.map((p) => p.id);
  const personas = o.persona ? o.persona.split(',').map((s) => s.trim()).filter(Boolean) : known.filter((id) => resolved.flows.some((f) => !f.personas || f.personas.includes(id)));
  const unknown = personas.filter((p) => !known.includes(p));
  if (unknown.length) throw new UsageError(`--persona: unknown persona(s) ${unknown.join(', ')}; choose from ${known.join(', ')}`);
  const walking = personas.filter((id) => resolved.flows.some((f) => !f.personas || f.personas.includes(id)));
  if (walking.length === 0) throw new UsageError(`--persona: none of ${personas.join(', ')} walks any flow of target "${resolved.id}"`);
  // The default is the conformant profile: a described target's first (`profiles: [clean, broken]` → clean).
  const declared = resolved.defects ? Object.keys(resolved.defects.profiles) : resolved.profiles;
  const profile = o.profile ?? (declared?.length && !declared.includes('conformant') ? declared[0] : 'conformant');
  const defects: string[] = o.defects ? o.defects.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (!resolved.defects && resolved.profiles) {
    if (!resolved.profiles.includes(profile)) throw new UsageError(`--profile: unknown profile "${profile}"; choose from ${resolved.profiles.join(', ')}`);
    if (o.defects) throw new UsageError(`--defects needs a defect catalogue: "${resolved.id}" declares profiles but no defects: FILE (see README "Describing a target")`);
  } else if (resolved.defects) {
    const { profiles } = resolved.defects;
    if (!Object.hasOwn(profiles, profile)) throw new UsageError(`--profile: unknown profile "${profile}"; choose from ${Object.keys(profiles).join(', ')}`);
    try { resolveDefects(resolved.defects, profile, defects); } catch (error) { throw new UsageError(`--defects: ${(error as Error).message}`); }
  } else if (o.profile || o.defects) {
    throw new UsageError(`--profile and --defects apply to targets with a defect catalogue; "${resolved.id}" has none`);
  }
  const workers = o.workers ? Number(o.workers) : 2;
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) throw new UsageError(`--workers must be a whole number from 1 to 8, not "${o.workers}"`);
  if (o.baseUrl !== undefined) {
    if (resolved.startsItsOwnApp) throw new UsageError(`--base-url applies to targets that are already running; "${resolved.id}" starts its own app`);
    try { if (!/^https?:$/.test(new URL(o.baseUrl).protocol)) throw new Error(); } catch { throw new UsageError(`--base-url must be an http(s) URL, not "${o.baseUrl}"`); }
  }
  let shard: string | undefined;
  if (o.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(o.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/3), not "${o.shard}"`);
    shard = o.shard;
  }
  const out = o.out ?? `portico-out/${profile}${shard ? `-shard-${shard.replace('/', '-of-')}` : ''}`;
  return { target, personas: walking, profile, defects, outDir: resolve(out), workers, baseURL: o.baseUrl, shard };
}

/** Runs the persona × target matrix through Playwright; returns the exit code from the bundle. */
export async function runCommand(o: RunCommandOptions): Promise<number> {
  const run = resolveRunOptions(o);
  const gate: GateOptions = { ...o.gate, ...(o.baseline ? { baseline: loadBaselineFile(o.baseline) } : {}) };
  prepareOutDir(run.outDir);
  const env = {
    ...process.env,
    PORTICO_MODE: 'run',
    PORTICO_TARGET: run.target,
    PORTICO_PERSONAS: run.personas.join(','),
    PORTICO_PROFILE: run.profile,
    PORTICO_DEFECTS: run.defects.join(','),
    PORTICO_OUT: run.outDir,
    PORTICO_PW_OUTPUT: join(run.outDir, 'playwright'),
    ...(run.baseURL ? { PORTICO_BASE_URL: run.baseURL } : {}),
    PORTICO_TRACE: o.trace ? 'on' : 'retain-on-failure',
    ...(o.engineSettings ? { [ENGINE_SETTINGS_ENV]: JSON.stringify(o.engineSettings) } : {}),
    ...(o.formats ? { [FORMATS_ENV]: o.formats.join(',') } : {}),
  };
  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  const args = [cli, 'test', '--config', join(root, `playwright.config${ext}`), '--workers', String(run.workers), ...(run.shard ? ['--shard', run.shard] : []), '--reporter', `${o.quiet ? 'dot' : 'list'},${join(root, 'composition', 'reporters', `portico-reporter${ext}`)},${join(root, 'harness', 'report', `timing-reporter${ext}`)}`];
  console.error(`portico run: target ${run.target}, profile ${run.profile}${run.defects.length ? ` + ${run.defects.join(',')}` : ''}, personas ${run.personas.join(', ')} → ${run.outDir}`);
  // The target's lottery as one checkpoint of the run (the first shard takes it, so a merge has it once).
  if (o.lottery !== false && targetHasLottery(run.target) && (!run.shard || run.shard.startsWith('1/'))) {
    const lottery = await runLotteryCheckpoint(run.outDir, { profile: run.profile, defects: run.defects.join(',') || undefined });
    console.error(`portico run: lottery checkpoint ${lottery.error ? `could not run (${lottery.error})` : 'simulated'} in ${(lottery.ms / 1000).toFixed(1)} s (--no-lottery skips it)`);
  }
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('close', (c) => done(c ?? 1));
  });
  const findings = join(run.outDir, 'findings.json');
  if (!existsSync(findings)) {
    console.error(`portico run: Playwright exited ${code} and wrote no findings: the run is incomplete.`);
    return EXIT.incomplete;
  }
  let bundle = JSON.parse(readFileSync(findings, 'utf8')) as RunBundle;
  if (hasGate(gate)) {
    bundle = applyGate(bundle, gate);
    // The reports were written before the gate was known: write them again with it.
    const title = `Portico: ${run.target} (${run.profile}${run.defects.length ? ` + ${run.defects.join(',')}` : ''})`;
    await writeRunOutputs(run.outDir, bundle, title, { audits: REPORTED_AUDITS.map((a) => a.meta), formats: o.formats });
    process.stdout.write('\n' + renderGateText(bundle) + '\n');
  }
  const exit = exitAfterPlaywright(code, bundle);
  console.error(exitLine(exit, bundle));
  return exit.code;
}

/**
 * Playwright's own exit code counts: it is non-zero only when a journey failed, timed out or the
 * run broke, so findings that say clean or barriers cannot stand — the run is incomplete.
 */
export function exitAfterPlaywright(playwrightCode: number, bundle: RunBundle): { code: number; cause?: string } {
  if (playwrightCode !== 0 && bundle.status !== 'incomplete') {
    return { code: EXIT.incomplete, cause: `Playwright exited ${playwrightCode} although the findings say "${bundle.status}": a journey did not finish` };
  }
  return { code: exitCodeFor(bundle) };
}

/** The last line of a run: the exit code, what it means, and how many checks still need a person. */
export function exitLine(exit: { code: number; cause?: string }, bundle: RunBundle): string {
  const meaning = exit.code === EXIT.incomplete ? 'incomplete' : exit.code === EXIT.barriers ? 'barriers found' : exit.code === EXIT.clean ? 'no barriers found' : 'error';
  const person = needsAPerson(bundle);
  return `portico run: exit ${exit.code} (${meaning}${exit.cause ? `: ${exit.cause}` : ''}) · ${person.cantTell} check(s) need a person (cantTell) · ${person.untested} untested`;
}
