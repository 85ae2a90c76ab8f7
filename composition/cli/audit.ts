import { prepareOutDir } from './out-dir.ts';
import { resolve, relative } from 'node:path';
import { ENGINE_NAMES, DEFAULT_ENGINES, type EngineName } from '../../harness/gatherers/index.ts';
import { auditPages, replayArtifacts, toPageUrl, UsageError } from '../../harness/page-audit.ts';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import { readIncomplete, writeIncomplete } from '../../harness/artifacts/incomplete.ts';
import { exitCodeFor } from '../../harness/bundle.ts';
import { renderText } from '../../harness/report/text.ts';
import type { RunBundle } from '../../harness/types.ts';
import { loadBaselineFile } from '../../harness/baseline/load.ts';
import { applyGate, hasGate, renderGateText, type GateOptions } from '../../harness/gate/gate.ts';
import { signingKeyFrom, signingState, writeRunOutputs, type Format } from '../../harness/report/run-output.ts';
import type { EngineSettings } from '../../harness/gatherers/engine-settings.ts';
import { AUDITS, PAGE_PROBES } from '../registry.ts';

export interface AuditCommandOptions {
  engines?: string;
  out?: string;
  format?: string;
  replay?: string;
  timeout?: string;
  baseline?: string;
  engineSettings?: EngineSettings;
  formats?: Format[];
  /** Gate settings from the config file (ignore, failOn, thresholds). */
  gate?: GateOptions;
}

export function parseEngines(value: string | undefined): EngineName[] {
  if (!value) return [...DEFAULT_ENGINES];
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.includes('all')) return [...ENGINE_NAMES];
  const unknown = list.filter((e) => !(ENGINE_NAMES as readonly string[]).includes(e));
  if (unknown.length) throw new UsageError(`--engines: unknown engine(s) ${unknown.join(', ')}; choose from ${ENGINE_NAMES.join(', ')} or all`);
  if (list.length === 0) throw new UsageError('--engines: name at least one engine');
  return list as EngineName[];
}

async function writeOutputs(bundle: RunBundle, outDir: string, formats?: Format[]): Promise<string[]> {
  return writeRunOutputs(outDir, bundle, `Portico: page audit`, { audits: AUDITS.map((a) => a.meta), formats });
}

/** Returns the process exit code. */
export async function auditCommand(pages: string[], options: AuditCommandOptions): Promise<number> {
  const format = options.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
  const outDir = resolve(options.out ?? 'portico-out/audit');
  const gate: GateOptions = { ...options.gate, ...(options.baseline ? { baseline: loadBaselineFile(options.baseline) } : {}) };
  let bundle: RunBundle;
  const written: string[] = [];
  if (options.replay) {
    if (pages.length) throw new UsageError('--replay re-audits saved artifacts; give no pages with it');
    const loaded = await loadArtifactsDir(resolve(options.replay)).catch((error: Error) => {
      throw new UsageError(`--replay ${options.replay}: ${error.message}`);
    });
    if (loaded.length === 0) throw new UsageError(`--replay ${options.replay}: no artifacts files (schema portico.artifacts/1) found there`);
    const saved = await readIncomplete(resolve(options.replay)).catch((error: Error) => {
      throw new UsageError(`--replay ${options.replay}: ${error.message}`);
    });
    bundle = replayArtifacts(AUDITS, loaded.map((l) => l.artifacts), undefined, saved);
  } else {
    if (pages.length === 0) throw new UsageError('give at least one URL or HTML file to audit (or --replay DIR)');
    const timeoutMs = options.timeout ? Number(options.timeout) * 1000 : 30_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a number of seconds, not "${options.timeout}"`);
    const urls = pages.map((p) => toPageUrl(p));
    prepareOutDir(outDir);
    const result = await auditPages(urls, { audits: AUDITS, engineSettings: options.engineSettings, engines: parseEngines(options.engines), probes: PAGE_PROBES, outDir, timeoutMs });
    bundle = result.bundle;
    await writeIncomplete(resolve(outDir, 'artifacts'), bundle.incomplete);
    if (result.artifactFiles.length) written.push(`${relative(process.cwd(), resolve(outDir, 'artifacts'))}/ (${result.artifactFiles.length} artifacts files)`);
  }
  if (hasGate(gate)) bundle = applyGate(bundle, gate);
  const files = await writeOutputs(bundle, outDir, options.formats);
  written.unshift(...files.map((f) => relative(process.cwd(), f)));
  if (format === 'json') process.stdout.write(JSON.stringify(bundle, null, 2) + '\n');
  else process.stdout.write(renderText(bundle, { written, signing: signingState(signingKeyFrom({})) }) + '\n');
  return exitCodeFor(bundle);
}
