/** The lottery report: every seed's runs summarised with 95 % intervals over seeds (pure). */
import type { SimulationParams } from './params.ts';
import { simulateSeed, type DesignRun, type SeedRun } from './simulate.ts';
import { histogramMax, histogramQuantile, meanInterval, type Interval } from './stats.ts';
import { analyseShelters, type ShelterAnalysis } from './shelters.ts';
import type { RecordCheck } from './records.ts';
import type { TargetLottery, TargetRules } from './target.ts';

export interface WaitSummary {
  median: Interval;
  p90: Interval;
  p99: Interval;
  max: Interval;
}

export interface KSummary {
  k: number;
  /** Probe persons' daily win rate on the snapshot day. */
  winRate: Interval;
  /** Win rate with k accounts ÷ with one account. */
  ratio: Interval;
}

export interface DesignSummary {
  id: string;
  title: string;
  description: string;
  perPerson: boolean;
  waits: WaitSummary;
  served: Interval;
  gaveUp: Interval;
  stillWaiting: Interval;
  k: KSummary[];
  groupsWon: number;
  groupsSplit: number;
  /** Share of served entries by wait, in weeks (mean over seeds): index w = waited 7w … 7w + 6 days. */
  weeklyShare: number[];
}

export interface LotteryReport {
  schema: 'portico.lottery/1';
  target: { id: string; title: string; driven: 'module' | 'model'; rules: TargetRules; drivenSeeds: number[] };
  params: SimulationParams;
  population: { entries: Interval; persons: number };
  designs: DesignSummary[];
  /** On the driven seed(s): the target through its code against the model of its rules, same population. */
  modelCheck: Array<{ seed: number; module: Record<'median' | 'p90' | 'p99' | 'max', number>; model: Record<'median' | 'p90' | 'p99' | 'max', number> }>;
  shelters: ShelterAnalysis;
  records: RecordCheck[];
  timing: { simulationMs: number; byDesignMs: Record<string, number> };
}

function waitPoints(run: DesignRun): Record<'median' | 'p90' | 'p99' | 'max', number> {
  const total = run.waits.reduce((a, b) => a + b, 0);
  return { median: histogramQuantile(run.waits, total, 0.5), p90: histogramQuantile(run.waits, total, 0.9), p99: histogramQuantile(run.waits, total, 0.99), max: histogramMax(run.waits) };
}

export function kRatio(run: DesignRun, k: number): number {
  const one = run.kCounts.find((c) => c.k === 1);
  const many = run.kCounts.find((c) => c.k === k);
  if (!one || !many || one.trials === 0 || many.trials === 0 || one.wins === 0) return Number.NaN;
  return many.wins / many.trials / (one.wins / one.trials);
}

export function summariseDesign(runs: DesignRun[], accountCounts: number[]): DesignSummary {
  const first = runs[0];
  const points = runs.map(waitPoints);
  const weeks = Math.max(...runs.map((r) => Math.ceil(r.waits.length / 7)));
  const weeklyShare = new Array(weeks).fill(0);
  for (const r of runs) {
    const total = r.waits.reduce((a, b) => a + b, 0) || 1;
    r.waits.forEach((count, wait) => (weeklyShare[Math.floor(wait / 7)] += count / total / runs.length));
  }
  return {
    id: first.id,
    title: first.title,
    description: first.description,
    perPerson: first.perPerson,
    waits: { median: meanInterval(points.map((p) => p.median)), p90: meanInterval(points.map((p) => p.p90)), p99: meanInterval(points.map((p) => p.p99)), max: meanInterval(points.map((p) => p.max)) },
    served: meanInterval(runs.map((r) => r.served)),
    gaveUp: meanInterval(runs.map((r) => r.gaveUp)),
    stillWaiting: meanInterval(runs.map((r) => r.stillWaiting)),
    k: accountCounts.map((k) => ({
      k,
      winRate: meanInterval(runs.map((r) => {
        const c = r.kCounts.find((x) => x.k === k);
        return c && c.trials ? c.wins / c.trials : Number.NaN;
      }), 0),
      ratio: meanInterval(runs.map((r) => kRatio(r, k)), 0),
    })),
    groupsWon: runs.reduce((a, r) => a + r.groupsWon, 0),
    groupsSplit: runs.reduce((a, r) => a + r.groupsSplit, 0),
    weeklyShare,
  };
}

export function summarise(params: SimulationParams, target: TargetLottery, seeds: SeedRun[], records: RecordCheck[], simulationMs: number): LotteryReport {
  const ids = seeds[0].designs.map((d) => d.id);
  const byDesignMs: Record<string, number> = {};
  for (const id of ids) byDesignMs[id] = seeds.reduce((a, s) => a + (s.designs.find((d) => d.id === id)?.ms ?? 0), 0);
  return {
    schema: 'portico.lottery/1',
    target: { id: target.id, title: target.title, driven: target.driven, rules: target.rules, drivenSeeds: seeds.filter((s) => s.targetDriven).map((s) => s.seed) },
    params,
    population: { entries: meanInterval(seeds.map((s) => s.entries)), persons: seeds[0].persons },
    designs: ids.map((id) => summariseDesign(seeds.map((s) => s.designs.find((d) => d.id === id)!), params.accountCounts)),
    modelCheck: seeds.filter((s) => s.targetModelCheck).map((s) => ({ seed: s.seed, module: waitPoints(s.designs[0]), model: waitPoints(s.targetModelCheck!) })),
    shelters: analyseShelters({ accounts: params.registrations, shelters: params.shelters, shelterResidents: params.shelterResidents, threshold: params.addressThreshold, multiAccounts: params.accountCounts.filter((k) => k > 1) }, 1),
    records,
    timing: { simulationMs, byDesignMs },
  };
}

/** Runs every seed (the first `drivenSeeds` drive the target's days through its code) and summarises. */
export function runLotterySimulation(requested: SimulationParams, target: TargetLottery, options: { drivenSeeds?: number; records?: RecordCheck[]; onSeed?: (run: SeedRun) => void } = {}): LotteryReport {
  const started = performance.now();
  // A target with known capacity sets it for every design, so the comparison is like for like.
  const params = target.dailySlots !== undefined ? { ...requested, dailySlots: target.dailySlots } : requested;
  const runs: SeedRun[] = [];
  const driven = options.drivenSeeds ?? 1;
  for (let s = 1; s <= params.seeds; s++) {
    const run = simulateSeed(params, s, target, s <= driven);
    options.onSeed?.(run);
    runs.push(run);
  }
  return summarise(params, target, runs, options.records ?? [], performance.now() - started);
}
