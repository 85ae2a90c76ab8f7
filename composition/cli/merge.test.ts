import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedArtifacts } from '../../audits/recorded/load.ts';
import { saveArtifacts } from '../../harness/artifacts/store.ts';
import { writeIncomplete } from '../../harness/artifacts/incomplete.ts';
import { auditBundle, EXIT } from '../../harness/bundle.ts';
import type { Artifacts, RunBundle } from '../../harness/types.ts';
import { auditsForArtifacts } from '../registry.ts';
import { mergeCommand } from './merge.ts';

async function shard(root: string, name: string, page: 'clean' | 'violations', incomplete: RunBundle['incomplete'] = []): Promise<string> {
  const dir = join(root, name);
  const a: Artifacts = { ...recordedArtifacts(page), context: { persona: 'screen-reader', flow: page, target: 'fixture' } };
  await saveArtifacts(join(dir, 'artifacts', 'screen-reader', page), a, 0);
  mkdirSync(join(dir, 'evidence', page), { recursive: true });
  writeFileSync(join(dir, 'evidence', page, 'note.txt'), page);
  await writeIncomplete(join(dir, 'artifacts'), incomplete);
  const bundle = auditBundle({ startedAt: '', audits: auditsForArtifacts, artifacts: [a], incomplete, meta: { target: 'fixture' } });
  writeFileSync(join(dir, 'findings.json'), JSON.stringify(bundle));
  return dir;
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle;
const quietly = async <T>(work: () => Promise<T>) => { const w = process.stdout.write; process.stdout.write = (() => true) as never; try { return await work(); } finally { process.stdout.write = w; } };

describe('portico merge', () => {
  it('joins the shards: every finding of each, evidence copied, one re-audit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'portico-merge-'));
    const a = await shard(root, 's1', 'violations');
    const b = await shard(root, 's2', 'clean');
    const out = join(root, 'merged');
    const code = await quietly(() => mergeCommand([a, b], { out, expectShards: '2' }));
    const merged = read(out);
    expect(code).toBe(EXIT.barriers);
    expect(merged.status).toBe('barriers');
    const fingerprints = (d: string) => read(d).findings.map((f) => f.fingerprint).sort();
    expect(merged.findings.map((f) => f.fingerprint).sort()).toEqual([...fingerprints(a), ...fingerprints(b)].sort());
    expect(readFileSync(join(out, 'evidence', 'clean', 'note.txt'), 'utf8')).toBe('clean');
  });

  it('what a shard could not check, a shard that never finished, and a missing shard each make the merge incomplete', async () => {
    const root = mkdtempSync(join(tmpdir(), 'portico-merge-'));
    const a = await shard(root, 's1', 'clean', [{ where: 'reference@keyboard › register', cause: 'timed out' }]);
    const unfinished = join(root, 's2');
    mkdirSync(unfinished);
    const out = join(root, 'merged');
    const code = await quietly(() => mergeCommand([a, unfinished], { out, expectShards: '3' }));
    const merged = read(out);
    expect(code).toBe(EXIT.incomplete);
    expect(merged.incomplete).toEqual(expect.arrayContaining([
      { where: 'reference@keyboard › register', cause: 'timed out' },
      { where: unfinished, cause: 'this shard wrote no findings.json: it did not finish' },
      { where: 'merge', cause: '3 shard(s) expected, 1 finished' },
    ]));
  });
});
