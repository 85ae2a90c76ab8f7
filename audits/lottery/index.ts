import type { Audit } from '../../harness/types.ts';
import { lotteryMultipleAccountsAudit } from './lottery-multiple-accounts.ts';
import { lotterySheltersAudit } from './lottery-shelters.ts';
import { lotteryDrawRecomputeAudit } from './lottery-draw-recompute.ts';
import { lotteryGroupsAudit } from './lottery-groups.ts';

/** The audits over the "lottery" artifact that `portico lottery` gathers. */
export const LOTTERY_AUDITS: Audit[] = [lotteryMultipleAccountsAudit, lotterySheltersAudit, lotteryGroupsAudit, lotteryDrawRecomputeAudit];
