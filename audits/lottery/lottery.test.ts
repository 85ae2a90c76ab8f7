import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import type { Artifacts } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';
import { resolveParams } from '../../harness/lottery/params.ts';
import { runLotterySimulation, type LotteryReport } from '../../harness/lottery/report.ts';
import type { RecordCheck } from '../../harness/lottery/records.ts';
import { LOTTERY_AUDITS } from './index.ts';

const params = resolveParams({ registrations: 40_000, dailySlots: 200, days: 40, seeds: 4, snapshotDay: 10, kTrials: 10, accountCounts: [1, 2, 5] });
const base = (dedupePersons: boolean, fraudSignal?: 'shared-address') =>
  runLotterySimulation(params, { id: 't', title: 'Target: t', rules: { earliestShare: 0.3, dedupePersons, fraudSignal, source: 'test' }, driven: 'model' });
const ok: RecordCheck = { day: '2023-06-01', source: 'r1', requesters: 10, winners: 5, verdict: 'recomputes', groupsSplit: 0, groupsWon: 1 };
const withPerPerson = base(true);
const withoutDedupe = base(false);

function judge(report: LotteryReport) {
  const artifacts: Artifacts = { schema: 'portico.artifacts/1', checkpoint: 'lottery', url: 'module:test', pagePath: '/lottery', context: { target: 't' }, gatheredAt: '', versions: {}, gathered: { lottery: report } };
  const { findings, verdicts } = runAudits(LOTTERY_AUDITS, [artifacts]);
  const outcome = (id: string) => verdicts.find((v) => v.auditId === id)!.outcome;
  return { findings, outcome };
}

describe('lottery audits', () => {
  it('pass a per-person design whose records recompute', () => {
    const { findings, outcome } = judge({ ...withPerPerson, records: [ok] });
    expect(outcome('lottery-multiple-accounts')).toBe('passed');
    expect(outcome('lottery-shelters')).toBe('passed');
    expect(outcome('lottery-draw-recompute')).toBe('passed');
    expect(outcome('lottery-groups')).toBe('passed');
    expect(findings).toEqual([]);
  });

  it('find the advantage of several accounts when persons are not deduplicated, citing the fairness reference', () => {
    const { findings, outcome } = judge({ ...withoutDedupe, records: [ok] });
    expect(outcome('lottery-multiple-accounts')).toBe('failed');
    const f = findings.find((x) => x.ruleId === 'lottery-multiple-accounts')!;
    expect(f.requirements.wcag).toEqual([]);
    expect(f.requirements.other).toContain('Fairness: multiple-account advantage');
    expect(f.message).toMatch(/5 accounts win ×/);
    expect(outcome('lottery-shelters')).toBe('inapplicable');
  });

  it('flag shelter residents when the target uses a shared-address rule', () => {
    const { findings, outcome } = judge({ ...base(true, 'shared-address'), records: [ok] });
    expect(outcome('lottery-shelters')).toBe('failed');
    const f = findings.find((x) => x.ruleId === 'lottery-shelters')!;
    expect(f.message).toMatch(/shelter residents/);
    expect(f.requirements.other).toContain('Fairness: shared-address rule and shelter residents');
  });

  it('fail a draw that does not recompute; cantTell with no record or an unreadable one, never a pass', () => {
    const differs: RecordCheck = { ...ok, day: '2023-06-02', source: 'r2', verdict: 'differs', reason: 'winner #3 differs' };
    const failed = judge({ ...withPerPerson, records: [ok, differs] });
    expect(failed.outcome('lottery-draw-recompute')).toBe('failed');
    const f = failed.findings.find((x) => x.ruleId === 'lottery-draw-recompute')!;
    expect(f.message).toMatch(/2023-06-02.*winner #3 differs/);
    expect(f.requirements.other).toContain('Draw-record verifiability (commit-reveal, recomputation)');
    expect(judge({ ...withPerPerson, records: [] }).outcome('lottery-draw-recompute')).toBe('cantTell');
    expect(judge({ ...withPerPerson, records: [{ ...ok, verdict: 'unreadable' }] }).outcome('lottery-draw-recompute')).toBe('cantTell');
  });

  it('fail a draw that splits families', () => {
    const { outcome, findings } = judge({ ...withPerPerson, records: [{ ...ok, groupsWon: 3, groupsSplit: 1 }] });
    expect(outcome('lottery-groups')).toBe('failed');
    expect(findings.find((x) => x.ruleId === 'lottery-groups')!.message).toMatch(/1 of 3 winning families split/);
  });

  it('errors, never passes, on an artifact that is not a lottery report', () => {
    const artifacts: Artifacts = { schema: 'portico.artifacts/1', checkpoint: 'lottery', url: 'x', pagePath: '/', context: {}, gatheredAt: '', versions: {}, gathered: { lottery: { nope: true } } };
    const { verdicts } = runAudits(LOTTERY_AUDITS, [artifacts]);
    expect(verdicts.every((v) => v.outcome === 'error')).toBe(true);
  });

  it('read back from disk: a real report is judged as before; a malformed one is an error naming the field in every lottery audit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-lottery-'));
    const envelope = (lottery: unknown) => ({ schema: 'portico.artifacts/1', checkpoint: 'lottery', url: 'module:test', pagePath: '/lottery', context: { target: 't' }, gatheredAt: '', versions: {}, gathered: { lottery } });
    const good = { ...withoutDedupe, records: [ok] };
    const badWait = structuredClone(good) as { designs: Array<{ waits: { median: unknown } }> };
    badWait.designs[0].waits.median = '12 days';
    const { target: { rules: _rules, ...noRules }, ...rest } = good;
    writeFileSync(join(dir, '001-good.json'), JSON.stringify(envelope(good)));
    writeFileSync(join(dir, '002-wait.json'), JSON.stringify(envelope(badWait)));
    writeFileSync(join(dir, '003-rules.json'), JSON.stringify(envelope({ ...rest, target: noRules })));
    const loaded = await loadArtifactsDir(dir);
    const { verdicts } = runAudits(LOTTERY_AUDITS, loaded.map((l) => l.artifacts));
    const byFile = (i: number) => verdicts.slice(i * LOTTERY_AUDITS.length, (i + 1) * LOTTERY_AUDITS.length);
    expect(byFile(0).map((v) => v.outcome)).toEqual(LOTTERY_AUDITS.map((a) => judge(good).outcome(a.meta.id)));
    expect(byFile(0).some((v) => v.outcome === 'failed')).toBe(true);
    for (const [i, field] of [[1, /002-wait\.json: lottery\.designs\[0\]\.waits\.median: /], [2, /003-rules\.json: lottery\.target\.rules: /]] as const) {
      expect(byFile(i).map((v) => v.outcome)).toEqual(LOTTERY_AUDITS.map(() => 'error'));
      for (const v of byFile(i)) expect(v.notes?.join()).toMatch(field);
    }
  });
});
