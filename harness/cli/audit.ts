import { resolve, relative } from 'node:path';
import { ENGINE_NAMES, DEFAULT_ENGINES, type EngineName } from '../gatherers/index.ts';
import { auditPages, replayArtifacts, toPageUrl, UsageError } from '../page-audit.ts';
import { loadArtifactsDir } from '../artifacts/store.ts';
import { exitCodeFor } from '../bundle.ts';
import { renderText } from '../report/text.ts';
import type { RunBundle } from '../types.ts';
import { signingKeyFrom, signingState, writeRunOutputs } from '../report/run-output.ts';
import { AUDITS } from '../../audits/index.ts';

export interface AuditCommandOptions {
  engines?: string;
  out?: string;
  format?: string;
  replay?: string;
  timeout?: string;
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

async function writeOutputs(bundle: RunBundle, outDir: string): Promise<string[]> {
  return writeRunOutputs(outDir, bundle, `Portico: page audit`, { audits: AUDITS.map((a) => a.meta) });
}

/** Returns the process exit code. */
export async function auditCommand(pages: string[], options: AuditCommandOptions): Promise<number> {
  const format = options.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
  const outDir = resolve(options.out ?? 'portico-out/audit');
  let bundle: RunBundle;
  const written: string[] = [];
  if (options.replay) {
    if (pages.length) throw new UsageError('--replay re-audits saved artifacts; give no pages with it');
    const loaded = await loadArtifactsDir(resolve(options.replay)).catch((error: Error) => {
      throw new UsageError(`--replay ${options.replay}: ${error.message}`);
    });
    if (loaded.length === 0) throw new UsageError(`--replay ${options.replay}: no artifacts files (schema portico.artifacts/1) found there`);
    bundle = replayArtifacts(loaded.map((l) => l.artifacts));
  } else {
    if (pages.length === 0) throw new UsageError('give at least one URL or HTML file to audit (or --replay DIR)');
    const timeoutMs = options.timeout ? Number(options.timeout) * 1000 : 30_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a number of seconds, not "${options.timeout}"`);
    const urls = pages.map((p) => toPageUrl(p));
    const result = await auditPages(urls, { engines: parseEngines(options.engines), outDir, timeoutMs });
    bundle = result.bundle;
    if (result.artifactFiles.length) written.push(`${relative(process.cwd(), resolve(outDir, 'artifacts'))}/ (${result.artifactFiles.length} artifacts files)`);
  }
  const files = await writeOutputs(bundle, outDir);
  written.unshift(...files.map((f) => relative(process.cwd(), f)));
  if (format === 'json') process.stdout.write(JSON.stringify(bundle, null, 2) + '\n');
  else process.stdout.write(renderText(bundle, { written, signing: signingState(signingKeyFrom({})) }) + '\n');
  return exitCodeFor(bundle);
}
