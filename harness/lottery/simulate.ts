/**
 * One seed of the fairness simulation: the documented population, day by day for `days` days, under
 * the target's design and each alternative; on `snapshotDay`, the multiple-account experiment.
 */
import type { SimulationParams } from './params.ts';
import { buildPopulation, type Population } from './population.ts';
import { Pool } from './pool.ts';
import { mulberry32, below, type Rand } from '../random.ts';
import { alternativeDesigns, earliestShareDesign, type Design, type EntryList } from './designs.ts';
import type { Probes, TargetDrawer, TargetLottery } from './target.ts';

export interface KCount {
  k: number;
  /** Probe persons × trials, and how many of those person-draws won a slot. */
  trials: number;
  wins: number;
}

export interface DesignRun {
  id: string;
  title: string;
  description: string;
  /** Served entries by wait in days. */
  waits: number[];
  served: number;
  gaveUp: number;
  stillWaiting: number;
  kCounts: KCount[];
  /** Requesters on the snapshot day (the pool the experiment drew from). */
  snapshotRequesters: number;
  groupsWon: number;
  groupsSplit: number;
  /** Counts accounts of one person once? */
  perPerson: boolean;
  ms: number;
}

export interface SeedRun {
  seed: number;
  entries: number;
  persons: number;
  designs: DesignRun[];
  /** Was the target's day-by-day run driven through its code on this seed? */
  targetDriven: boolean;
  /** On a driven seed: the model of the target's rules on the same population, to check the model. */
  targetModelCheck?: DesignRun;
}

/** Probe persons per k: enough person-draws for a usable rate at every k. */
export function probePersons(k: number): number {
  return k === 1 ? 4000 : k <= 10 ? Math.ceil(4000 / k) : 20;
}

export function maxProbeAccounts(params: SimulationParams): number {
  return params.accountCounts.reduce((sum, k) => sum + k * probePersons(k), 0);
}

/** Probe persons whose first account is registered like a random waiting entry, the others later (up to the day). */
function makeProbes(params: SimulationParams, anchorDays: Float64Array, anchorCount: number, day: number, rand: Rand): Probes {
  const total = maxProbeAccounts(params);
  const person = new Int32Array(total);
  const regDay = new Float64Array(total);
  const personAccounts: number[] = [];
  let a = 0;
  for (const k of params.accountCounts) {
    for (let m = 0; m < probePersons(k); m++) {
      const p = personAccounts.length;
      personAccounts.push(k);
      const first = anchorCount > 0 ? anchorDays[below(rand, anchorCount)] : day;
      for (let j = 0; j < k; j++) {
        person[a] = p;
        regDay[a++] = j === 0 ? first : first + rand() * Math.max(0, Math.min(30, day - first));
      }
    }
  }
  return { accounts: total, person, regDay, persons: personAccounts.length, personAccounts: Int32Array.from(personAccounts) };
}

function tallyProbes(probes: Probes, wonProbe: Uint8Array, counts: Map<number, KCount>): void {
  const personWon = new Uint8Array(probes.persons);
  for (let a = 0; a < probes.accounts; a++) if (wonProbe[a]) personWon[probes.person[a]] = 1;
  for (let p = 0; p < probes.persons; p++) {
    const c = counts.get(probes.personAccounts[p])!;
    c.trials++;
    c.wins += personWon[p];
  }
}

interface Runner {
  id: string;
  title: string;
  description: string;
  perPerson: boolean;
  dailyRequest: boolean;
  drawDay(pool: Pool, day: number): { groupsWon: number; groupsSplit: number };
  experiment(pool: Pool, day: number, requesters: Int32Array, count: number, probes: Probes, trials: number, seed: number, counts: Map<number, KCount>): void;
}

function modelRunner(design: Design, params: SimulationParams, perPerson: boolean, label?: { id: string; title: string; description: string }): Runner {
  return {
    id: label?.id ?? design.id,
    title: label?.title ?? design.title,
    description: label?.description ?? design.description,
    perPerson,
    dailyRequest: design.dailyRequest,
    drawDay(pool, day) {
      design.drawDay(pool, day, params.dailySlots);
      return { groupsWon: 0, groupsSplit: 0 };
    },
    experiment(pool, day, requesters, count, probes, trials, seed, counts) {
      // Entries: the day's requesters, then the probes (one entry per account, or per person).
      const probeEntries = perPerson ? probes.persons : probes.accounts;
      const n = count + probeEntries;
      const list: EntryList = { count: n, regDay: new Float64Array(n), size: new Uint8Array(n), byRegistration: new Int32Array(n) };
      for (let i = 0; i < count; i++) {
        list.regDay[i] = pool.pop.regDay[requesters[i]];
        list.size[i] = pool.pop.size[requesters[i]];
      }
      if (perPerson) {
        list.regDay.fill(Number.POSITIVE_INFINITY, count);
        for (let a = 0; a < probes.accounts; a++) list.regDay[count + probes.person[a]] = Math.min(list.regDay[count + probes.person[a]], probes.regDay[a]);
      } else list.regDay.set(probes.regDay, count);
      list.size.fill(1, count);
      const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => list.regDay[x] - list.regDay[y] || x - y);
      list.byRegistration.set(order);
      const rand = mulberry32(seed ^ 0x6b);
      const won = new Uint8Array(n);
      const wonProbe = new Uint8Array(probes.accounts);
      for (let t = 0; t < trials; t++) {
        won.fill(0);
        design.drawList(list, day, params.dailySlots, rand, won);
        for (let a = 0; a < probes.accounts; a++) wonProbe[a] = won[count + (perPerson ? probes.person[a] : a)];
        tallyProbes(probes, wonProbe, counts);
      }
    },
  };
}

function drivenRunner(target: TargetLottery, drawer: TargetDrawer, pop: Population): Runner {
  const wonEntry = new Uint8Array(pop.entries);
  const requesters = new Int32Array(pop.entries);
  let wonProbe = new Uint8Array(0);
  return {
    id: 'target',
    title: target.title,
    description: `The target's own design, driven through its code (${target.rules.source}): ${Math.round(target.rules.earliestShare * 100)} % to the earliest, the rest at random; duplicate persons ${target.rules.dedupePersons ? 'counted once' : 'NOT deduplicated'}.`,
    perPerson: target.rules.dedupePersons,
    dailyRequest: true,
    drawDay(pool, day) {
      // In registration order: the rows then come in table order, which keeps the draw's reads local.
      let count = 0;
      for (let e = pool.head; e >= 0; ) {
        const after = pool.next[e];
        if (pool.stillWaiting(e, day) && pool.asksOn(e, day)) requesters[count++] = e;
        e = after;
      }
      const outcome = drawer.drawDay(day, `sim-${day}`, requesters, count, null, wonEntry, wonProbe);
      for (let i = 0; i < count; i++) {
        const e = requesters[i];
        if (wonEntry[e]) {
          wonEntry[e] = 0;
          pool.serve(e, day);
        }
      }
      return outcome;
    },
    experiment(_pool, day, list, count, probes, trials, seed, counts) {
      if (wonProbe.length < probes.accounts) wonProbe = new Uint8Array(probes.accounts);
      for (let t = 0; t < trials; t++) {
        wonProbe.fill(0);
        drawer.drawDay(day, `k-${seed}-${t}`, list, count, probes, wonEntry, wonProbe);
        for (let i = 0; i < count; i++) wonEntry[list[i]] = 0;
        tallyProbes(probes, wonProbe, counts);
      }
    },
  };
}

function runOne(runner: Runner, pop: Population, params: SimulationParams, seed: number): DesignRun {
  const started = performance.now();
  const rand = mulberry32(seed * 7919 + runner.id.length * 104_729 + runner.id.charCodeAt(0));
  const pool = new Pool(pop, params.days + params.arrivals.backlogDays + 1, runner.dailyRequest ? params.requestProbability : 1, rand);
  const counts = new Map(params.accountCounts.map((k) => [k, { k, trials: 0, wins: 0 }]));
  let groupsWon = 0;
  let groupsSplit = 0;
  let snapshotRequesters = 0;
  for (let day = 0; day < params.days; day++) {
    pool.admit(day);
    if (day === params.snapshotDay) {
      const list = new Int32Array(pool.size);
      const days = new Float64Array(pool.size);
      let count = 0;
      for (let e = pool.head; e >= 0; ) {
        const after = pool.next[e];
        if (pool.stillWaiting(e, day) && (!runner.dailyRequest || pool.asksOn(e, day))) {
          days[count] = pop.regDay[e];
          list[count++] = e;
        }
        e = after;
      }
      snapshotRequesters = count;
      const probes = makeProbes(params, days, count, day, rand);
      runner.experiment(pool, day, list, count, probes, params.kTrials, seed, counts);
    }
    const outcome = runner.drawDay(pool, day);
    groupsWon += outcome.groupsWon;
    groupsSplit += outcome.groupsSplit;
  }
  const { waiting, gaveUp } = pool.settle(params.days - 1);
  let lastWait = pool.waits.length - 1;
  while (lastWait > 0 && pool.waits[lastWait] === 0) lastWait--;
  return {
    id: runner.id,
    title: runner.title,
    description: runner.description,
    waits: Array.from(pool.waits.subarray(0, lastWait + 1)),
    served: pool.served,
    gaveUp,
    stillWaiting: waiting,
    kCounts: [...counts.values()],
    snapshotRequesters,
    groupsWon,
    groupsSplit,
    perPerson: runner.perPerson,
    ms: performance.now() - started,
  };
}

/**
 * Every design for one seed; the target's design comes first. When the target can be driven, its
 * multiple-account experiment always goes through its code; its day-by-day run does when `driveDays`
 * (one seed by default: at the documented scale it is the costliest part), and otherwise follows a
 * model of its rules — which the driven seed checks (`targetModelCheck`: the model on the same seed).
 */
export function simulateSeed(params: SimulationParams, seed: number, target: TargetLottery, driveDays: boolean): SeedRun {
  const pop = buildPopulation(params, seed);
  const rules = target.rules;
  const modelDesign = earliestShareDesign(rules.earliestShare);
  const modelLabel = (how: string) => ({
    id: 'target',
    title: target.title,
    description: `${how} (${rules.source}): ${Math.round(rules.earliestShare * 100)} % to the earliest, the rest at random; duplicate persons ${rules.dedupePersons ? 'counted once' : 'NOT deduplicated'}.`,
  });
  const runners: Runner[] = [];
  let check: Runner | null = null;
  if (target.driven === 'module' && target.prepare) {
    const driven = drivenRunner(target, target.prepare(pop, maxProbeAccounts(params), seed), pop);
    const model = modelRunner(modelDesign, params, rules.dedupePersons, modelLabel("A model of the target's rules"));
    if (driveDays) {
      runners.push(driven);
      check = { ...model, id: 'target-model', experiment: () => {} };
    } else runners.push({ ...model, description: modelLabel("The target's rules: days simulated by a model of them (checked against its code on the driven seed), the multiple-account experiment through its code").description, experiment: driven.experiment });
  } else runners.push(modelRunner(modelDesign, params, rules.dedupePersons, modelLabel("A model of the target's published rules, not driven through its code")));
  // The alternatives count accounts, as a design does without a per-person signal.
  for (const design of alternativeDesigns(params.earliestShare)) runners.push(modelRunner(design, params, false));
  const designs = runners.map((r) => runOne(r, pop, params, seed));
  return { seed, entries: pop.entries, persons: pop.persons, designs, targetDriven: driveDays && target.driven === 'module', targetModelCheck: check ? runOne(check, pop, params, seed) : undefined };
}
