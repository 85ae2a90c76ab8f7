/**
 * How the simulation reaches a target's lottery. A target that can be DRIVEN (the reference target
 * through its module; any target through a module path) gives a drawer that draws a day among given
 * entries of a synthetic population; a target known only by its published draw records gives its
 * rules, and its design is then simulated as a model of those rules (and said so in the report).
 */
import type { Population } from './population.ts';

/** Extra accounts for the multiple-account experiment: `accounts` accounts of `persons` persons. */
export interface Probes {
  accounts: number;
  /** Probe person of each account (0 … persons − 1). */
  person: Int32Array;
  /** Registration day of each account. */
  regDay: Float64Array;
  persons: number;
  /** Accounts held by each probe person. */
  personAccounts: Int32Array;
}

export interface DayOutcome {
  /** Group entries (families) with at least one member drawn, and those whose members were not all drawn together at one port. */
  groupsWon: number;
  groupsSplit: number;
}

export interface TargetDrawer {
  /**
   * Draw `day` (0 = the first simulated day) among `entryCount` entries of the population (`entries`)
   * and, when given, every probe account. Sets wonEntry[e] = 1 for each winning entry and
   * wonProbe[a] = 1 for each winning probe account.
   */
  drawDay(day: number, seed: string, entries: Int32Array, entryCount: number, probes: Probes | null, wonEntry: Uint8Array, wonProbe: Uint8Array): DayOutcome;
}

export interface TargetRules {
  earliestShare: number;
  dedupePersons: boolean;
  /** How the target tells one person's many accounts apart: a per-person signal, a shared-address rule, or nothing. Default: per-person when dedupePersons. */
  fraudSignal?: 'per-person' | 'shared-address' | 'none';
  /** A shared-address rule's threshold (applicants at one address). */
  addressThreshold?: number;
  /** Where the rules were read: "published draw record 2026-12-02", "module declaration", … */
  source: string;
}

export interface TargetLottery {
  id: string;
  title: string;
  rules: TargetRules;
  /** The target's daily capacity (its ports' total), when known: every design is simulated with it. */
  dailySlots?: number;
  /** How the target's design is reached: driven through code, or a model of its published rules. */
  driven: 'module' | 'model';
  /** Present when driven: a drawer for one population (with room for up to `maxProbeAccounts` probe accounts). */
  prepare?(pop: Population, maxProbeAccounts: number, seed: number): TargetDrawer;
}
