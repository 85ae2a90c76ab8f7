import { describe, expect, it } from 'vitest';
import { captureParityAudit, parityRows, type CaptureGrid } from './capture-parity.ts';
import type { Artifacts } from '../../harness/types.ts';

const artifactsWith = (grid?: CaptureGrid): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'selfie', url: 'http://x/selfie', pagePath: '/selfie', context: {}, gatheredAt: '', versions: {},
  gathered: { journey: { stepId: 'selfie', stepTitle: 'Selfie', personaTitle: 'P', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], actions: [], records: grid ? { captureGrid: grid } : {} } },
});
const ctx = { checkpoint: 'selfie', url: '', pagePath: '/selfie', context: {} };
const grid = (accepted: Record<number, number>): CaptureGrid => ({
  stimulus: 'synthetic',
  cells: Object.entries(accepted).map(([mst, a]) => ({ mst: Number(mst), lighting: 'even', attempts: 3, accepted: a, messages: [] })),
});

describe('capture-parity', () => {
  it('passes when every tone is accepted alike', () => {
    expect(captureParityAudit.audit(artifactsWith(grid({ 1: 3, 5: 3, 10: 3 })), ctx).outcome).toBe('passed');
  });
  it('flags tones below 0.8 of the best tone under the same lighting, with counts', () => {
    const r = captureParityAudit.audit(artifactsWith(grid({ 1: 3, 5: 3, 9: 0, 10: 1 })), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.findings[0].message).toMatch(/MST 9 accepted 0\/3 \(ratio 0\.00/);
    expect(r.findings[0].message).toMatch(/MST 10 accepted 1\/3 \(ratio 0\.33/);
    expect(r.findings[0].other?.[0]).toMatch(/four-fifths/);
  });
  it('a ratio of exactly 0.8 is not flagged', () => {
    const rows = parityRows({ stimulus: 's', cells: [{ mst: 1, lighting: 'even', attempts: 5, accepted: 5, messages: [] }, { mst: 9, lighting: 'even', attempts: 5, accepted: 4, messages: [] }] });
    expect(rows.find((r) => r.mst === 9)).toMatchObject({ ratioToBest: 0.8, flagged: false });
  });
  it('is inapplicable without a capture grid and cantTell with an empty one', () => {
    expect(captureParityAudit.audit(artifactsWith(), ctx).outcome).toBe('inapplicable');
    expect(captureParityAudit.audit(artifactsWith({ stimulus: 's', cells: [] }), ctx).outcome).toBe('cantTell');
  });
});

describe('capture-parity with captures that did not complete', () => {
  it('is cantTell, never passed, when some captures could not complete', () => {
    const g: CaptureGrid = { stimulus: 's', cells: [
      { mst: 1, lighting: 'even', attempts: 1, accepted: 1, messages: [] },
      { mst: 10, lighting: 'even', attempts: 0, accepted: 0, messages: ['no result'], errors: 1 },
    ] };
    const r = captureParityAudit.audit(artifactsWith(g), ctx);
    expect(r.outcome).toBe('cantTell');
    expect(r.notes?.join(' ')).toMatch(/did not complete/);
  });
});

describe('capture-parity when no photo is accepted', () => {
  it('all captures rejected is a failure, never passed (every ratio to a best of 0 is 1)', () => {
    const r = captureParityAudit.audit(artifactsWith(grid({ 1: 0, 5: 0, 10: 0 })), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'capture-all-rejected', key: 'selfie-capture', impact: 'critical' });
    expect(r.findings[0].message).toMatch(/no photo was accepted for any skin tone/);
  });
  it('keys parity findings by the capture step', () => {
    const r = captureParityAudit.audit(artifactsWith(grid({ 1: 3, 10: 0 })), ctx);
    expect(r.findings.map((f) => [f.ruleId, f.key])).toEqual([['capture-parity', 'selfie-capture']]);
  });
});
