/**
 * The schema of the report `portico lottery` stores under the artifact key "lottery"
 * (LotteryReport, harness/lottery/report.ts). The report's types stay the interfaces of
 * harness/lottery/*.ts, where their fields are documented; the checks at the end of this file fail to
 * compile when the schema and LotteryReport stop describing the same fields (in both directions).
 */
import { z } from 'zod';
import type { LotteryReport } from '../lottery/report.ts';
import type { Known } from './schemas.ts';

/**
 * A statistic that can be NaN (an interval over no finite value, a quantile of an empty histogram).
 * JSON writes NaN as null, so a report read back from disk holds null there: accepted, typed number.
 */
const stat = z.custom<number>((v) => typeof v === 'number' || v === null, { message: 'Invalid input: expected number (or null, NaN as JSON writes it)' });
const count = z.number();

const interval = z.looseObject({ mean: stat, low: stat, high: stat, n: count });
const waitPoints = z.looseObject({ median: stat, p90: stat, p99: stat, max: stat });

const targetRules = z.looseObject({
  earliestShare: z.number(),
  dedupePersons: z.boolean(),
  fraudSignal: z.enum(['per-person', 'shared-address', 'none']).optional(),
  addressThreshold: z.number().optional(),
  source: z.string(),
});

const simulationParams = z.looseObject({
  registrations: count, dailySlots: count, days: count, earliestShare: z.number(),
  arrivals: z.looseObject({ backlogShare: z.number(), backlogDays: count, arrivalDays: count }),
  requestProbability: z.number(), giveUpPerDay: z.number(), groupShare: z.number(),
  seeds: count, snapshotDay: count, kTrials: count, accountCounts: z.array(count),
  addressThreshold: count, shelters: count, shelterResidents: count,
});

const designSummary = z.looseObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  perPerson: z.boolean(),
  waits: z.looseObject({ median: interval, p90: interval, p99: interval, max: interval }),
  served: interval,
  gaveUp: interval,
  stillWaiting: interval,
  k: z.array(z.looseObject({ k: count, winRate: interval, ratio: interval })),
  groupsWon: count,
  groupsSplit: count,
  weeklyShare: z.array(z.number()),
});

const ruleOutcome = z.looseObject({
  rule: z.enum(['shared-address', 'per-person']),
  description: z.string(),
  shelterResidentsFlagged: count, largeFamilyMembersFlagged: count, sharedAddressApplicantsFlagged: count, extraAccountsFlagged: count, accountsFlagged: count,
});
const shelterAnalysis = z.looseObject({
  shelterResidents: count, largeFamilyMembers: count, sharedAddressApplicants: count, extraAccounts: count, accounts: count, threshold: count,
  rules: z.array(ruleOutcome),
});

const recordCheck = z.looseObject({
  day: z.string(),
  source: z.string(),
  requesters: count,
  winners: count,
  verdict: z.enum(['recomputes', 'differs', 'unreadable']),
  reason: z.string().optional(),
  groupsSplit: count,
  groupsWon: count,
});

export const lotterySchema = z.looseObject({
  schema: z.literal('portico.lottery/1'),
  target: z.looseObject({ id: z.string(), title: z.string(), driven: z.enum(['module', 'model']), rules: targetRules, drivenSeeds: z.array(count) }),
  params: simulationParams,
  population: z.looseObject({ entries: interval, persons: count }),
  designs: z.array(designSummary),
  modelCheck: z.array(z.looseObject({ seed: count, module: waitPoints, model: waitPoints })),
  shelters: shelterAnalysis,
  records: z.array(recordCheck),
  timing: z.looseObject({ simulationMs: z.number(), byDesignMs: z.record(z.string(), z.number()) }),
});

// Compile-time: the schema's inferred type (named fields) and LotteryReport are the same type, at every
// depth (mutual assignability alone would let an optional field go missing on either side).
type Inferred = Known<z.infer<typeof lotterySchema>>;
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;
export type LotterySchemaMatchesReport = [
  Assert<LotteryReport extends Inferred ? true : false>,
  Assert<Inferred extends LotteryReport ? true : false>,
  Assert<Same<Inferred, LotteryReport>>,
];
