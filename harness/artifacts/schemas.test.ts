import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGathered, envelopeProblem } from './schemas.ts';
import { loadArtifactsDir } from './store.ts';
import { recordedArtifacts } from '../../audits/recorded/load.ts';
import { runAudits } from '../run-audits.ts';
import { buildBundle } from '../bundle.ts';
import { AUDITS } from '../../audits/index.ts';

describe('artifact schemas', () => {
  it('every recorded artifact of the fixture pages matches its schema', () => {
    for (const page of ['violations', 'clean'] as const) {
      const gathered = recordedArtifacts(page).gathered;
      const checked = checkGathered(gathered, `${page}.json`);
      for (const key of Object.keys(gathered)) expect(checked[key], key).toBe(gathered[key]);
    }
  });

  it('a malformed payload becomes an error naming the file and the field; the other payloads are untouched', () => {
    const gathered = structuredClone(recordedArtifacts('violations').gathered);
    (gathered.axe as { violations: Array<{ nodes: unknown }> }).violations[0].nodes = 'not a list';
    const checked = checkGathered(gathered, 'artifacts/x.json');
    expect(checked.axe).toEqual({ error: expect.stringMatching(/^malformed artifact in artifacts\/x\.json: axe\.violations\[0\]\.nodes: /) });
    expect(checked.htmlcs).toBe(gathered.htmlcs);
  });

  it('an envelope without its checkpoint is named', () => {
    const raw = { ...recordedArtifacts('clean'), checkpoint: undefined };
    expect(envelopeProblem(raw)).toMatch(/^checkpoint: /);
  });
});

describe('artifacts read from disk', () => {
  it('a malformed file gives an error verdict naming the file and field — never a crash, never a pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-schema-'));
    mkdirSync(join(dir, 'a'));
    const good = recordedArtifacts('clean');
    const bad = structuredClone(good);
    (bad.gathered.keyboard as { presses: unknown }).presses = 'many';
    writeFileSync(join(dir, 'a', '000-good.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'a', '001-bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'a', '002-broken.json'), '{"schema": "portico.artifacts/1", "checkpoint": ');
    writeFileSync(join(dir, 'a', '003-no-url.json'), JSON.stringify({ ...good, url: 7 }));
    const loaded = await loadArtifactsDir(dir);
    expect(loaded).toHaveLength(4);
    const { findings, verdicts } = runAudits(AUDITS, loaded.map((l) => l.artifacts));
    const keyboard = verdicts.filter((v) => v.auditId === 'keyboard-trap');
    expect(keyboard.map((v) => v.outcome)).toEqual(['passed', 'error', 'error', 'error']);
    expect(keyboard[1].notes?.join()).toMatch(/001-bad\.json: keyboard\.presses: /);
    expect(keyboard[2].notes?.join()).toMatch(/002-broken\.json: not valid JSON/);
    expect(keyboard[3].notes?.join()).toMatch(/003-no-url\.json: url: /);
    expect(verdicts.filter((v) => v.auditId === 'axe').map((v) => v.outcome)).toEqual(['passed', 'passed', 'error', 'error']);
    const bundle = buildBundle({ startedAt: '', findings, verdicts, incomplete: [], versions: {} });
    expect(bundle.status).toBe('incomplete');
  });
});
