import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { parityRows, PARITY_THRESHOLD, type LegacyCaptureGrid, type ParityRow } from '../../harness/camera/stats.ts';
import type { CaptureFacts } from '../../harness/camera/capture-runner.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';
export { cellCounts, parityRows, wilson, PARITY_THRESHOLD, type CellCounts, type LegacyCaptureGrid, type ParityRow } from '../../harness/camera/stats.ts';

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
    const grid = gathered(artifacts, 'journey').records?.captureGrid as CaptureFacts | LegacyCaptureGrid | undefined;
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
