/**
 * A synthetic population of entries (a person, or a family travelling together) in registration
 * order, as typed arrays. Index order IS registration order, which the queue-like designs rely on.
 */
import type { SimulationParams } from './params.ts';
import { mulberry32, type Rand } from '../random.ts';

export interface Population {
  entries: number;
  persons: number;
  /** Registration time in days relative to day 0 (negative: the backlog), non-decreasing. */
  regDay: Float64Array;
  /** Persons (slots) in the entry: 1, or 2–5 for a family. */
  size: Uint8Array;
  /** The day the entry gives up for good (it no longer asks from that day on); 2^31−1 = never. */
  giveUpDay: Int32Array;
}

export const NEVER = 0x7fff_ffff;

/** Days until giving up: geometric with daily probability p (never when p = 0). */
function daysUntilGiveUp(rand: Rand, p: number): number {
  if (p <= 0) return NEVER;
  return Math.floor(Math.log(1 - rand()) / Math.log(1 - p));
}

export function buildPopulation(params: SimulationParams, seed: number): Population {
  const rand = mulberry32(0x5eed ^ (seed * 0x9e3779b1));
  const { registrations, groupShare } = params;
  const { backlogShare, backlogDays, arrivalDays } = params.arrivals;
  // Entries first (sizes), then registration times, sorted by drawing sorted uniforms per phase.
  const sizes: number[] = [];
  let persons = 0;
  while (persons < registrations) {
    // A person is in a group with probability groupShare; a group has 2–5 members (mean 3.5).
    const grouped = rand() < groupShare / (groupShare + (1 - groupShare) * 3.5);
    const s = Math.min(grouped ? 2 + Math.floor(rand() * 4) : 1, registrations - persons);
    sizes.push(s);
    persons += s;
  }
  const entries = sizes.length;
  const regDay = new Float64Array(entries);
  const backlog = Math.round(entries * backlogShare);
  for (let i = 0; i < entries; i++) regDay[i] = i < backlog ? -backlogDays * rand() : arrivalDays * rand();
  regDay.sort();
  const size = Uint8Array.from(sizes);
  const giveUpDay = new Int32Array(entries);
  for (let i = 0; i < entries; i++) {
    const start = Math.max(0, Math.ceil(regDay[i]));
    const wait = daysUntilGiveUp(rand, params.giveUpPerDay);
    giveUpDay[i] = wait === NEVER || start + wait >= NEVER ? NEVER : start + wait;
  }
  return { entries, persons, regDay, size, giveUpDay };
}
