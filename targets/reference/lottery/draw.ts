/**
 * The daily appointment lottery: deterministic, recomputable from the revealed seed, fast.
 *
 * RULES (the reference target's documented behaviour; `verifyDraw` recomputes exactly this)
 *
 * 1. Total slots S = sum of the ports' capacities (1,450 with `PORTS`).
 * 2. Accounts. Each requester is one account that asked for an appointment on `day`. An accountId may
 *    appear only once (a repeated accountId is an input error).
 * 3. Duplicate persons. When `dedupePersons` is true, accounts sharing a `personKey` count once: the
 *    account with the earliest `registeredAt` is kept (ties: the smaller accountId by code unit), the
 *    others are dropped and counted in `duplicatesRemoved`. When false (the
 *    `duplicate-accounts-enter-lottery` defect) every account is its own entry.
 * 4. Groups. Accounts with the same `groupId` form ONE entry (one chance, however many members).
 *    A group of k members USES k slots, all at the same port (a family crosses together). The entry's
 *    registration time is its earliest member's, its port preference is that member's.
 *    `entrants` = number of entries after rules 3 and 4.
 * 5. Earliest share. E = round(S × earliestShare) slots go first to entries in order of registration
 *    time (ties: the lead account's accountId). An entry that does not fit (its size exceeds the
 *    earliest slots left, or no port has room for it) is skipped and stays in the random pool.
 *    The earliest phase stops as soon as E slots are used.
 * 6. Random. The remaining S − used slots go uniformly at random among all entries not yet
 *    winning: a Fisher–Yates shuffle of the pool (entries in first-appearance order), drawn lazily
 *    from the front; each drawn entry wins if it fits, else is skipped. It stops when no slot is
 *    left, or when no undrawn entry can fit any more.
 * 7. Port assignment (both phases): the first port in the entry's `portPreference` with room for the
 *    whole entry; otherwise the port with the most remaining capacity (ties: the earlier port in
 *    `ports`); if no single port has room for the entry, it does not fit.
 * 8. Randomness: HMAC-SHA256 in counter mode, key = the seed (UTF-8), message =
 *    `portico-lottery-v1\n<day>\n<counter>` (counter from 0, decimal); each 32-byte block gives eight
 *    big-endian uint32 values used in order. A uniform integer in [0, m) is drawn by rejection:
 *    take x; reject while x ≥ floor(2^32 / m) × m; return x mod m.
 * 9. `seedHash` = sha256(seed) hex, published before the draw (see commit.ts).
 *
 * Output `winners`: one row per winning account; earliest-phase winners first in registration order,
 * then random-phase winners in draw order; a group's members are listed together (lead first, then
 * the others in input order).
 */
import { createHmac } from 'node:crypto';
import { sha256Hex } from './commit.ts';

export interface LotteryPort {
  id: string;
  name: string;
  capacity: number;
}

export interface LotteryRequester {
  accountId: string;
  personKey: string;
  groupId?: string;
  registeredAt: string;
  portPreference: string[];
}

export interface LotteryInput {
  day: string;
  requesters: Array<LotteryRequester>;
  ports: Array<LotteryPort>;
  /** Share of the slots that go to the earliest registrations, 0..1. Default 0.3. */
  earliestShare?: number;
  seed: string;
  dedupePersons: boolean;
}

export interface LotteryWinner {
  accountId: string;
  groupId?: string;
  port: string;
  via: 'earliest' | 'random';
}

export interface LotteryResult {
  day: string;
  seedHash: string;
  winners: Array<LotteryWinner>;
  entrants: number;
  duplicatesRemoved: number;
}

export const DEFAULT_EARLIEST_SHARE = 0.3;

/** Deterministic uniform integers from HMAC-SHA256(seed, "portico-lottery-v1\n<day>\n<counter>"). */
export class HmacCounterRng {
  #key: Buffer;
  #prefix: string;
  #counter = 0;
  #block: Buffer = Buffer.alloc(0);
  #pos = 32;

  constructor(seed: string, day: string) {
    this.#key = Buffer.from(seed, 'utf8');
    this.#prefix = `portico-lottery-v1\n${day}\n`;
  }

  nextUint32(): number {
    if (this.#pos >= 32) {
      this.#block = createHmac('sha256', this.#key).update(this.#prefix + String(this.#counter++), 'utf8').digest();
      this.#pos = 0;
    }
    const value = this.#block.readUInt32BE(this.#pos);
    this.#pos += 4;
    return value;
  }

  /** Uniform integer in [0, m), m ≥ 1, without modulo bias. */
  below(m: number): number {
    if (!Number.isInteger(m) || m < 1 || m > 0x1_0000_0000) throw new Error(`HmacCounterRng.below: bad bound ${m}`);
    const limit = Math.floor(0x1_0000_0000 / m) * m;
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % m;
    }
  }
}

/** FNV-1a over UTF-16 code units (for the hash tables; not security-relevant). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Milliseconds since the epoch. Fast path for the canonical `YYYY-MM-DDTHH:MM:SS.sssZ` form
 * (what `Date#toISOString` and the app's database produce); anything else goes to `Date.parse`.
 */
const ISO_DIGITS = Uint8Array.of(0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22);

export function parseIsoTime(text: string): number {
  if (text.length === 24 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 84 && text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58 && text.charCodeAt(19) === 46 && text.charCodeAt(23) === 90) {
    const d = (k: number): number => text.charCodeAt(k) - 48;
    let ok = true;
    for (let q = 0; q < ISO_DIGITS.length; q++) {
      const c = d(ISO_DIGITS[q]);
      if (c < 0 || c > 9) {
        ok = false;
        break;
      }
    }
    if (ok) {
      const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
      const month = d(5) * 10 + d(6);
      const day = d(8) * 10 + d(9);
      const hour = d(11) * 10 + d(12);
      const minute = d(14) * 10 + d(15);
      const second = d(17) * 10 + d(18);
      const ms = d(20) * 100 + d(21) * 10 + d(22);
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59) {
        return Date.UTC(year, month - 1, day, hour, minute, second, ms);
      }
      return Number.NaN;
    }
  }
  return Date.parse(text);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fail(message: string): never {
  throw new Error(`drawLottery: ${message}`);
}

export function drawLottery(input: LotteryInput): LotteryResult {
  if (input === null || typeof input !== 'object') fail('input must be an object');
  const { day, requesters, ports, seed, dedupePersons } = input;
  const earliestShare = input.earliestShare === undefined ? DEFAULT_EARLIEST_SHARE : input.earliestShare;

  // ---- validation -------------------------------------------------------------------------------
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(`day must be YYYY-MM-DD, got ${JSON.stringify(day)}`);
  if (typeof seed !== 'string' || seed.length === 0) fail('seed must be a non-empty string');
  if (typeof dedupePersons !== 'boolean') fail('dedupePersons must be true or false');
  if (typeof earliestShare !== 'number' || !Number.isFinite(earliestShare) || earliestShare < 0 || earliestShare > 1) {
    fail(`earliestShare must be a number between 0 and 1, got ${String(earliestShare)}`);
  }
  if (!Array.isArray(ports)) fail('ports must be an array');
  if (!Array.isArray(requesters)) fail('requesters must be an array');
  const portIndex = new Map<string, number>();
  const remaining = new Int32Array(ports.length);
  let totalSlots = 0;
  for (let p = 0; p < ports.length; p++) {
    const port = ports[p];
    if (!port || typeof port.id !== 'string' || port.id === '') fail(`ports[${p}] needs a non-empty id`);
    if (portIndex.has(port.id)) fail(`port id "${port.id}" appears twice`);
    if (!Number.isInteger(port.capacity) || port.capacity < 0) fail(`port "${port.id}" capacity must be a non-negative integer, got ${String(port.capacity)}`);
    portIndex.set(port.id, p);
    remaining[p] = port.capacity;
    totalSlots += port.capacity;
  }

  const n = requesters.length;
  const times = new Float64Array(n);
  // One pass: validate each request, read its time, check accountIds are unique and (rule 3) keep
  // one account per personKey. Open-addressing hash tables over typed arrays: about twice as fast
  // as Map/Set at this size (no rehashing, no per-entry allocation).
  let tableSize = 1;
  while (tableSize < n * 2) tableSize <<= 1;
  const mask = tableSize - 1;
  const accountTable = new Int32Array(tableSize).fill(-1);
  const personTable = dedupePersons ? new Int32Array(tableSize).fill(-1) : null;
  const kept = new Uint8Array(n).fill(1);
  let duplicatesRemoved = 0;
  for (let i = 0; i < n; i++) {
    const r = requesters[i];
    if (!r || typeof r.accountId !== 'string' || r.accountId === '') fail(`requesters[${i}] needs a non-empty accountId`);
    const accountId = r.accountId;
    for (let h = fnv1a(accountId) & mask; ; h = (h + 1) & mask) {
      const j = accountTable[h];
      if (j === -1) {
        accountTable[h] = i;
        break;
      }
      if (requesters[j].accountId === accountId) fail(`accountId "${accountId}" appears twice (one request per account per day)`);
    }
    const t = typeof r.registeredAt === 'string' ? parseIsoTime(r.registeredAt) : Number.NaN;
    if (Number.isNaN(t)) fail(`account "${accountId}" has an unreadable registeredAt ${JSON.stringify(r.registeredAt)}`);
    times[i] = t;
    const pp = r.portPreference;
    if (!Array.isArray(pp)) fail(`account "${accountId}" portPreference must be an array of port ids`);
    for (let k = 0; k < pp.length; k++) {
      if (!portIndex.has(pp[k])) fail(`account "${accountId}" prefers unknown port "${String(pp[k])}" (known: ${[...portIndex.keys()].join(', ')})`);
    }
    const personKey = r.personKey;
    if (typeof personKey !== 'string') fail(`account "${accountId}" needs a personKey string`);
    if (personTable !== null) {
      for (let h = fnv1a(personKey) & mask; ; h = (h + 1) & mask) {
        const j = personTable[h];
        if (j === -1) {
          personTable[h] = i;
          break;
        }
        if (requesters[j].personKey !== personKey) continue;
        // Same person: keep the earliest registration (ties: smaller accountId).
        duplicatesRemoved++;
        if (t < times[j] || (t === times[j] && accountId < requesters[j].accountId)) {
          kept[j] = 0;
          personTable[h] = i;
        } else {
          kept[i] = 0;
        }
        break;
      }
    }
  }

  // ---- rule 4: entries (groups count once) -----------------------------------------------------
  // Members of an entry are chained: entryHead -> nextMember -> ... (input order); lead = earliest.
  const entryHead = new Int32Array(n);
  const entryTail = new Int32Array(n);
  const entryLead = new Int32Array(n);
  const entrySize = new Int32Array(n);
  const nextMember = new Int32Array(n).fill(-1);
  const groupEntry = new Map<string, number>();
  let entries = 0;
  for (let i = 0; i < n; i++) {
    if (!kept[i]) continue;
    const gid = requesters[i].groupId;
    if (gid !== undefined && gid !== null && gid !== '') {
      if (typeof gid !== 'string') fail(`account "${requesters[i].accountId}" groupId must be a string`);
      const e = groupEntry.get(gid);
      if (e !== undefined) {
        nextMember[entryTail[e]] = i;
        entryTail[e] = i;
        entrySize[e]++;
        const lead = entryLead[e];
        if (times[i] < times[lead] || (times[i] === times[lead] && requesters[i].accountId < requesters[lead].accountId)) entryLead[e] = i;
        continue;
      }
      groupEntry.set(gid, entries);
    }
    entryHead[entries] = i;
    entryTail[entries] = i;
    entryLead[entries] = i;
    entrySize[entries] = 1;
    entries++;
  }

  const winners: Array<LotteryWinner> = [];
  const won = new Uint8Array(entries);
  let maxRoom = 0;
  for (let p = 0; p < remaining.length; p++) if (remaining[p] > maxRoom) maxRoom = remaining[p];

  const recomputeMaxRoom = (): void => {
    maxRoom = 0;
    for (let p = 0; p < remaining.length; p++) if (remaining[p] > maxRoom) maxRoom = remaining[p];
  };

  /** Rule 7. Returns the port index or -1 when the entry does not fit anywhere. */
  const choosePort = (e: number): number => {
    const size = entrySize[e];
    if (size > maxRoom) return -1;
    const pref = requesters[entryLead[e]].portPreference;
    for (let k = 0; k < pref.length; k++) {
      const p = portIndex.get(pref[k])!;
      if (remaining[p] >= size) return p;
    }
    let bestPort = -1;
    for (let p = 0; p < remaining.length; p++) if (remaining[p] >= size && (bestPort < 0 || remaining[p] > remaining[bestPort])) bestPort = p;
    return bestPort;
  };

  const award = (e: number, p: number, via: 'earliest' | 'random'): void => {
    won[e] = 1;
    remaining[p] -= entrySize[e];
    recomputeMaxRoom();
    const portId = ports[p].id;
    const lead = entryLead[e];
    const push = (i: number): void => {
      const r = requesters[i];
      const gid = r.groupId;
      winners.push(gid !== undefined && gid !== null && gid !== '' ? { accountId: r.accountId, groupId: gid, port: portId, via } : { accountId: r.accountId, port: portId, via });
    };
    push(lead);
    for (let i = entryHead[e]; i !== -1; i = nextMember[i]) if (i !== lead) push(i);
  };

  // ---- rule 5: earliest share ------------------------------------------------------------------
  let earliestLeft = Math.min(Math.round(totalSlots * earliestShare), totalSlots);
  if (earliestLeft > 0 && entries > 0) {
    const considered = new Uint8Array(entries);
    const before = (a: number, b: number): boolean => {
      const ta = times[entryLead[a]];
      const tb = times[entryLead[b]];
      return ta < tb || (ta === tb && requesters[entryLead[a]].accountId < requesters[entryLead[b]].accountId);
    };
    let want = earliestLeft;
    for (;;) {
      const ordered = smallestEntries(entries, Math.min(want, entries), before, considered);
      for (const e of ordered) {
        considered[e] = 1;
        if (entrySize[e] > earliestLeft) continue;
        const p = choosePort(e);
        if (p < 0) continue;
        award(e, p, 'earliest');
        earliestLeft -= entrySize[e];
        if (earliestLeft === 0) break;
      }
      if (earliestLeft === 0 || maxRoom === 0 || ordered.length < want) break;
      want *= 4;
    }
  }

  // ---- rule 6: uniformly random among the rest -------------------------------------------------
  if (maxRoom > 0) {
    let m = 0;
    const pool = new Uint32Array(entries);
    let maxSize = 0;
    for (let e = 0; e < entries; e++) {
      if (won[e]) continue;
      pool[m++] = e;
      if (entrySize[e] > maxSize) maxSize = entrySize[e];
    }
    // How many undrawn entries have each size (sizes above the daily total can never fit).
    const cap = Math.min(maxSize, totalSlots);
    const undrawnBySize = new Int32Array(cap + 1);
    for (let k = 0; k < m; k++) {
      const s = entrySize[pool[k]];
      if (s <= cap) undrawnBySize[s]++;
    }
    const anyFits = (): boolean => {
      for (let s = 1; s <= Math.min(maxRoom, cap); s++) if (undrawnBySize[s] > 0) return true;
      return false;
    };
    const rng = new HmacCounterRng(seed, day);
    for (let i = 0; i < m && maxRoom > 0; i++) {
      const j = i + rng.below(m - i);
      const e = pool[j];
      pool[j] = pool[i];
      pool[i] = e;
      const s = entrySize[e];
      if (s <= cap) undrawnBySize[s]--;
      const p = choosePort(e);
      if (p >= 0) award(e, p, 'random');
      else if (!anyFits()) break;
    }
  }

  return { day, seedHash: sha256Hex(seed), winners, entrants: entries, duplicatesRemoved };
}

/**
 * The `k` smallest entries by `before` (excluding `skip`ped ones), sorted ascending. One pass with a
 * bounded max-heap: O(n log k), and almost every element is rejected by one comparison with the root.
 */
function smallestEntries(count: number, k: number, before: (a: number, b: number) => boolean, skip: Uint8Array): number[] {
  const heap: number[] = [];
  if (k <= 0) return heap;
  const siftUp = (pos: number): void => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!before(heap[parent], heap[pos])) break; // max-heap: parent must not be before child
      [heap[parent], heap[pos]] = [heap[pos], heap[parent]];
      pos = parent;
    }
  };
  const siftDown = (pos: number): void => {
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let largest = pos;
      if (l < heap.length && before(heap[largest], heap[l])) largest = l;
      if (r < heap.length && before(heap[largest], heap[r])) largest = r;
      if (largest === pos) return;
      [heap[largest], heap[pos]] = [heap[pos], heap[largest]];
      pos = largest;
    }
  };
  for (let e = 0; e < count; e++) {
    if (skip[e]) continue;
    if (heap.length < k) {
      heap.push(e);
      siftUp(heap.length - 1);
    } else if (before(e, heap[0])) {
      heap[0] = e;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

export interface VerifyResult {
  ok: boolean;
  reason?: string;
}

/** Recompute the draw from its input (with the revealed seed) and compare with a published result. */
export function verifyDraw(input: LotteryInput, result: LotteryResult): VerifyResult {
  if (sha256Hex(input.seed) !== result.seedHash) return { ok: false, reason: 'the revealed seed does not hash to the published seedHash' };
  let again: LotteryResult;
  try {
    again = drawLottery(input);
  } catch (error) {
    return { ok: false, reason: `the input cannot be drawn: ${(error as Error).message}` };
  }
  if (again.day !== result.day) return { ok: false, reason: `day differs: ${result.day} vs recomputed ${again.day}` };
  if (again.entrants !== result.entrants) return { ok: false, reason: `entrants differ: ${result.entrants} vs recomputed ${again.entrants}` };
  if (again.duplicatesRemoved !== result.duplicatesRemoved) return { ok: false, reason: `duplicatesRemoved differs: ${result.duplicatesRemoved} vs recomputed ${again.duplicatesRemoved}` };
  if (again.winners.length !== result.winners.length) return { ok: false, reason: `winner count differs: ${result.winners.length} vs recomputed ${again.winners.length}` };
  for (let i = 0; i < again.winners.length; i++) {
    const a = again.winners[i];
    const b = result.winners[i];
    if (!b || a.accountId !== b.accountId || a.port !== b.port || a.via !== b.via || (a.groupId ?? null) !== (b.groupId ?? null)) {
      return { ok: false, reason: `winner #${i} differs: ${JSON.stringify(b)} vs recomputed ${JSON.stringify(a)}` };
    }
  }
  return { ok: true };
}
