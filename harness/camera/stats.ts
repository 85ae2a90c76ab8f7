/**
 * Capture-grid statistics, shared by the capture-parity audit and the capture chart: counts per
 * Monk Skin Tone × lighting cell, acceptance rates with Wilson 95 % intervals, and each tone's ratio
 * to the best tone under the same lighting (the four-fifths rule, as an analogy).
 */
import type { CaptureFacts } from './capture-runner.ts';

/** Below this ratio to the best tone a tone is flagged (EEOC four-fifths rule, used as an analogy). */
export const PARITY_THRESHOLD = 0.8;

/** A capture grid from an older run (counts per cell), still read. */
export interface LegacyCaptureGrid {
  stimulus: string;
  cells: Array<{ mst: number; lighting: string; attempts: number; accepted: number; messages: string[]; errors?: number }>;
}

export interface CellCounts {
  lighting: string;
  mst: number;
  accepted: number;
  rejected: number;
  /** Captures the harness could not complete (no result, time-out, not run): neither accepted nor rejected. */
  noResult: number;
  /** Attempts the grid meant to make in this cell. */
  planned: number;
  messages: string[];
}

export interface ParityRow extends CellCounts {
  /** Captures that reached a verdict. */
  attempts: number;
  rate: number;
  /** Wilson score interval (95%) of the acceptance rate. */
  low: number;
  high: number;
  /** rate / best rate among tones under the same lighting (null when no tone was accepted). */
  ratioToBest: number | null;
  flagged: boolean;
  /** Fewer verdicts than planned. */
  incomplete: boolean;
}

/** Wilson score interval for k successes in n trials (z = 1.96: 95%). [0, 1] when n = 0. */
export function wilson(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Counts per cell from the runner's facts (or a legacy grid). */
export function cellCounts(grid: CaptureFacts | LegacyCaptureGrid): CellCounts[] {
  if ('cells' in grid && Array.isArray(grid.cells)) {
    return grid.cells.map((c) => ({ lighting: c.lighting, mst: c.mst, accepted: c.accepted, rejected: c.attempts - c.accepted, noResult: c.errors ?? 0, planned: c.attempts + (c.errors ?? 0), messages: c.messages }));
  }
  const facts = grid as CaptureFacts;
  const cells = new Map<string, CellCounts>();
  for (const a of facts.attempts ?? []) {
    const key = `${a.lighting}|${a.mst}`;
    const cell = cells.get(key) ?? { lighting: a.lighting, mst: a.mst, accepted: 0, rejected: 0, noResult: 0, planned: 0, messages: [] };
    cell.planned++;
    if (a.outcome === 'accepted') cell.accepted++;
    else if (a.outcome === 'rejected') cell.rejected++;
    else cell.noResult++;
    if (a.outcome !== 'accepted' && a.message && !cell.messages.includes(a.message)) cell.messages.push(a.message);
    cells.set(key, cell);
  }
  // A planned cell that never started is incomplete too.
  for (const lighting of facts.lightings ?? []) {
    for (const mst of facts.tones ?? []) {
      if (!cells.has(`${lighting}|${mst}`)) cells.set(`${lighting}|${mst}`, { lighting, mst, accepted: 0, rejected: 0, noResult: facts.attemptsPerCell ?? 0, planned: facts.attemptsPerCell ?? 0, messages: ['not run'] });
    }
  }
  return [...cells.values()];
}

/** Acceptance per tone per lighting, with intervals and each tone's ratio to the best tone under the same lighting. */
export function parityRows(grid: CaptureFacts | LegacyCaptureGrid): ParityRow[] {
  const counts = cellCounts(grid);
  const rows: ParityRow[] = [];
  for (const lighting of [...new Set(counts.map((c) => c.lighting))]) {
    const cells = counts.filter((c) => c.lighting === lighting).sort((a, b) => a.mst - b.mst);
    const judged = cells.filter((c) => c.accepted + c.rejected > 0);
    const best = Math.max(0, ...judged.map((c) => c.accepted / (c.accepted + c.rejected)));
    for (const c of cells) {
      const n = c.accepted + c.rejected;
      const rate = n ? c.accepted / n : 0;
      const ratioToBest = n && best > 0 ? rate / best : null;
      rows.push({ ...c, attempts: n, rate, ...wilson(c.accepted, n), ratioToBest, flagged: ratioToBest !== null && ratioToBest < PARITY_THRESHOLD - 1e-9, incomplete: n < c.planned || n === 0 });
    }
  }
  return rows;
}

