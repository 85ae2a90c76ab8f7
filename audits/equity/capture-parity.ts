import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { JourneyArtifact } from '../../harness/journey/journey-artifact.ts';
import type { CaptureFacts } from '../../harness/camera/capture-runner.ts';

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

const pct = (x: number) => `${Math.round(x * 100)}%`;
const cellText = (r: ParityRow) => `MST ${r.mst} ${r.accepted}/${r.attempts} (${pct(r.rate)}, 95% CI ${pct(r.low)}–${pct(r.high)}${r.ratioToBest === null ? '' : `, ratio ${r.ratioToBest.toFixed(2)}`})`;

/** The ratio per lighting: the worst tone's acceptance over the best tone's. */
export function lightingRatios(rows: ParityRow[]): Array<{ lighting: string; worst: ParityRow | null; best: ParityRow | null; ratio: number | null }> {
  return [...new Set(rows.map((r) => r.lighting))].map((lighting) => {
    const judged = rows.filter((r) => r.lighting === lighting && r.attempts > 0);
    if (!judged.length) return { lighting, worst: null, best: null, ratio: null };
    const best = judged.reduce((a, b) => (b.rate > a.rate ? b : a));
    const worst = judged.reduce((a, b) => (b.rate < a.rate ? b : a));
    return { lighting, worst, best, ratio: best.rate > 0 ? worst.rate / best.rate : null };
  });
}

export const captureParityAudit: Audit = {
  meta: {
    id: 'capture-parity',
    title: 'Photo acceptance does not depend on skin tone',
    failureTitle: 'Photo acceptance depends on skin tone',
    description:
      'A condition-acceptance ratio over a synthetic stimulus grid taken through the page\'s own capture control: acceptance per Monk Skin Tone per lighting (with Wilson 95% intervals), each tone compared with the best tone under the same lighting; below 0.8 is a failure (EEOC four-fifths rule, as an analogy), and so is every photo rejected. Captures the harness could not complete are neither: the result is cantTell. Synthetic faces test the capture and quality path, not a learned detector\'s demographic bias.',
    requiredArtifacts: ['journey'],
    requirements: { other: ['capture parity (EEOC four-fifths, analogy)', 'Section 508 §403.1 (biometrics, persuasive)'] },
    mode: 'automatic',
    rules: {
      'capture-parity': { title: 'Photos are accepted less often for some skin tones', wcag: [], other: ['capture parity: condition-acceptance ratio < 0.8 (EEOC four-fifths, analogy)'], impact: 'critical', help: 'Meter exposure on the face, and offer a way that needs no photo.' },
      'capture-all-rejected': { title: 'Every photo is rejected', wcag: [], other: ['capture: every photo rejected'], impact: 'critical', help: 'The capture gate accepts no one in these conditions.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const grid = (artifacts.gathered.journey as JourneyArtifact).records?.captureGrid as CaptureFacts | LegacyCaptureGrid | undefined;
    if (!grid) return { outcome: 'inapplicable', findings: [] };
    const rows = parityRows(grid);
    if (rows.length === 0) return { outcome: 'cantTell', findings: [], notes: ['no capture was attempted'] };
    const stimulus = grid.stimulus;
    const ratios = lightingRatios(rows);
    const table = ratios.map(({ lighting, ratio }) => `${lighting} (ratio ${ratio === null ? 'n/a' : ratio.toFixed(2)}): ${rows.filter((r) => r.lighting === lighting).map(cellText).join(', ')}`);
    const incomplete = rows.filter((r) => r.incomplete);
    const incompleteNote = incomplete.length
      ? `${incomplete.length} cell(s) with captures the harness could not complete (not counted as rejections): ${incomplete.map((r) => `${r.lighting} MST ${r.mst}: ${r.noResult} without result${r.messages.length ? ` (${r.messages.slice(0, 2).join('; ')})` : ''}`).join('; ')}`
      : '';
    const notes = [...table, ...('durationMs' in grid && grid.durationMs ? [`grid of ${rows.length} cells in ${(grid.durationMs / 1000).toFixed(1)} s`] : []), ...(incompleteNote ? [incompleteNote] : [])];
    const findings: DraftFinding[] = [];
    for (const { lighting } of ratios) {
      const all = rows.filter((r) => r.lighting === lighting);
      const judged = all.filter((r) => r.attempts > 0);
      if (judged.length && judged.every((r) => r.accepted === 0)) {
        findings.push({
          engines: ['portico'],
          ruleId: 'capture-all-rejected',
          key: 'selfie-capture',
          outcome: 'failed',
          impact: 'critical',
          message: `Under ${lighting} light, no photo was accepted for any skin tone (${judged.map(cellText).join(', ')}): nobody gets past the photo step${judged[0].messages[0] ? ` ("${judged[0].messages[0]}")` : ''}. Synthetic stimulus grid (${stimulus}).`,
          domPath: `(capture) ${lighting} all rejected`,
          wcag: [],
          other: ['capture: every photo rejected'],
        });
        continue;
      }
      const lows = all.filter((r) => r.flagged);
      if (!lows.length) continue;
      findings.push({
        engines: ['portico'],
        ruleId: 'capture-parity',
        key: 'selfie-capture',
        outcome: 'failed',
        impact: 'critical',
        message: `Under ${lighting} light, photos of darker skin tones are rejected: ${lows.map(cellText).join(', ')}${lows[0].messages[0] ? `; the page said "${lows[0].messages[0]}"` : ''}. All tones: ${judged.map(cellText).join(', ')}. Condition-acceptance ratio over a synthetic stimulus grid (${stimulus}); a failure below ${PARITY_THRESHOLD} (EEOC four-fifths rule, as an analogy).`,
        domPath: `(capture) ${lighting}`,
        wcag: [],
        other: ['capture parity: condition-acceptance ratio < 0.8 (EEOC four-fifths, analogy)'],
      });
    }
    if (findings.length) return { outcome: 'failed', findings, notes };
    // A capture that never completed is neither an acceptance nor a rejection: not a pass either.
    if (incomplete.length) return { outcome: 'cantTell', findings: [], notes };
    return { outcome: 'passed', findings: [], notes };
  },
};
