/**
 * The shapes a lottery draw works on, as Portico's lottery simulation drives any target's draw
 * (a target module exporting `drawColumns(columns, rows, rules)` takes and returns these).
 */

export interface LotteryPort {
  id: string;
  name: string;
  capacity: number;
}

/**
 * A day's requesters as columns: the form the draw runs on. Strings (account ids, person keys, group
 * ids, ISO times, port ids) are turned into numbers once, when the columns are built, so the draw
 * itself — deduplication, entries, the earliest share, the random phase — is O(requesters) over typed
 * arrays, and only the random phase's draws need the HMAC. `drawLottery` builds these from objects;
 * a caller that keeps its population as columns (a simulation, a benchmark) calls `drawColumns`.
 */
export interface RequesterColumns {
  /** Rows in the table (a draw may use all of them or a subset, see `drawColumns`). */
  size: number;
  /** Each row's published account id. Unique per table: whoever builds the table guarantees it. Used for ties and output. */
  accountId(row: number): string;
  /** Each group's published id (output only). */
  groupId(group: number): string;
  /** Dense person number per row: rows of one person (one personKey) share it; 0 ≤ person < personCount. */
  person: Int32Array;
  personCount: number;
  /** Dense group number per row, −1 = no group; −1 ≤ group < groupCount. */
  group: Int32Array;
  groupCount: number;
  /** Registration time per row, milliseconds since the epoch. */
  registeredAt: Float64Array;
  /** Row r prefers the ports prefPort[prefOffset[r]] … prefPort[prefOffset[r + 1] − 1] (indices into the ports). */
  prefOffset: Int32Array;
  prefPort: Uint16Array;
}

export interface DrawRules {
  day: string;
  ports: Array<LotteryPort>;
  earliestShare?: number;
  seed: string;
  dedupePersons: boolean;
}

export interface ColumnDrawResult {
  day: string;
  seedHash: string;
  entrants: number;
  duplicatesRemoved: number;
  /** Winners in published order (rule "Output"): winnerRow[i] won a slot at ports[winnerPort[i]] via winnerVia[i]. */
  winners: number;
  winnerRow: Int32Array;
  winnerPort: Int32Array;
  winnerVia: Uint8Array;
}
