import { describe, expect, it } from 'vitest';
import { resolveParams, type SimulationParams } from './params.ts';
import { buildPopulation } from './population.ts';
import { simulateSeed } from './simulate.ts';
import { kRatio, runLotterySimulation } from './report.ts';
import { histogramQuantile } from './stats.ts';
import { referenceLottery } from '../../composition/lottery/reference-target.ts';
import type { TargetLottery } from './target.ts';

const small = (over: Partial<SimulationParams> = {}) =>
  resolveParams({ registrations: 6000, dailySlots: 100, days: 120, seeds: 1, snapshotDay: 20, kTrials: 6, groupShare: 0, giveUpPerDay: 0, requestProbability: 1, arrivals: { backlogShare: 1, backlogDays: 1, arrivalDays: 1 }, accountCounts: [1, 2, 5], ...over });
const model = (dedupePersons: boolean): TargetLottery => ({ id: 't', title: 'T', rules: { earliestShare: 0.3, dedupePersons, source: 'test' }, driven: 'model' });
const design = (run: ReturnType<typeof simulateSeed>, id: string) => run.designs.find((d) => d.id === id)!;
const quantile = (waits: number[], q: number) => histogramQuantile(waits, waits.reduce((a, b) => a + b, 0), q);

describe('population', () => {
  it('has the registrations as persons, families as one entry, registration order non-decreasing', () => {
    const pop = buildPopulation(resolveParams({ registrations: 10_000, groupShare: 0.2 }), 4);
    expect(pop.persons).toBe(10_000);
    let persons = 0;
    for (let e = 0; e < pop.entries; e++) persons += pop.size[e];
    expect(persons).toBe(10_000);
    expect(pop.entries).toBeLessThan(10_000);
    for (let e = 1; e < pop.entries; e++) expect(pop.regDay[e]).toBeGreaterThanOrEqual(pop.regDay[e - 1]);
  });
  it('rejects bad parameters by name', () => {
    expect(() => resolveParams({ requestProbability: 0 })).toThrow(/requestProbability/);
    expect(() => resolveParams({ accountCounts: [2, 5] })).toThrow(/accountCounts/);
    expect(() => resolveParams({ days: 10, snapshotDay: 10 })).toThrow(/snapshotDay/);
  });
});

describe('the day-by-day simulation: known answers on small populations', () => {
  it('serves a backlog first come, first served at exactly the daily slots: waits 0 … 59 days, 100 a day', () => {
    const run = simulateSeed(small(), 1, model(true), false);
    const fcfs = design(run, 'fcfs');
    expect(fcfs.served).toBe(6000);
    expect(fcfs.gaveUp).toBe(0);
    // Everyone registered on day −1 (floor of a time in [−1, 0)): served on day d waited d + 1 days.
    expect(fcfs.waits.slice(0, 1)).toEqual([0]);
    expect(fcfs.waits.slice(1, 61)).toEqual(new Array(60).fill(100));
    expect(fcfs.waits.length).toBe(61);
  });

  it('serves everyone the day they ask when slots exceed requesters, under every design', () => {
    const run = simulateSeed(small({ registrations: 1000, dailySlots: 2000 }), 2, model(true), false);
    for (const d of run.designs) {
      expect(d.served).toBe(1000);
      expect(quantile(d.waits, 1)).toBe(1); // registered on day −1, served on day 0
    }
  });

  it('under a uniform lottery some wait far longer than under a queue', () => {
    // A backlog plus arrivals a little below capacity: the queue drains steadily, the lottery leaves some behind for long.
    const run = simulateSeed(small({ registrations: 9000, days: 250, arrivals: { backlogShare: 0.3, backlogDays: 10, arrivalDays: 100 } }), 3, model(true), false);
    const fcfs = design(run, 'fcfs');
    const uniform = design(run, 'uniform');
    expect(uniform.served).toBe(run.entries);
    expect(quantile(uniform.waits, 1)).toBeGreaterThan(quantile(fcfs.waits, 1) + 20);
    expect(quantile(uniform.waits, 0.99)).toBeGreaterThan(quantile(fcfs.waits, 0.99));
  });

  it('lets people give up: with a high daily chance, many leave unserved and are counted', () => {
    const run = simulateSeed(small({ giveUpPerDay: 0.05 }), 4, model(true), false);
    const d = design(run, 'uniform');
    expect(d.gaveUp).toBeGreaterThan(1000);
    expect(d.served + d.gaveUp + d.stillWaiting).toBe(run.entries);
  });
});

describe('the multiple-account experiment', () => {
  it('k accounts win about k times as often under a per-account uniform lottery; once per person, as often as one', () => {
    const params = small({ registrations: 40_000, days: 30, snapshotDay: 5, kTrials: 20 });
    const run = simulateSeed(params, 5, model(true), false);
    const uniform = design(run, 'uniform');
    expect(kRatio(uniform, 2)).toBeGreaterThan(1.6);
    expect(kRatio(uniform, 2)).toBeLessThan(2.4);
    expect(kRatio(uniform, 5)).toBeGreaterThan(3.8);
    expect(kRatio(uniform, 5)).toBeLessThan(6);
    const target = design(run, 'target');
    expect(target.perPerson).toBe(true);
    expect(kRatio(target, 5)).toBeGreaterThan(0.5);
    expect(kRatio(target, 5)).toBeLessThan(1.6);
  });

  it("drives the reference module: with deduplication no advantage, without it an advantage", () => {
    const params = small({ registrations: 40_000, days: 30, snapshotDay: 5, kTrials: 10, dailySlots: 1450 });
    const on = runLotterySimulation(params, referenceLottery({ earliestShare: 0.3, dedupePersons: true, source: 'test' }, 'reference'));
    const off = runLotterySimulation(params, referenceLottery({ earliestShare: 0.3, dedupePersons: false, source: 'test' }, 'reference'));
    const k5 = (r: typeof on) => r.designs[0].k.find((k) => k.k === 5)!.ratio.mean;
    expect(k5(on)).toBeLessThan(1.5);
    expect(k5(off)).toBeGreaterThan(2);
    expect(on.target.drivenSeeds).toEqual([1]);
  });

  it('the model of the target reproduces the target driven through its code (same population)', () => {
    const params = small({ registrations: 150_000, dailySlots: 1450, days: 200, snapshotDay: 10, kTrials: 2, requestProbability: 0.8, groupShare: 0.1, arrivals: { backlogShare: 0.3, backlogDays: 30, arrivalDays: 120 } });
    const report = runLotterySimulation(params, referenceLottery({ earliestShare: 0.3, dedupePersons: true, source: 'test' }, 'reference'));
    const [check] = report.modelCheck;
    expect(Math.abs(check.module.median - check.model.median)).toBeLessThanOrEqual(3);
    expect(Math.abs(check.module.p90 - check.model.p90)).toBeLessThanOrEqual(5);
    expect(report.designs[0].groupsWon).toBeGreaterThan(100);
    expect(report.designs[0].groupsSplit).toBe(0); // the reference draws a family as one entry, at one port
  });
});
