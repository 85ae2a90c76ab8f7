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
 * The draw runs over columns (`drawColumns`: numbers in typed arrays, O(requesters), only the random
 * phase's draws use the HMAC); `drawLottery` validates requester objects and builds the columns.
 * Both give the same result for the same input, so the published semantics are these rules either way.
 *
 * Output `winners`: one row per winning account; earliest-phase winners first in registration order,
 * then random-phase winners in draw order; a group's members are listed together (lead first, then
 * the others in input order).
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { sha256Hex } from './commit.ts';
import type { ColumnDrawResult, DrawRules, LotteryPort, RequesterColumns } from '../../../harness/lottery/draw-types.ts';

export type { ColumnDrawResult, DrawRules, LotteryPort, RequesterColumns };


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
  // A KeyObject made once: createHmac with a raw Buffer key re-imports the key on every block (~10× slower).
  #key: KeyObject;
  #prefix: string;
  #counter = 0;
  #block: Buffer = Buffer.alloc(0);
  #pos = 32;

  constructor(seed: string, day: string) {
    this.#key = createSecretKey(Buffer.from(seed, 'utf8'));
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



export const VIA_EARLIEST = 0;
export const VIA_RANDOM = 1;


/** Grow-only scratch arrays shared by successive draws (the draw is synchronous, so one set suffices). */
const scratch: { epoch: number; rowStamp: Int32Array; personStamp: Int32Array; personBest: Int32Array; groupStamp: Int32Array; groupEntry: Int32Array; perRequester: Int32Array; times: Float64Array; entrySize: Int32Array; pool: Uint32Array; flags: Uint8Array; leadTimes: Float64Array } = {
  epoch: 0,
  rowStamp: new Int32Array(0),
  personStamp: new Int32Array(0),
  personBest: new Int32Array(0),
  groupStamp: new Int32Array(0),
  groupEntry: new Int32Array(0),
  perRequester: new Int32Array(0),
  times: new Float64Array(0),
  entrySize: new Int32Array(0),
  pool: new Uint32Array(0),
  flags: new Uint8Array(0),
  leadTimes: new Float64Array(0),
};

function grown(current: Int32Array, size: number): Int32Array {
  return current.length >= size ? current : new Int32Array(Math.max(size, current.length * 2));
}

function nextEpoch(size: number, personCount: number, groupCount: number): number {
  if (scratch.rowStamp.length < size) scratch.rowStamp = grown(scratch.rowStamp, size);
  if (scratch.personStamp.length < personCount) {
    scratch.personStamp = grown(scratch.personStamp, personCount);
    scratch.personBest = new Int32Array(scratch.personStamp.length);
  }
  if (scratch.groupStamp.length < groupCount) {
    scratch.groupStamp = grown(scratch.groupStamp, groupCount);
    scratch.groupEntry = new Int32Array(scratch.groupStamp.length);
  }
  if (scratch.epoch >= 0x7fff_fff0) {
    scratch.epoch = 0;
    scratch.rowStamp.fill(0);
    scratch.personStamp.fill(0);
    scratch.groupStamp.fill(0);
  }
  return ++scratch.epoch;
}

function checkRules(rules: DrawRules): { earliestShare: number; remaining: Int32Array; totalSlots: number } {
  if (rules === null || typeof rules !== 'object') fail('input must be an object');
  const { day, ports, seed, dedupePersons } = rules;
  const earliestShare = rules.earliestShare === undefined ? DEFAULT_EARLIEST_SHARE : rules.earliestShare;
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(`day must be YYYY-MM-DD, got ${JSON.stringify(day)}`);
  if (typeof seed !== 'string' || seed.length === 0) fail('seed must be a non-empty string');
  if (typeof dedupePersons !== 'boolean') fail('dedupePersons must be true or false');
  if (typeof earliestShare !== 'number' || !Number.isFinite(earliestShare) || earliestShare < 0 || earliestShare > 1) {
    fail(`earliestShare must be a number between 0 and 1, got ${String(earliestShare)}`);
  }
  if (!Array.isArray(ports)) fail('ports must be an array');
  if (ports.length > 0xffff) fail('at most 65,535 ports');
  const seen = new Set<string>();
  const remaining = new Int32Array(ports.length);
  let totalSlots = 0;
  for (let p = 0; p < ports.length; p++) {
    const port = ports[p];
    if (!port || typeof port.id !== 'string' || port.id === '') fail(`ports[${p}] needs a non-empty id`);
    if (seen.has(port.id)) fail(`port id "${port.id}" appears twice`);
    if (!Number.isInteger(port.capacity) || port.capacity < 0) fail(`port "${port.id}" capacity must be a non-negative integer, got ${String(port.capacity)}`);
    seen.add(port.id);
    remaining[p] = port.capacity;
    totalSlots += port.capacity;
  }
  return { earliestShare, remaining, totalSlots };
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
 * Builds the columns for `drawLottery`, validating each requester (rule 2 and the field types).
 * Open-addressing hash tables over typed arrays for accounts and persons: about twice as fast as
 * Map/Set at this size (no rehashing, no per-entry allocation).
 */
export function requesterColumns(requesters: Array<LotteryRequester>, ports: Array<LotteryPort>): RequesterColumns {
  if (!Array.isArray(requesters)) fail('requesters must be an array');
  const portIds = ports.map((p) => p.id);
  const portOf = (id: unknown): number => {
    for (let p = 0; p < portIds.length; p++) if (portIds[p] === id) return p;
    return -1;
  };
  const n = requesters.length;
  const person = new Int32Array(n);
  const group = new Int32Array(n);
  const registeredAt = new Float64Array(n);
  const prefOffset = new Int32Array(n + 1);
  let prefPort = new Uint16Array(Math.max(16, n * 2));
  let tableSize = 1;
  while (tableSize < n * 2) tableSize <<= 1;
  const mask = tableSize - 1;
  const accountTable = new Int32Array(tableSize).fill(-1);
  const personTable = new Int32Array(tableSize).fill(-1);
  let personCount = 0;
  const groups = new Map<string, number>();
  const groupNames: string[] = [];
  let prefs = 0;
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
    registeredAt[i] = t;
    const pp = r.portPreference;
    if (!Array.isArray(pp)) fail(`account "${accountId}" portPreference must be an array of port ids`);
    if (prefs + pp.length > prefPort.length) {
      const bigger = new Uint16Array(Math.max(prefPort.length * 2, prefs + pp.length));
      bigger.set(prefPort);
      prefPort = bigger;
    }
    for (let k = 0; k < pp.length; k++) {
      const p = portOf(pp[k]);
      if (p < 0) fail(`account "${accountId}" prefers unknown port "${String(pp[k])}" (known: ${portIds.join(', ')})`);
      prefPort[prefs++] = p;
    }
    prefOffset[i + 1] = prefs;
    const personKey = r.personKey;
    if (typeof personKey !== 'string') fail(`account "${accountId}" needs a personKey string`);
    for (let h = fnv1a(personKey) & mask; ; h = (h + 1) & mask) {
      const j = personTable[h];
      if (j === -1) {
        personTable[h] = i;
        person[i] = personCount++;
        break;
      }
      if (requesters[j].personKey === personKey) {
        person[i] = person[j];
        break;
      }
    }
    const gid = r.groupId;
    if (gid !== undefined && gid !== null && gid !== '') {
      if (typeof gid !== 'string') fail(`account "${accountId}" groupId must be a string`);
      let gn = groups.get(gid);
      if (gn === undefined) {
        groups.set(gid, (gn = groupNames.length));
        groupNames.push(gid);
      }
      group[i] = gn;
    } else group[i] = -1;
  }
  return {
    size: n,
    accountId: (row) => requesters[row].accountId,
    groupId: (g) => groupNames[g],
    person,
    personCount,
    group,
    groupCount: groupNames.length,
    registeredAt,
    prefOffset,
    prefPort,
  };
}

export function drawLottery(input: LotteryInput): LotteryResult {
  if (input === null || typeof input !== 'object') fail('input must be an object');
  checkRules(input);
  const columns = requesterColumns(input.requesters, input.ports);
  const drawn = drawColumns(columns, null, input);
  const winners: Array<LotteryWinner> = new Array(drawn.winners);
  for (let w = 0; w < drawn.winners; w++) {
    const row = drawn.winnerRow[w];
    const g = columns.group[row];
    const port = input.ports[drawn.winnerPort[w]].id;
    const via = drawn.winnerVia[w] === VIA_EARLIEST ? 'earliest' : 'random';
    winners[w] = g >= 0 ? { accountId: columns.accountId(row), groupId: columns.groupId(g), port, via } : { accountId: columns.accountId(row), port, via };
  }
  return { day: drawn.day, seedHash: drawn.seedHash, winners, entrants: drawn.entrants, duplicatesRemoved: drawn.duplicatesRemoved };
}

/** Position a is before position b: earlier registration, ties by the smaller accountId. */
function positionBefore(times: Float64Array, rowOf: Int32Array, accountId: (row: number) => string, a: number, b: number): boolean {
  const ta = times[a];
  const tb = times[b];
  return ta < tb || (ta === tb && accountId(rowOf[a]) < accountId(rowOf[b]));
}

/**
 * Rules 2–3: each row once; with `dedupePersons`, one account per person (the earliest). Fills rowOf,
 * times and kept for positions 0 … n − 1; returns how many accounts were dropped as duplicates.
 * (The phases are separate functions so each stays optimised: one function with every loop was
 * deoptimised and re-optimised on every draw.)
 */
function readRequesters(columns: RequesterColumns, rows: Int32Array | null, n: number, epoch: number, dedupePersons: boolean, rowOf: Int32Array, kept: Int32Array, times: Float64Array): number {
  const { person, registeredAt, accountId, size, personCount } = columns;
  const { rowStamp, personStamp, personBest } = scratch;
  let duplicatesRemoved = 0;
  for (let q = 0; q < n; q++) {
    const row = rows === null ? q : rows[q];
    if (!(row >= 0 && row < size) || row !== (row | 0)) fail(`rows[${q}] = ${row} is not a row of the table (0 … ${size - 1})`);
    if (rowStamp[row] === epoch) fail(`accountId "${accountId(row)}" appears twice (one request per account per day)`);
    rowStamp[row] = epoch;
    rowOf[q] = row;
    const t = registeredAt[row];
    if (t !== t) fail(`account "${accountId(row)}" has an unreadable registeredAt`);
    times[q] = t;
    kept[q] = 1;
    if (!dedupePersons) continue;
    const p = person[row];
    if (!(p >= 0 && p < personCount)) fail(`account "${accountId(row)}" has person #${p}, outside 0 … ${personCount - 1}`);
    if (personStamp[p] !== epoch) {
      personStamp[p] = epoch;
      personBest[p] = q;
      continue;
    }
    // Same person: keep the earliest registration (ties: smaller accountId).
    duplicatesRemoved++;
    const j = personBest[p];
    if (positionBefore(times, rowOf, accountId, q, j)) {
      kept[j] = 0;
      personBest[p] = q;
    } else kept[q] = 0;
  }
  return duplicatesRemoved;
}

interface Entries {
  count: number;
  head: Int32Array;
  tail: Int32Array;
  lead: Int32Array;
  size: Int32Array;
  nextMember: Int32Array;
}

/** Rule 4: entries (a group counts once); members chained head → nextMember → … in input order; lead = earliest. */
function buildEntries(columns: RequesterColumns, n: number, epoch: number, rowOf: Int32Array, kept: Int32Array, times: Float64Array, out: Entries): number {
  const { group, groupCount, accountId } = columns;
  const { groupStamp, groupEntry } = scratch;
  const { head, tail, lead, size, nextMember } = out;
  let entries = 0;
  for (let q = 0; q < n; q++) {
    if (!kept[q]) continue;
    nextMember[q] = -1;
    const g = group[rowOf[q]];
    if (g >= 0) {
      if (g >= groupCount) fail(`account "${accountId(rowOf[q])}" has group #${g}, outside 0 … ${groupCount - 1}`);
      if (groupStamp[g] === epoch) {
        const e = groupEntry[g];
        nextMember[tail[e]] = q;
        tail[e] = q;
        size[e]++;
        if (positionBefore(times, rowOf, accountId, q, lead[e])) lead[e] = q;
        continue;
      }
      groupStamp[g] = epoch;
      groupEntry[g] = entries;
    }
    head[entries] = q;
    tail[entries] = q;
    lead[entries] = q;
    size[entries] = 1;
    entries++;
  }
  return entries;
}

/** Rules 5–7's bookkeeping: ports' remaining capacity, who has won, the winners in order. */
class Allocation {
  readonly remaining: Int32Array;
  readonly portCount: number;
  maxRoom = 0;
  readonly won: Uint8Array;
  winners = 0;
  readonly winnerRow: Int32Array;
  readonly winnerPort: Int32Array;
  readonly winnerVia: Uint8Array;
  readonly columns: RequesterColumns;
  readonly rowOf: Int32Array;
  readonly entries: Entries;

  constructor(remaining: Int32Array, totalSlots: number, n: number, columns: RequesterColumns, rowOf: Int32Array, entries: Entries) {
    this.remaining = remaining;
    this.portCount = remaining.length;
    this.won = scratch.flags.subarray(0, entries.count).fill(0);
    const capacity = Math.min(totalSlots, n);
    this.winnerRow = new Int32Array(capacity);
    this.winnerPort = new Int32Array(capacity);
    this.winnerVia = new Uint8Array(capacity);
    this.columns = columns;
    this.rowOf = rowOf;
    this.entries = entries;
    this.updateMaxRoom();
  }

  updateMaxRoom(): void {
    let max = 0;
    for (let p = 0; p < this.portCount; p++) if (this.remaining[p] > max) max = this.remaining[p];
    this.maxRoom = max;
  }

  /** Rule 7. The port index, or −1 when the entry does not fit anywhere. */
  choosePort(e: number): number {
    const size = this.entries.size[e];
    if (size > this.maxRoom) return -1;
    const { prefOffset, prefPort } = this.columns;
    const remaining = this.remaining;
    const lead = this.rowOf[this.entries.lead[e]];
    for (let k = prefOffset[lead], end = prefOffset[lead + 1]; k < end; k++) {
      const p = prefPort[k];
      // Checked where used (requesterColumns has checked every preference already).
      if (p >= this.portCount) fail(`account "${this.columns.accountId(lead)}" prefers port #${p}, which is not among the ${this.portCount} ports`);
      if (remaining[p] >= size) return p;
    }
    let bestPort = -1;
    for (let p = 0; p < this.portCount; p++) if (remaining[p] >= size && (bestPort < 0 || remaining[p] > remaining[bestPort])) bestPort = p;
    return bestPort;
  }

  award(e: number, p: number, via: number): void {
    const { size, lead: leads, head, nextMember } = this.entries;
    this.won[e] = 1;
    this.remaining[p] -= size[e];
    this.updateMaxRoom();
    const lead = leads[e];
    this.push(this.rowOf[lead], p, via);
    for (let q = head[e]; q !== -1; q = nextMember[q]) if (q !== lead) this.push(this.rowOf[q], p, via);
  }

  private push(row: number, p: number, via: number): void {
    this.winnerRow[this.winners] = row;
    this.winnerPort[this.winners] = p;
    this.winnerVia[this.winners++] = via;
  }
}

/** Rule 5: E slots to entries in registration order; an entry that does not fit is skipped. */
function earliestPhase(alloc: Allocation, earliestSlots: number, times: Float64Array, rowOf: Int32Array, accountId: (row: number) => string): void {
  const { count, size, lead } = alloc.entries;
  let earliestLeft = earliestSlots;
  if (earliestLeft <= 0 || count === 0) return;
  const considered = scratch.flags.subarray(count, 2 * count).fill(0);
  const leadTimes = scratch.leadTimes.length >= count ? scratch.leadTimes : (scratch.leadTimes = new Float64Array(count * 2));
  for (let e = 0; e < count; e++) leadTimes[e] = times[lead[e]];
  const entryBefore = (a: number, b: number): boolean => {
    const ta = leadTimes[a];
    const tb = leadTimes[b];
    return ta < tb || (ta === tb && accountId(rowOf[lead[a]]) < accountId(rowOf[lead[b]]));
  };
  let want = earliestLeft;
  for (;;) {
    const ordered = smallestEntries(count, Math.min(want, count), leadTimes, entryBefore, considered);
    for (let x = 0; x < ordered.length; x++) {
      const e = ordered[x];
      considered[e] = 1;
      if (size[e] > earliestLeft) continue;
      const p = alloc.choosePort(e);
      if (p < 0) continue;
      alloc.award(e, p, VIA_EARLIEST);
      earliestLeft -= size[e];
      if (earliestLeft === 0) break;
    }
    if (earliestLeft === 0 || alloc.maxRoom === 0 || ordered.length < want) break;
    want *= 4;
  }
}

/** Rule 6: a lazy Fisher–Yates shuffle of the entries not yet winning (first-appearance order). */
function randomPhase(alloc: Allocation, totalSlots: number, seed: string, day: string): void {
  if (alloc.maxRoom <= 0) return;
  const { count, size } = alloc.entries;
  const won = alloc.won;
  const pool = scratch.pool;
  let m = 0;
  let maxSize = 0;
  for (let e = 0; e < count; e++) {
    if (won[e]) continue;
    pool[m++] = e;
    if (size[e] > maxSize) maxSize = size[e];
  }
  // How many undrawn entries have each size (sizes above the daily total can never fit).
  const cap = Math.min(maxSize, totalSlots);
  const undrawnBySize = new Int32Array(cap + 1);
  for (let k = 0; k < m; k++) {
    const s = size[pool[k]];
    if (s <= cap) undrawnBySize[s]++;
  }
  const anyFits = (): boolean => {
    for (let s = 1; s <= Math.min(alloc.maxRoom, cap); s++) if (undrawnBySize[s] > 0) return true;
    return false;
  };
  const rng = new HmacCounterRng(seed, day);
  for (let i = 0; i < m && alloc.maxRoom > 0; i++) {
    const j = i + rng.below(m - i);
    const e = pool[j];
    pool[j] = pool[i];
    pool[i] = e;
    const s = size[e];
    if (s <= cap) undrawnBySize[s]--;
    const p = alloc.choosePort(e);
    if (p >= 0) alloc.award(e, p, VIA_RANDOM);
    else if (!anyFits()) break;
  }
}

/**
 * The draw over columns (rules 1–9). `rows` lists the rows that requested, in input order (null = every
 * row, 0 … size − 1); a row may appear once. The columns' preferences must name ports by index.
 */
export function drawColumns(columns: RequesterColumns, rows: Int32Array | null, rules: DrawRules): ColumnDrawResult {
  const { earliestShare, remaining, totalSlots } = checkRules(rules);
  const n = rows === null ? columns.size : rows.length;
  const epoch = nextEpoch(columns.size, columns.personCount, columns.groupCount);
  if (scratch.perRequester.length < n * 6) scratch.perRequester = new Int32Array(Math.max(n * 6, scratch.perRequester.length * 2));
  if (scratch.times.length < n) scratch.times = new Float64Array(Math.max(n, scratch.times.length * 2));
  if (scratch.entrySize.length < n) {
    scratch.entrySize = new Int32Array(Math.max(n, scratch.entrySize.length * 2));
    scratch.pool = new Uint32Array(scratch.entrySize.length);
    scratch.flags = new Uint8Array(scratch.entrySize.length * 2);
  }
  // Six int columns per requester position q (0 … n − 1), carved from one scratch buffer.
  const block = scratch.perRequester;
  const rowOf = block.subarray(0, n);
  const kept = block.subarray(n, 2 * n);
  const times = scratch.times;
  const duplicatesRemoved = readRequesters(columns, rows, n, epoch, rules.dedupePersons, rowOf, kept, times);
  const entries: Entries = { count: 0, head: block.subarray(2 * n, 3 * n), tail: block.subarray(3 * n, 4 * n), lead: block.subarray(4 * n, 5 * n), size: scratch.entrySize, nextMember: block.subarray(5 * n, 6 * n) };
  entries.count = buildEntries(columns, n, epoch, rowOf, kept, times, entries);
  const alloc = new Allocation(remaining, totalSlots, n, columns, rowOf, entries);
  earliestPhase(alloc, Math.min(Math.round(totalSlots * earliestShare), totalSlots), times, rowOf, columns.accountId);
  randomPhase(alloc, totalSlots, rules.seed, rules.day);
  return {
    day: rules.day,
    seedHash: sha256Hex(rules.seed),
    entrants: entries.count,
    duplicatesRemoved,
    winners: alloc.winners,
    winnerRow: alloc.winnerRow,
    winnerPort: alloc.winnerPort,
    winnerVia: alloc.winnerVia,
  };
}

/**
 * The `k` smallest entries by `before` (excluding `skip`ped ones), sorted ascending. One pass with a
 * bounded max-heap: O(n log k), and almost every element is rejected by one comparison of its time
 * with the root's (the full comparison, with its accountId tie-break, only runs on equal times).
 */
function smallestEntries(count: number, k: number, times: Float64Array, before: (a: number, b: number) => boolean, skip: Uint8Array): Int32Array {
  const heap = new Int32Array(Math.max(k, 0));
  let size = 0;
  if (k <= 0) return heap;
  const siftDown = (start: number): void => {
    let pos = start;
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let largest = pos;
      if (l < size && before(heap[largest], heap[l])) largest = l;
      if (r < size && before(heap[largest], heap[r])) largest = r;
      if (largest === pos) return;
      const tmp = heap[largest];
      heap[largest] = heap[pos];
      heap[pos] = tmp;
      pos = largest;
    }
  };
  for (let e = 0; e < count; e++) {
    if (skip[e]) continue;
    if (size < k) {
      let pos = size++;
      heap[pos] = e;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        if (!before(heap[parent], heap[pos])) break; // max-heap: parent must not be before child
        const tmp = heap[parent];
        heap[parent] = heap[pos];
        heap[pos] = tmp;
        pos = parent;
      }
    } else {
      const te = times[e];
      const tr = times[heap[0]];
      if (te < tr || (te === tr && before(e, heap[0]))) {
        heap[0] = e;
        siftDown(0);
      }
    }
  }
  const out = heap.subarray(0, size);
  return out.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
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
