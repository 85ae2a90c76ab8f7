/**
 * The lottery checkpoint of `portico run`: the short simulation against the real reference target
 * (started in-process), its artifact judged by the lottery audits through the registry's
 * auditsForArtifacts, and its evidence in report.html, summary.txt and SARIF. Times it.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runLotteryCheckpoint, targetHasLottery, RUN_LOTTERY_OPTIONS } from './command.ts';
import { auditsForArtifacts, REPORTED_AUDITS } from '../registry.ts';
import { LOTTERY_AUDITS } from '../../audits/lottery/index.ts';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import { auditBundle } from '../../harness/bundle.ts';
import { writeRunOutputs } from '../../harness/report/run-output.ts';
import type { Artifacts } from '../../harness/types.ts';

async function checkpoint(defects?: string) {
  const out = await mkdtemp(join(tmpdir(), 'portico-run-lottery-'));
  const r = await runLotteryCheckpoint(out, { profile: 'conformant', defects });
  const artifacts = (await loadArtifactsDir(out)).map((l) => l.artifacts);
  const bundle = auditBundle({ startedAt: new Date().toISOString(), audits: auditsForArtifacts, artifacts, incomplete: [], versions: {}, meta: { command: 'run', target: 'reference' } });
  await writeRunOutputs(out, bundle, 'Portico: reference', { audits: REPORTED_AUDITS.map((a) => a.meta), pdf: false, formats: ['html', 'text', 'sarif'] });
  const read = (f: string) => readFile(join(out, f), 'utf8');
  return { r, out, artifacts, bundle, html: await read('report.html'), text: await read('summary.txt'), sarif: await read('report.sarif') };
}

describe('the lottery checkpoint of portico run', () => {
  it('is judged by the lottery audits (and only them), through the registry', () => {
    const lottery = { schema: 'portico.artifacts/1', checkpoint: 'lottery', url: '', pagePath: '/lottery', context: { flow: 'lottery' }, gatheredAt: '', versions: {}, gathered: { lottery: { error: 'x' } } } as Artifacts;
    expect((auditsForArtifacts as (a: Artifacts) => unknown)(lottery)).toBe(LOTTERY_AUDITS);
    const page = { ...lottery, gathered: { axe: {} } } as Artifacts;
    expect((auditsForArtifacts as (a: Artifacts) => typeof LOTTERY_AUDITS)(page).some((a) => a.meta.id.startsWith('lottery-'))).toBe(false);
    expect(targetHasLottery('reference')).toBe(true);
    expect(targetHasLottery('targets/examples/shop.target.yaml')).toBe(false);
    expect(RUN_LOTTERY_OPTIONS).toMatchObject({ seeds: '2', days: '90', registrations: '60000' });
  });

  it('duplicate accounts in the draw: the multiple-account finding in report.html, summary.txt and SARIF, with the charts and tables; under 15 s', async () => {
    const c = await checkpoint('duplicate-accounts-enter-lottery');
    expect(c.r.error).toBeUndefined();
    console.log(`lottery checkpoint (duplicate-accounts-enter-lottery): ${(c.r.ms / 1000).toFixed(2)} s`);
    expect(c.r.ms).toBeLessThan(15_000);
    expect(c.artifacts).toHaveLength(1);
    const failed = c.bundle.findings.filter((f) => f.outcome === 'failed').map((f) => f.ruleId);
    expect(failed).toEqual(['lottery-multiple-accounts']);
    expect(c.bundle.status).toBe('barriers');
    expect(c.text).toMatch(/Fairness: multiple-account advantage[^\n]*1 issue/);
    expect(c.text).toContain("duplicate persons NOT deduplicated");
    expect(JSON.parse(c.sarif).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('lottery-multiple-accounts');
    expect(c.html).toContain('<a href="#exhibit-lottery-1">The lottery simulation: charts and tables</a>');
    expect(c.html.match(/<svg [^>]*role="img"/g)).toHaveLength(3);
    expect(c.html).toMatch(/<caption>Win probability with k accounts/);
    for (const f of ['evidence/lottery/lottery-k-advantage.svg', 'evidence/lottery/lottery-waits.svg', 'evidence/lottery/lottery.json']) expect((await readFile(join(c.out, f), 'utf8')).length).toBeGreaterThan(100);
  }, 60_000);

  it('conformant: the lottery audits pass, and the charts are still shown as evidence', async () => {
    const c = await checkpoint();
    console.log(`lottery checkpoint (conformant): ${(c.r.ms / 1000).toFixed(2)} s`);
    expect(c.bundle.findings.filter((f) => f.outcome === 'failed')).toEqual([]);
    expect(c.bundle.verdicts.map((v) => `${v.auditId} ${v.outcome}`)).toEqual(expect.arrayContaining(['lottery-multiple-accounts passed', 'lottery-draw-recompute passed']));
    expect(c.html).toContain('id="exhibit-lottery-1"');
  }, 60_000);

  it('portico run offers --no-lottery', () => {
    const help = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'cli', 'main.ts'), 'run', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/--no-lottery\s+skip the lottery checkpoint/);
  });
});
