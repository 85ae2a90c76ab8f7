import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { JourneyArtifact } from '../../harness/journey/journey-artifact.ts';
import type { CaptureGrid } from '../../harness/journey/capture-grid.ts';

export type { CaptureGrid };

/** Below this ratio to the best tone a tone is flagged (EEOC four-fifths rule, used as an analogy). */
export const PARITY_THRESHOLD = 0.8;

export interface ParityRow { lighting: string; mst: number; accepted: number; attempts: number; rate: number; ratioToBest: number; flagged: boolean }

/** Acceptance per tone per lighting, with each tone's ratio to the best tone under the same lighting. */
export function parityRows(grid: CaptureGrid): ParityRow[] {
  const rows: ParityRow[] = [];
  for (const lighting of [...new Set(grid.cells.map((c) => c.lighting))]) {
    const cells = grid.cells.filter((c) => c.lighting === lighting && c.attempts > 0);
    const best = Math.max(...cells.map((c) => c.accepted / c.attempts));
    for (const c of cells.sort((a, b) => a.mst - b.mst)) {
      const rate = c.accepted / c.attempts;
      const ratioToBest = best === 0 ? 1 : rate / best;
      rows.push({ lighting, mst: c.mst, accepted: c.accepted, attempts: c.attempts, rate, ratioToBest, flagged: best > 0 && ratioToBest < PARITY_THRESHOLD });
    }
  }
  return rows;
}

export const captureParityAudit: Audit = {
  meta: {
    id: 'capture-parity',
    title: 'Photo acceptance does not depend on skin tone',
    failureTitle: 'Photo acceptance depends on skin tone',
    description: 'A condition-acceptance ratio over a synthetic stimulus grid: acceptance per Monk Skin Tone per lighting, each tone compared with the best tone under the same lighting; below 0.8 is flagged (EEOC four-fifths rule, as an analogy). Synthetic faces test the capture and quality path, not a learned detector\'s demographic bias.',
    requiredArtifacts: ['journey'],
    requirements: { other: ['capture parity (EEOC four-fifths, analogy)', 'Section 508 §403.1 (biometrics, persuasive)'] },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const grid = (artifacts.gathered.journey as JourneyArtifact).records?.captureGrid as CaptureGrid | undefined;
    if (!grid) return { outcome: 'inapplicable', findings: [] };
    if (grid.cells.length === 0) return { outcome: 'cantTell', findings: [], notes: ['no capture was attempted'] };
    const rows = parityRows(grid);
    const table = rows.map((r) => `${r.lighting} MST ${r.mst}: ${r.accepted}/${r.attempts} (ratio ${r.ratioToBest.toFixed(2)})`).join('; ');
    const flagged = rows.filter((r) => r.flagged);
    // No tone accepted at all under a lighting: nobody gets past, which no ratio shows (every ratio is 1).
    const noneAccepted = [...new Set(rows.map((r) => r.lighting))].filter((l) => rows.filter((r) => r.lighting === l).every((r) => r.accepted === 0));
    const errors = grid.cells.filter((c) => (c.errors ?? 0) > 0);
    const errorNote = errors.map((c) => `${c.lighting} MST ${c.mst}: ${c.errors} capture(s) did not complete (${c.messages.join('; ')})`).join('; ');
    if (flagged.length === 0 && noneAccepted.length === 0) {
      // A capture that never completed is neither an acceptance nor a rejection: not a pass either.
      return errors.length ? { outcome: 'cantTell', findings: [], notes: [table, errorNote] } : { outcome: 'passed', findings: [], notes: [table] };
    }
    const rejectedAll = noneAccepted.map((lighting) => {
      const all = rows.filter((r) => r.lighting === lighting);
      return {
        engines: ['portico'] as DraftFinding['engines'],
        ruleId: 'capture-all-rejected',
        key: 'selfie-capture',
        outcome: 'failed' as const,
        impact: 'critical' as const,
        message: `Under ${lighting} light, no photo was accepted for any skin tone (${all.map((r) => `MST ${r.mst} ${r.accepted}/${r.attempts}`).join(', ')}): nobody gets past the photo step. Synthetic stimulus grid (${grid.stimulus}).`,
        domPath: `(capture) ${lighting} all rejected`,
        wcag: [],
        other: ['capture: every photo rejected'],
      };
    });
    return {
      outcome: 'failed',
      notes: [table],
      findings: [...rejectedAll, ...[...new Set(flagged.map((r) => r.lighting))].map((lighting) => {
        const lows = flagged.filter((r) => r.lighting === lighting);
        const all = rows.filter((r) => r.lighting === lighting);
        return {
          engines: ['portico'] as DraftFinding['engines'],
          ruleId: 'capture-parity',
          key: 'selfie-capture',
          outcome: 'failed' as const,
          impact: 'critical' as const,
          message: `Under ${lighting} light, photos of darker skin tones are rejected: ${lows.map((r) => `MST ${r.mst} accepted ${r.accepted}/${r.attempts} (ratio ${r.ratioToBest.toFixed(2)} to the best tone)`).join(', ')}. All tones: ${all.map((r) => `MST ${r.mst} ${r.accepted}/${r.attempts}`).join(', ')}. Condition-acceptance ratio over a synthetic stimulus grid (${grid.stimulus}); flag below ${PARITY_THRESHOLD} (EEOC four-fifths rule, as an analogy).`,
          domPath: `(capture) ${lighting}`,
          wcag: [],
          other: ['capture parity: condition-acceptance ratio < 0.8 (EEOC four-fifths, analogy)'],
        };
      })],
    };
  },
};
