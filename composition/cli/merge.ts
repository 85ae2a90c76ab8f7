import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import { readIncomplete, writeIncomplete } from '../../harness/artifacts/incomplete.ts';
import { auditBundle, exitCodeFor } from '../../harness/bundle.ts';
import { writeRunOutputs } from '../../harness/report/run-output.ts';
import { renderText } from '../../harness/report/text.ts';
import { UsageError } from '../../harness/usage-error.ts';
import type { RunBundle } from '../../harness/types.ts';
import { REPORTED_AUDITS, auditsForArtifacts } from '../registry.ts';
import { prepareOutDir } from './out-dir.ts';

/**
 * `portico merge SHARD_DIR… --out DIR`: the run directories of `portico run --shard i/n` become
 * one run. Artifacts and evidence are copied (their paths are relative to the run directory, and
 * shards never share a journey), everything is re-audited in one pass, and what any shard could
 * not check stays incomplete — a shard that is missing or wrote nothing makes the merge incomplete.
 */
export async function mergeCommand(dirs: string[], o: { out: string; expectShards?: string }): Promise<number> {
  if (dirs.length === 0) throw new UsageError('merge: give the run directories of the shards');
  const outDir = resolve(o.out);
  const sources = dirs.map((d) => resolve(d));
  for (const dir of sources) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`merge: "${dir}" is not a directory`);
    if (dir === outDir) throw new UsageError(`merge: --out must not be one of the shard directories (${dir})`);
  }
  prepareOutDir(outDir);
  const incomplete: RunBundle['incomplete'] = [];
  const metas: Array<Record<string, unknown>> = [];
  for (const dir of sources) {
    const findings = join(dir, 'findings.json');
    if (!existsSync(findings)) { incomplete.push({ where: dir, cause: 'this shard wrote no findings.json: it did not finish' }); continue; }
    const bundle = JSON.parse(readFileSync(findings, 'utf8')) as RunBundle;
    metas.push(bundle.meta ?? {});
    for (const sub of ['artifacts', 'evidence']) if (existsSync(join(dir, sub))) cpSync(join(dir, sub), join(outDir, sub), { recursive: true, force: false, errorOnExist: false });
    // The shard's own incomplete list (journeys that did not finish): re-auditing its artifacts cannot see those.
    incomplete.push(...(await readIncomplete(dir)));
  }
  const expected = o.expectShards ? Number(o.expectShards) : undefined;
  if (expected !== undefined) {
    if (!Number.isInteger(expected) || expected < 1) throw new UsageError(`--expect-shards must be a whole number, not "${o.expectShards}"`);
    if (metas.length < expected) incomplete.push({ where: 'merge', cause: `${expected} shard(s) expected, ${metas.length} finished` });
  }
  const artifacts = (await loadArtifactsDir(join(outDir, 'artifacts'))).map((l) => l.artifacts);
  if (artifacts.length === 0) incomplete.push({ where: 'merge', cause: 'no shard audited any checkpoint' });
  const first = metas[0] ?? {};
  const bundle = auditBundle({
    startedAt: new Date().toISOString(),
    audits: auditsForArtifacts,
    artifacts,
    incomplete,
    meta: { ...first, command: 'merge', shards: sources },
  });
  await writeIncomplete(join(outDir, 'artifacts'), bundle.incomplete);
  const files = await writeRunOutputs(outDir, bundle, `Portico: ${String(first.target ?? 'run')} (${sources.length} shards merged)`, { audits: REPORTED_AUDITS.map((a) => a.meta) });
  process.stdout.write(renderText(bundle, { written: files }) + '\n');
  return exitCodeFor(bundle);
}
