import { describe, expect, it } from 'vitest';
import { checkGathered } from './schemas.ts';
import { lotterySchema } from './lottery-schema.ts';
import { smallLotteryReport } from '../report/test-data/exhibit-artifacts.ts';
import { resolveParams } from '../lottery/params.ts';
import { runLotterySimulation } from '../lottery/report.ts';

const report = smallLotteryReport();
/** As read back from disk: JSON writes NaN (an interval over no finite value) as null. */
const fromDisk = () => JSON.parse(JSON.stringify(report));

describe('the lottery report schema', () => {
  it('a real report validates, as built and as read back from JSON', () => {
    expect(lotterySchema.safeParse(report).error).toBeUndefined();
    expect(checkGathered({ lottery: report }, 'x.json').lottery).toBe(report);
    const disk = fromDisk();
    expect(checkGathered({ lottery: disk }, 'x.json').lottery).toBe(disk);
  });

  it('accepts NaN statistics and the null JSON writes for them', () => {
    // No probe person can win with one account when nobody is served: the k ratios are NaN.
    const params = resolveParams({ registrations: 2000, dailySlots: 1, days: 5, seeds: 2, snapshotDay: 2, kTrials: 2, accountCounts: [1, 2] });
    const empty = runLotterySimulation(params, { id: 't', title: 't', rules: { earliestShare: 0.3, dedupePersons: true, source: 'test' }, driven: 'model' });
    const stats = empty.designs.flatMap((d) => d.k.flatMap((k) => [k.ratio.mean, k.winRate.mean]));
    expect(stats.some(Number.isNaN)).toBe(true);
    expect(lotterySchema.safeParse(empty).error).toBeUndefined();
    expect(lotterySchema.safeParse(JSON.parse(JSON.stringify(empty))).error).toBeUndefined();
  });

  it.each([
    ['designs[0].waits.median.mean', (r: any) => { r.designs[0].waits.median.mean = '12'; }],
    ['designs[0].waits.median', (r: any) => { r.designs[0].waits.median = 'twelve days'; }],
    ['target.rules', (r: any) => { delete r.target.rules; }],
    ['records[0].verdict', (r: any) => { r.records[0].verdict = 'fine'; }],
    ['params.accountCounts[1]', (r: any) => { r.params.accountCounts[1] = null; }],
    ['schema', (r: any) => { r.schema = 'portico.lottery/2'; }],
  ])('a report with a wrong %s is an error naming lottery.<that path>', (path, spoil) => {
    const bad = fromDisk();
    spoil(bad);
    const checked = checkGathered({ lottery: bad }, 'artifacts/lottery/001-lottery.json').lottery as { error: string };
    expect(checked.error.startsWith(`malformed artifact in artifacts/lottery/001-lottery.json: lottery.${path}: `), checked.error).toBe(true);
  });
});
