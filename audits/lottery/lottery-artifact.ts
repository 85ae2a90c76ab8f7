import type { Artifacts } from '../../harness/types.ts';
import type { LotteryReport } from '../../harness/lottery/report.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * The lottery report gathered by `portico lottery` (artifact key "lottery"), checked against its
 * schema when gathered and when read back (harness/artifacts/lottery-schema.ts). The schema tag is
 * checked again for artifacts built in memory and handed to the runner unchecked.
 */
export function lotteryReport(artifacts: Artifacts): LotteryReport {
  const report = gathered(artifacts, 'lottery');
  if (report?.schema !== 'portico.lottery/1') throw new Error('the "lottery" artifact is not a portico.lottery/1 report');
  return report;
}

export const targetDesign = (report: LotteryReport) => report.designs.find((d) => d.id === 'target');
