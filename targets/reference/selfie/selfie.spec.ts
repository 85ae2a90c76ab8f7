/**
 * The real selfie path end to end, on its own tiny server (testServer.ts), one Chromium launch per
 * synthetic camera stimulus: BlazeFace must find the face, metrics must come back, the naive gate
 * must show the documented failure under backlight and the fair gate must accept every tone in
 * reasonable light. At most one browser at a time from this file.
 */
import { expect, test } from '@playwright/test';
import { formatAcceptanceTable, measureAcceptance } from './measure.ts';

test.describe.configure({ mode: 'serial' });

test('even light: BlazeFace finds every tone; the fair gate accepts all, the naive gate rejects MST 9–10', async () => {
  test.setTimeout(300_000);
  const report = await measureAcceptance({ tones: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], lightings: ['even'], gate: ['fair', 'naive-absolute'], attempts: 1 });
  console.log(formatAcceptanceTable(report));
  for (const cell of report.cells) {
    // A stalled capture that a retry recovered is logged, not failed (rare, seen ~1 in 100 on a loaded machine);
    // every cell must still reach its verdict.
    if (cell.error) console.warn(`MST ${cell.mst}: recovered after a stall: ${cell.error}`);
    expect(cell.attempts, `MST ${cell.mst} reached a verdict (${cell.error ?? 'no stall'})`).toBe(1);
    expect(cell.faceFound, `BlazeFace found MST ${cell.mst}`).toBe(cell.attempts);
    const metrics = cell.captures[0].metrics;
    for (const key of ['faceMeanLuma', 'faceStdLuma', 'faceNoise', 'frameMeanLuma', 'backgroundMeanLuma', 'faceScore']) expect(typeof metrics[key], `${key} for MST ${cell.mst}`).toBe('number');
    expect(cell.gates.fair!.accepted, `fair gate, MST ${cell.mst}`).toBe(cell.attempts);
  }
  const naive = (mst: number) => report.cells.find((c) => c.mst === mst)!.gates['naive-absolute']!.accepted;
  for (const mst of [1, 2, 3, 4, 5]) expect(naive(mst), `naive gate accepts MST ${mst}`).toBe(1);
  for (const mst of [9, 10]) expect(naive(mst), `naive gate rejects MST ${mst}`).toBe(0);
  // Darker faces are darker in a correctly exposed photo.
  expect(report.cells[0].captures[0].metrics.faceMeanLuma as number).toBeGreaterThan(report.cells[9].captures[0].metrics.faceMeanLuma as number);
});

test('backlit: whole-frame auto-exposure under-exposes faces; the naive gate accepts MST 1–5 and rejects 9–10', async () => {
  test.setTimeout(300_000);
  const report = await measureAcceptance({ tones: [1, 3, 5, 9, 10], lightings: ['backlit'], gate: ['naive-absolute', 'fair'], attempts: 1 });
  console.log(formatAcceptanceTable(report));
  for (const cell of report.cells) {
    // A stalled capture that a retry recovered is logged, not failed (rare, seen ~1 in 100 on a loaded machine);
    // every cell must still reach its verdict.
    if (cell.error) console.warn(`MST ${cell.mst}: recovered after a stall: ${cell.error}`);
    expect(cell.attempts, `MST ${cell.mst} reached a verdict (${cell.error ?? 'no stall'})`).toBe(1);
    expect(cell.faceFound, `BlazeFace found MST ${cell.mst} backlit`).toBe(cell.attempts);
    expect(cell.exposureGain).toBeLessThan(0.3);
    expect(cell.gates['naive-absolute']!.accepted, `naive gate, MST ${cell.mst} backlit`).toBe(cell.mst <= 5 ? 1 : 0);
  }
  const flagged = report.ratios.filter((r) => r.gate === 'naive-absolute' && r.flagged).map((r) => r.mst);
  expect(flagged).toEqual([9, 10]);
});
