/**
 * The waiting pool of one simulation: who is still waiting, in registration order (a linked list,
 * for the queue-like designs) and as a dense array (for uniform sampling), with each entry's
 * decision to ask on a given day drawn once and remembered (so sampling an entry twice in a day
 * sees the same decision). Entries that gave up are dropped when they are next met.
 */
import type { Population } from './population.ts';
import type { Rand } from '../random.ts';

export class Pool {
  readonly pop: Population;
  readonly dense: Int32Array;
  readonly pos: Int32Array;
  size = 0;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  head = -1;
  tail = -1;
  readonly askedDay: Int32Array;
  readonly asks: Uint8Array;
  /** Served entries by wait in days (index = days from registration to the draw). */
  readonly waits: Float64Array;
  served = 0;
  gaveUp = 0;
  arrived = 0;
  readonly requestProbability: number;
  readonly rand: Rand;

  constructor(pop: Population, maxWait: number, requestProbability: number, rand: Rand) {
    const n = pop.entries;
    this.pop = pop;
    this.dense = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.next = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.askedDay = new Int32Array(n).fill(-1);
    this.asks = new Uint8Array(n);
    this.waits = new Float64Array(maxWait + 1);
    this.requestProbability = requestProbability;
    this.rand = rand;
  }

  /** Everyone registered before the end of `day` joins (index order = registration order). */
  admit(day: number): void {
    const { regDay } = this.pop;
    while (this.arrived < this.pop.entries && regDay[this.arrived] < day + 1) {
      const e = this.arrived++;
      this.pos[e] = this.size;
      this.dense[this.size++] = e;
      this.prev[e] = this.tail;
      if (this.tail >= 0) this.next[this.tail] = e;
      else this.head = e;
      this.tail = e;
    }
  }

  private remove(e: number): void {
    const p = this.pos[e];
    const last = this.dense[--this.size];
    this.dense[p] = last;
    this.pos[last] = p;
    this.pos[e] = -1;
    const a = this.prev[e];
    const b = this.next[e];
    if (a >= 0) this.next[a] = b;
    else this.head = b;
    if (b >= 0) this.prev[b] = a;
    else this.tail = a;
  }

  /** False (and the entry leaves) when it has given up by `day`. */
  stillWaiting(e: number, day: number): boolean {
    if (this.pop.giveUpDay[e] > day) return true;
    this.remove(e);
    this.gaveUp++;
    return false;
  }

  /** Does the entry ask on `day`? Drawn once per entry and day. */
  asksOn(e: number, day: number): boolean {
    if (this.askedDay[e] !== day) {
      this.askedDay[e] = day;
      this.asks[e] = this.requestProbability >= 1 || this.rand() < this.requestProbability ? 1 : 0;
    }
    return this.asks[e] === 1;
  }

  serve(e: number, day: number): void {
    this.remove(e);
    this.served++;
    const wait = day - Math.floor(this.pop.regDay[e]);
    this.waits[Math.min(Math.max(wait, 0), this.waits.length - 1)]++;
  }

  /** Entries still waiting at the end (given-up ones not yet met are counted as given up). */
  settle(lastDay: number): { waiting: number; gaveUp: number } {
    let waiting = 0;
    let gaveUp = this.gaveUp;
    for (let i = 0; i < this.size; i++) {
      if (this.pop.giveUpDay[this.dense[i]] <= lastDay) gaveUp++;
      else waiting++;
    }
    return { waiting, gaveUp: gaveUp + 0 };
  }
}
