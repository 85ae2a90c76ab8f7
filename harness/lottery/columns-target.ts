/**
 * A drawer for any target whose draw takes requester columns (the reference module's
 * `drawColumns`, or a module path exporting the same): the synthetic population becomes one table —
 * a row per person (a family's members share a group), then rows for the probe accounts — and each
 * simulated day passes the rows of that day's requesters.
 */
import type { ColumnDrawResult, DrawRules, LotteryPort, RequesterColumns } from './draw-types.ts';
import type { Population } from './population.ts';
import { mulberry32 } from '../random.ts';
import type { Probes, TargetDrawer } from './target.ts';

export type ColumnDraw = (columns: RequesterColumns, rows: Int32Array | null, rules: DrawRules) => ColumnDrawResult;

export const DAY0_MS = Date.parse('2023-06-01T00:00:00Z');
const DAY_MS = 86_400_000;

export function isoDay(day: number): string {
  return new Date(DAY0_MS + day * DAY_MS).toISOString().slice(0, 10);
}

export function columnsDrawer(draw: ColumnDraw, ports: LotteryPort[], rules: { earliestShare: number; dedupePersons: boolean }, pop: Population, maxProbeAccounts: number, seed: number): TargetDrawer {
  const memberRows = pop.persons;
  const size = memberRows + maxProbeAccounts;
  const firstRow = new Int32Array(pop.entries + 1);
  for (let e = 0; e < pop.entries; e++) firstRow[e + 1] = firstRow[e] + pop.size[e];
  const rowEntry = new Int32Array(memberRows);
  const person = new Int32Array(size);
  const group = new Int32Array(size).fill(-1);
  const registeredAt = new Float64Array(size);
  const prefOffset = new Int32Array(size + 1);
  const prefPort = new Uint16Array(size * 3);
  const rand = mulberry32(seed ^ 0x7a3);
  let prefs = 0;
  for (let e = 0; e < pop.entries; e++) {
    const ms = Math.round(DAY0_MS + pop.regDay[e] * DAY_MS);
    for (let r = firstRow[e]; r < firstRow[e + 1]; r++) {
      rowEntry[r] = e;
      person[r] = r;
      if (pop.size[e] > 1) group[r] = e;
      registeredAt[r] = ms;
    }
  }
  for (let r = 0; r < size; r++) {
    // 1–3 distinct preferred ports.
    const want = 1 + Math.floor(rand() * 3);
    const start = prefs;
    for (let k = 0; k < want; k++) {
      const p = Math.floor(rand() * ports.length);
      let dup = false;
      for (let j = start; j < prefs; j++) if (prefPort[j] === p) dup = true;
      if (!dup) prefPort[prefs++] = p;
    }
    prefOffset[r + 1] = prefs;
  }
  const columns: RequesterColumns = {
    size,
    accountId: (row) => `r${row}`,
    groupId: (g) => `g${g}`,
    person,
    personCount: size,
    group,
    groupCount: pop.entries,
    registeredAt,
    prefOffset,
    prefPort,
  };
  const rows = new Int32Array(size);
  const drawnPort = new Int32Array(memberRows).fill(-1);
  return {
    drawDay(day, seedLabel, entries, entryCount, probes, wonEntry, wonProbe) {
      let n = 0;
      for (let i = 0; i < entryCount; i++) {
        const e = entries[i];
        for (let r = firstRow[e]; r < firstRow[e + 1]; r++) rows[n++] = r;
      }
      if (probes) {
        if (probes.accounts > maxProbeAccounts) throw new Error(`lottery simulation: ${probes.accounts} probe accounts, room for ${maxProbeAccounts}`);
        for (let a = 0; a < probes.accounts; a++) {
          const r = memberRows + a;
          registeredAt[r] = Math.round(DAY0_MS + probes.regDay[a] * DAY_MS);
          person[r] = memberRows + probes.person[a]; // accounts of one probe person share a person
          rows[n++] = r;
        }
      }
      const result = draw(columns, rows.subarray(0, n), { day: isoDay(day), ports, earliestShare: rules.earliestShare, seed: `${seed}:${seedLabel}`, dedupePersons: rules.dedupePersons });
      const touched: number[] = [];
      for (let w = 0; w < result.winners; w++) {
        const r = result.winnerRow[w];
        if (r >= memberRows) {
          wonProbe[r - memberRows] = 1;
          continue;
        }
        const e = rowEntry[r];
        if (pop.size[e] > 1 && !wonEntry[e]) touched.push(e);
        wonEntry[e] = 1;
        drawnPort[r] = result.winnerPort[w];
      }
      // A family is split when some but not all members were drawn, or they were sent to different ports.
      let groupsSplit = 0;
      for (const e of touched) {
        const port = drawnPort[firstRow[e]];
        for (let r = firstRow[e]; r < firstRow[e + 1]; r++) {
          if (drawnPort[r] !== port || port < 0) {
            groupsSplit++;
            break;
          }
        }
        for (let r = firstRow[e]; r < firstRow[e + 1]; r++) drawnPort[r] = -1;
      }
      return { groupsWon: touched.length, groupsSplit };
    },
  };
}
