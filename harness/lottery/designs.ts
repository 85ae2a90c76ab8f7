/**
 * The allocation designs compared with the target's own. Each has two forms that follow the same
 * rule: `drawDay` on the waiting pool of the day-by-day simulation (sampling lazily, so a day costs
 * about as much as its winners, not its requesters), and `drawList` on an explicit list of entries
 * (the multiple-account experiment). Slots are national (the ports are pooled); an entry of size s
 * uses s slots and is skipped when fewer are left.
 */
import type { Pool } from './pool.ts';
import { below, type Rand } from '../random.ts';

export type DesignId = 'uniform' | 'earliest-share' | 'fcfs' | 'waited-weighted';

export interface EntryList {
  count: number;
  /** Registration day of each entry (non-decreasing is NOT required). */
  regDay: Float64Array;
  size: Uint8Array;
  /** Indices sorted by registration (computed once by the caller: the list is fixed over trials). */
  byRegistration: Int32Array;
}

export interface Design {
  id: DesignId;
  title: string;
  description: string;
  /** Does the design need a daily request (false: a place in a queue is kept)? */
  dailyRequest: boolean;
  drawDay(pool: Pool, day: number, slots: number): void;
  drawList(list: EntryList, day: number, slots: number, rand: Rand, won: Uint8Array): void;
}

const GIVE_UP_AFTER_MISSES = 64;

/** Uniform sampling without replacement among the day's requesters, until `slots` are used. */
function uniformDay(pool: Pool, day: number, slots: number): void {
  let left = slots;
  let misses = 0;
  // A day with few requesters: decide for everyone and shuffle (exact, and it ends).
  if (pool.size * pool.requestProbability <= 4 * slots) {
    const askers: number[] = [];
    for (let i = 0; i < pool.size; ) {
      const e = pool.dense[i];
      if (!pool.stillWaiting(e, day)) continue; // the last entry moved into slot i
      if (pool.asksOn(e, day)) askers.push(e);
      i++;
    }
    for (let i = 0; i < askers.length && left > 0; i++) {
      const j = i + below(pool.rand, askers.length - i);
      const e = askers[j];
      askers[j] = askers[i];
      askers[i] = e;
      if (pool.pop.size[e] <= left) {
        left -= pool.pop.size[e];
        pool.serve(e, day);
      }
    }
    return;
  }
  while (left > 0 && pool.size > 0 && misses < GIVE_UP_AFTER_MISSES) {
    const e = pool.dense[below(pool.rand, pool.size)];
    if (!pool.stillWaiting(e, day) || !pool.asksOn(e, day)) continue;
    if (pool.pop.size[e] > left) {
      misses++;
      continue;
    }
    left -= pool.pop.size[e];
    pool.serve(e, day);
  }
}

/** The earliest registrations among the day's requesters, up to `slots`; returns the slots left. */
function earliestDay(pool: Pool, day: number, slots: number, needRequest: boolean): number {
  let left = slots;
  for (let e = pool.head; e >= 0 && left > 0; ) {
    const after = pool.next[e];
    if (pool.stillWaiting(e, day) && (!needRequest || pool.asksOn(e, day)) && pool.pop.size[e] <= left) {
      left -= pool.pop.size[e];
      pool.serve(e, day);
    }
    e = after;
  }
  return left;
}

function weightedDay(pool: Pool, day: number, slots: number): void {
  let left = slots;
  let misses = 0;
  while (left > 0 && pool.size > 0 && misses < GIVE_UP_AFTER_MISSES) {
    let h = pool.head;
    while (h >= 0 && !pool.stillWaiting(h, day)) h = pool.head;
    if (h < 0) return;
    const maxWeight = day - Math.floor(pool.pop.regDay[h]) + 1;
    // Few requesters: an exact pass keeps the loop finite.
    if (pool.size * pool.requestProbability <= 4 * slots) {
      weightedExactDay(pool, day, left);
      return;
    }
    const e = pool.dense[below(pool.rand, pool.size)];
    if (!pool.stillWaiting(e, day) || !pool.asksOn(e, day)) continue;
    const weight = day - Math.floor(pool.pop.regDay[e]) + 1;
    if (pool.rand() * maxWeight >= weight) continue;
    if (pool.pop.size[e] > left) {
      misses++;
      continue;
    }
    left -= pool.pop.size[e];
    pool.serve(e, day);
  }
}

function weightedExactDay(pool: Pool, day: number, slots: number): void {
  const askers: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < pool.size; ) {
    const e = pool.dense[i];
    if (!pool.stillWaiting(e, day)) continue;
    if (pool.asksOn(e, day)) {
      askers.push(e);
      keys.push(weightedKey(pool.rand, day - Math.floor(pool.pop.regDay[e]) + 1));
    }
    i++;
  }
  const order = askers.map((_, i) => i).sort((a, b) => keys[b] - keys[a]);
  let left = slots;
  for (const i of order) {
    if (left === 0) break;
    const e = askers[i];
    if (pool.pop.size[e] <= left) {
      left -= pool.pop.size[e];
      pool.serve(e, day);
    }
  }
}

/** Efraimidis–Spirakis: ordering by u^(1/w) descending is weighted sampling without replacement. */
function weightedKey(rand: Rand, weight: number): number {
  return Math.log(1 - rand()) / Math.max(weight, 1e-9); // log of u^(1/w), monotone in it; 1−u avoids log 0
}

function uniformList(list: EntryList, slots: number, rand: Rand, won: Uint8Array): void {
  const order = Int32Array.from({ length: list.count }, (_, i) => i);
  let left = slots;
  for (let i = 0; i < order.length && left > 0; i++) {
    const j = i + below(rand, order.length - i);
    const e = order[j];
    order[j] = order[i];
    order[i] = e;
    if (won[e] || list.size[e] > left) continue;
    won[e] = 1;
    left -= list.size[e];
  }
}

function earliestList(list: EntryList, slots: number, won: Uint8Array): number {
  let left = slots;
  for (let i = 0; i < list.count && left > 0; i++) {
    const e = list.byRegistration[i];
    if (list.size[e] <= left) {
      won[e] = 1;
      left -= list.size[e];
    }
  }
  return left;
}

export function earliestShareDesign(share: number): Design {
  return {
    id: 'earliest-share',
    title: `Share to the earliest (${Math.round(share * 100)} %)`,
    description: `${Math.round(share * 100)} % of the slots to the earliest registrations among the day's requesters, the rest uniformly at random among them (the documented CBP One rule).`,
    dailyRequest: true,
    drawDay(pool, day, slots) {
      const left = earliestDay(pool, day, Math.min(Math.round(slots * share), slots), true);
      uniformDay(pool, day, slots - Math.min(Math.round(slots * share), slots) + left);
    },
    drawList(list, _day, slots, rand, won) {
      const e = Math.min(Math.round(slots * share), slots);
      const left = earliestList(list, e, won);
      uniformList(list, slots - e + left, rand, won);
    },
  };
}

export const UNIFORM: Design = {
  id: 'uniform',
  title: 'Uniform random',
  description: "Every slot uniformly at random among the day's requesters.",
  dailyRequest: true,
  drawDay: uniformDay,
  drawList(list, _day, slots, rand, won) {
    uniformList(list, slots, rand, won);
  },
};

export const FCFS: Design = {
  id: 'fcfs',
  title: 'First come, first served',
  description: 'A queue in registration order: the earliest still waiting are served; a place is kept without asking again.',
  dailyRequest: false,
  drawDay(pool, day, slots) {
    earliestDay(pool, day, slots, false);
  },
  drawList(list, _day, slots, _rand, won) {
    earliestList(list, slots, won);
  },
};

export const WAITED_WEIGHTED: Design = {
  id: 'waited-weighted',
  title: 'Lottery weighted by days waited',
  description: "Every slot at random among the day's requesters, each weighted by the days since registration + 1.",
  dailyRequest: true,
  drawDay: weightedDay,
  drawList(list, day, slots, rand, won) {
    const keys = new Float64Array(list.count);
    for (let e = 0; e < list.count; e++) keys[e] = weightedKey(rand, day - Math.floor(list.regDay[e]) + 1);
    // Only the top keys can win: at most `slots` entries fit, so keep the best `slots` in a heap, then
    // the next best while slots are left (an entry too large for the slots left is skipped).
    let left = slots;
    const taken = new Uint8Array(list.count);
    while (left > 0) {
      const best = topByKey(keys, taken, left);
      if (best.length === 0) break;
      for (const e of best) {
        taken[e] = 1;
        if (left > 0 && list.size[e] <= left) {
          won[e] = 1;
          left -= list.size[e];
        }
      }
    }
  },
};

/** The `k` entries with the largest keys among those not yet taken, best first (a bounded min-heap). */
function topByKey(keys: Float64Array, taken: Uint8Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => keys[a] < keys[b];
  for (let e = 0; e < keys.length; e++) {
    if (taken[e]) continue;
    if (heap.length < k) {
      heap.push(e);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (keys[e] > keys[heap[0]]) {
      heap[0] = e;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
  }
  return heap.sort((a, b) => keys[b] - keys[a]);
}

/** The alternatives every report compares the target's design with. */
export function alternativeDesigns(earliestShare: number): Design[] {
  return [UNIFORM, earliestShareDesign(earliestShare), FCFS, WAITED_WEIGHTED];
}
