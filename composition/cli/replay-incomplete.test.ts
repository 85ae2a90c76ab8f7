import { AUDITS } from '../registry.ts';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIncomplete, writeIncomplete } from '../../harness/artifacts/incomplete.ts';
import { replayArtifacts } from '../../harness/page-audit.ts';
import { exitCodeFor } from '../../harness/bundle.ts';
import { recordedArtifacts } from '../../audits/recorded/load.ts';

describe('--replay keeps the original run\'s incomplete list', () => {
  it('is written beside the artifacts and read back from the artifacts or the run directory', async () => {
    const run = mkdtempSync(join(tmpdir(), 'portico-inc-'));
    const list = [{ where: 'http://x/500', cause: 'HTTP 500' }];
    await writeIncomplete(join(run, 'artifacts'), list);
    expect(await readIncomplete(join(run, 'artifacts'))).toEqual(list);
    expect(await readIncomplete(run)).toEqual(list);
    expect(await readIncomplete(mkdtempSync(join(tmpdir(), 'portico-none-')))).toEqual([]);
  });
  it('a malformed file is an error that names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-bad-'));
    writeFileSync(join(dir, 'incomplete.json'), '{"schema":"nope"}');
    await expect(readIncomplete(dir)).rejects.toThrow(/incomplete\.json: not a portico\.incomplete\/1 file/);
  });
  it('a clean replay of a run that could not load a page stays incomplete (exit 2), listing each cause once', () => {
    const replayed = replayArtifacts(AUDITS, [recordedArtifacts('clean')]);
    expect(exitCodeFor(replayed)).toBe(0);
    const kept = replayArtifacts(AUDITS, [recordedArtifacts('clean')], undefined, [{ where: 'http://x/500', cause: 'HTTP 500' }, { where: 'http://x/500', cause: 'HTTP 500' }]);
    expect(kept.status).toBe('incomplete');
    expect(exitCodeFor(kept)).toBe(2);
    expect(kept.incomplete).toEqual([{ where: 'http://x/500', cause: 'HTTP 500' }]);
    expect(kept.findings).toEqual(replayed.findings);
  });
});
