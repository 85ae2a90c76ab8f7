/** The reference target's lottery, driven through its own module (targets/reference/lottery). */
import { drawColumns } from '../../targets/reference/lottery/draw.ts';
import { PORTS } from '../../targets/reference/lottery/ports.ts';
import { columnsDrawer } from '../../harness/lottery/columns-target.ts';
import type { TargetLottery, TargetRules } from '../../harness/lottery/target.ts';

export function referenceLottery(rules: TargetRules, label: string): TargetLottery {
  return {
    id: 'reference',
    title: `Target: ${label}`,
    rules,
    driven: 'module',
    dailySlots: PORTS.reduce((sum, p) => sum + p.capacity, 0),
    prepare: (pop, maxProbeAccounts, seed) => columnsDrawer(drawColumns, PORTS, rules, pop, maxProbeAccounts, seed),
  };
}
