import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../harness/usage-error.ts';
import { makeBaseline, parseBaseline, BaselineError, type BaselineFile } from '../../harness/baseline/baseline.ts';
import { DEFAULT_BASELINE_FILE } from '../../harness/baseline/load.ts';
import type { RunBundle } from '../../harness/types.ts';

export interface BaselineCommandOptions {
  out?: string;
  reason?: string;
  acceptedBy?: string;
  expires?: string;
}

/**
 * `portico baseline <run dir>`: accept the run's barriers for now. An existing baseline is updated,
 * not replaced: entries still present keep their reason, who accepted them and their expiry; gone
 * ones are dropped; new ones get --reason.
 */
export function baselineCommand(runDir: string, o: BaselineCommandOptions): number {
  const findings = join(resolve(runDir), 'findings.json');
  if (!existsSync(findings)) throw new UsageError(`${runDir}: no findings.json there (give the directory of a \`portico run\` or \`portico audit\`)`);
  let bundle: RunBundle;
  try {
    bundle = JSON.parse(readFileSync(findings, 'utf8')) as RunBundle;
    if (bundle.schema !== 'portico.run/1' || !Array.isArray(bundle.findings)) throw new Error('not a Portico run bundle (schema portico.run/1)');
  } catch (error) {
    throw new UsageError(`${findings}: ${(error as Error).message}`);
  }
  if (bundle.status === 'incomplete') throw new UsageError(`${runDir}: the run was incomplete, so it cannot say which barriers exist; run it again until it completes`);
  if (o.expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.expires)) throw new UsageError(`--expires must be a date as YYYY-MM-DD, not "${o.expires}"`);
  const out = o.out ?? DEFAULT_BASELINE_FILE;
  let previous: BaselineFile | undefined;
  if (existsSync(out)) {
    try { previous = parseBaseline(readFileSync(out, 'utf8'), out); } catch (error) {
      if (error instanceof BaselineError) throw new UsageError(`${error.message} — fix or remove it; nothing was overwritten`);
      throw error;
    }
  }
  const made = makeBaseline(bundle, { reason: o.reason ?? 'known barrier, accepted when the baseline was made', acceptedBy: o.acceptedBy ?? process.env.USER ?? 'unknown', expires: o.expires });
  const kept = new Map((previous?.entries ?? []).map((e) => [e.fingerprint, e]));
  const entries = made.entries.map((e) => {
    const old = kept.get(e.fingerprint);
    return old ? { ...e, reason: old.reason, acceptedBy: old.acceptedBy, ...(old.expires ? { expires: old.expires } : {}) } : e;
  });
  const file: BaselineFile = { ...made, entries };
  const temporary = `${out}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file, null, 2) + '\n');
  renameSync(temporary, out);
  const carried = entries.filter((e) => kept.has(e.fingerprint)).length;
  const dropped = (previous?.entries.length ?? 0) - carried;
  console.log(`portico baseline: ${out} accepts ${entries.length} barrier(s)${previous ? ` (${carried} kept, ${entries.length - carried} added, ${dropped} dropped as fixed)` : ''}. Runs with --baseline ${out} now fail only on new barriers.`);
  return 0;
}
