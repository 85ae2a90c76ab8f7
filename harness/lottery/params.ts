/**
 * Parameters of the lottery fairness simulation. Defaults are the documented scale (765,000
 * registrations, 1,450 slots a day over 8 ports, 30 % to the earliest registrations, 540 days); the
 * behaviour of the people (when they arrive, how often they ask again, when they give up) is NOT
 * documented and is therefore a parameter, printed with every report.
 */
export interface ArrivalParams {
  /** Share of the registrations already waiting on day 0 (registered over `backlogDays` before it). */
  backlogShare: number;
  backlogDays: number;
  /** The rest arrive uniformly over days 0 … arrivalDays − 1. */
  arrivalDays: number;
}

export interface SimulationParams {
  /** Persons registered (each needs one slot); families are grouped into one entry. */
  registrations: number;
  dailySlots: number;
  days: number;
  /** The earliest-registration share of the "share to the earliest" design (the target's own is read from the target). */
  earliestShare: number;
  arrivals: ArrivalParams;
  /** Probability that a waiting person asks again on a given day (the lotteries draw among that day's requesters). */
  requestProbability: number;
  /** Daily probability that a waiting person gives up for good. */
  giveUpPerDay: number;
  /** Share of persons who travel in a family or group of 2–5 (one entry, one slot per member). */
  groupShare: number;
  /** Independent simulations; intervals are over these. */
  seeds: number;
  /** The day the multiple-account experiment is run on (the pool as it stands that day). */
  snapshotDay: number;
  /** One-day draws per seed in the multiple-account experiment. */
  kTrials: number;
  /** Accounts held by one person in the multiple-account experiment. */
  accountCounts: number[];
  /** Households at one address above this many applicants are flagged by a shared-address rule. */
  addressThreshold: number;
  /** Shelters in the population, and their residents (unrelated persons at one address). */
  shelters: number;
  shelterResidents: number;
}

export const DEFAULT_PARAMS: SimulationParams = {
  registrations: 765_000,
  dailySlots: 1450,
  days: 540,
  earliestShare: 0.3,
  arrivals: { backlogShare: 0.25, backlogDays: 60, arrivalDays: 360 },
  requestProbability: 0.9,
  giveUpPerDay: 0.001,
  groupShare: 0.1,
  seeds: 5,
  snapshotDay: 180,
  kTrials: 12,
  accountCounts: [1, 2, 5, 466],
  addressThreshold: 10,
  shelters: 40,
  shelterResidents: 150,
};

function check(ok: boolean, what: string, value: unknown): void {
  if (!ok) throw new Error(`lottery parameters: ${what} (got ${JSON.stringify(value)})`);
}

/** Defaults overlaid with `over`, validated: bad input names the parameter. */
export function resolveParams(over: Partial<SimulationParams> = {}): SimulationParams {
  const p: SimulationParams = { ...DEFAULT_PARAMS, ...over, arrivals: { ...DEFAULT_PARAMS.arrivals, ...(over.arrivals ?? {}) } };
  const int = (v: number, min: number) => Number.isInteger(v) && v >= min;
  const share = (v: number) => typeof v === 'number' && v >= 0 && v <= 1;
  check(int(p.registrations, 1), 'registrations must be a whole number ≥ 1', p.registrations);
  check(int(p.dailySlots, 1), 'dailySlots must be a whole number ≥ 1', p.dailySlots);
  check(int(p.days, 1), 'days must be a whole number ≥ 1', p.days);
  check(share(p.earliestShare), 'earliestShare must be between 0 and 1', p.earliestShare);
  check(share(p.arrivals.backlogShare), 'arrivals.backlogShare must be between 0 and 1', p.arrivals.backlogShare);
  check(int(p.arrivals.backlogDays, 1), 'arrivals.backlogDays must be a whole number ≥ 1', p.arrivals.backlogDays);
  check(int(p.arrivals.arrivalDays, 1), 'arrivals.arrivalDays must be a whole number ≥ 1', p.arrivals.arrivalDays);
  check(typeof p.requestProbability === 'number' && p.requestProbability > 0 && p.requestProbability <= 1, 'requestProbability must be in (0, 1]', p.requestProbability);
  check(typeof p.giveUpPerDay === 'number' && p.giveUpPerDay >= 0 && p.giveUpPerDay < 1, 'giveUpPerDay must be in [0, 1)', p.giveUpPerDay);
  check(share(p.groupShare), 'groupShare must be between 0 and 1', p.groupShare);
  check(int(p.seeds, 1) && p.seeds <= 64, 'seeds must be a whole number from 1 to 64', p.seeds);
  check(int(p.snapshotDay, 0) && p.snapshotDay < p.days, 'snapshotDay must be a day of the simulation', p.snapshotDay);
  check(int(p.kTrials, 1), 'kTrials must be a whole number ≥ 1', p.kTrials);
  check(Array.isArray(p.accountCounts) && p.accountCounts.length > 0 && p.accountCounts.every((k) => int(k, 1)) && p.accountCounts.includes(1), 'accountCounts must be whole numbers ≥ 1 including 1', p.accountCounts);
  check(int(p.addressThreshold, 1), 'addressThreshold must be a whole number ≥ 1', p.addressThreshold);
  check(int(p.shelters, 0), 'shelters must be a whole number ≥ 0', p.shelters);
  check(int(p.shelterResidents, 1), 'shelterResidents must be a whole number ≥ 1', p.shelterResidents);
  return p;
}
