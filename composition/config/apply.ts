import { REPORTER_NAMES, type PorticoConfig } from './schema.ts';
import { UsageError } from '../../harness/usage-error.ts';
import type { GateOptions } from '../../harness/gate/gate.ts';
import { DEFAULT_ENGINES } from '../../harness/gatherers/engine-names.ts';
import { resolve, dirname } from 'node:path';
import type { EngineSettings } from '../../harness/gatherers/engine-settings.ts';
import { FORMATS, type Format } from '../../harness/report/run-output.ts';

/** What the config tunes beyond flags: the engines, and which outputs are written. */
export interface Tuning { engineSettings?: EngineSettings; formats?: Format[] }

/** `--reporter a,b` (repeatable) → the names, checked; it replaces the config's `reporters`. */
export function reporterFlag(values: string[] | undefined): PorticoConfig['reporters'] {
  if (!values?.length) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(REPORTER_NAMES as readonly string[]).includes(n));
  if (unknown.length || names.length === 0) throw new UsageError(`--reporter: unknown reporter(s) ${unknown.join(', ') || '(none given)'}; choose from ${REPORTER_NAMES.join(', ')}`);
  return names as PorticoConfig['reporters'];
}

export function tuningFrom(config: PorticoConfig): Tuning {
  const engineSettings: EngineSettings = {};
  if (config.engines?.axe) engineSettings.axe = config.engines.axe;
  if (config.engines?.htmlcs) engineSettings.htmlcs = config.engines.htmlcs;
  // `json` is findings.json (always written); `list` and `dot` are how a run shows progress.
  const formats = config.reporters?.filter((r): r is Format => (FORMATS as readonly string[]).includes(r));
  return { engineSettings: Object.keys(engineSettings).length ? engineSettings : undefined, formats: config.reporters ? formats : undefined };
}

/** Which options the person typed (flags win over the config file). */
export type GivenOnCli = (key: string) => boolean;

export interface AuditFlags { engines?: string; out?: string; timeout?: string; baseline?: string; format?: string; replay?: string; reporter?: string[] }
export interface RunFlags { target?: string; persona?: string; profile?: string; workers?: string; out?: string; baseline?: string; defects?: string; baseUrl?: string; quiet?: boolean; trace?: boolean; shard?: string; reporter?: string[] }

function enginesFrom(config: PorticoConfig): string | undefined {
  const e = config.engines;
  if (!e || (e.use === undefined && e.lighthouse === undefined)) return undefined;
  const list = new Set<string>(e.use ?? DEFAULT_ENGINES);
  if (e.lighthouse === true) list.add('lighthouse');
  if (e.lighthouse === false) list.delete('lighthouse');
  return [...list].join(',');
}

/** Paths in a config file are relative to that file, not to wherever portico was started. */
const near = (file: string | undefined, path: string | undefined) => (path === undefined || file === undefined ? path : resolve(dirname(file), path));

export function gateFrom(config: PorticoConfig): GateOptions {
  return { ignore: config.ignore, failOn: config.failOn, thresholds: config.thresholds };
}

export function auditOptions(flags: AuditFlags, config: PorticoConfig, cli: GivenOnCli, file?: string): AuditFlags & Tuning & { gate: GateOptions } {
  const reporters = reporterFlag(flags.reporter) ?? config.reporters;
  const json = reporters?.includes('json') && !cli('format');
  return {
    ...flags,
    ...tuningFrom({ ...config, reporters }),
    ...(json ? { format: 'json' } : {}),
    engines: cli('engines') ? flags.engines : (enginesFrom(config) ?? flags.engines),
    out: cli('out') ? flags.out : (near(file, config.out) ?? flags.out),
    timeout: cli('timeout') ? flags.timeout : (config.timeout !== undefined ? String(config.timeout) : flags.timeout),
    baseline: cli('baseline') ? flags.baseline : (near(file, config.baseline) ?? flags.baseline),
    gate: gateFrom(config),
  };
}

export function runOptions(flags: RunFlags, config: PorticoConfig, cli: GivenOnCli, file?: string): RunFlags & Tuning & { gate: GateOptions } {
  // --target / `target:` may name an entry of `targets:`; a file named in the config is relative to it.
  let target = cli('target') ? flags.target : (config.target ?? flags.target);
  if (target !== undefined && config.targets?.[target] !== undefined) target = near(file, config.targets[target]);
  else if (!cli('target') && config.target !== undefined && config.target !== 'reference') target = near(file, config.target);
  const reporters = reporterFlag(flags.reporter) ?? config.reporters;
  const quietFromReporters = reporters ? reporters.includes('dot') && !reporters.includes('list') : undefined;
  return {
    ...flags,
    ...tuningFrom({ ...config, reporters }),
    quiet: cli('quiet') ? flags.quiet : (quietFromReporters ?? flags.quiet),
    target,
    persona: cli('persona') ? flags.persona : (config.personas?.join(',') ?? flags.persona),
    profile: cli('profile') ? flags.profile : (config.profile ?? flags.profile),
    workers: cli('workers') ? flags.workers : (config.workers !== undefined ? String(config.workers) : flags.workers),
    out: cli('out') ? flags.out : (near(file, config.out) ?? flags.out),
    baseline: cli('baseline') ? flags.baseline : (near(file, config.baseline) ?? flags.baseline),
    gate: gateFrom(config),
  };
}
