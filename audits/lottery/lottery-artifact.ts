import type { Artifacts } from '../../harness/types.ts';
import type { LotteryReport } from '../../harness/lottery/report.ts';

/** The lottery report gathered by `portico lottery` (artifact key "lottery"). */
export function lotteryReport(artifacts: Artifacts): LotteryReport {
  const report = artifacts.gathered.lottery as LotteryReport | undefined;
  if (!report || report.schema !== 'portico.lottery/1') throw new Error('the "lottery" artifact is not a portico.lottery/1 report');
  return report;
}

export const targetDesign = (report: LotteryReport) => report.designs.find((d) => d.id === 'target');
