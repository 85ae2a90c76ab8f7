import { describe, expect, it } from 'vitest';
import { captureParityAudit, lightingRatios, parityRows, wilson, type LegacyCaptureGrid } from './capture-parity.ts';
import type { CaptureFacts, CaptureOutcome } from '../../harness/camera/capture-runner.ts';
import type { Artifacts } from '../../harness/types.ts';

const artifactsWith = (grid?: CaptureFacts | LegacyCaptureGrid): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'selfie', url: 'http://x/selfie', pagePath: '/selfie', context: {}, gatheredAt: '', versions: {},
  gathered: { journey: { stepId: 'selfie', stepTitle: 'Selfie', personaTitle: 'P', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], actions: [], records: grid ? { captureGrid: grid } : {} } },
});
const ctx = { checkpoint: 'selfie', url: '', pagePath: '/selfie', context: {} };

/** Facts for one or more lightings: outcomes per tone, e.g. { 1: 'aaa', 10: 'arr' } (a accepted, r rejected, n no result). */
function facts(byLighting: Record<string, Record<number, string>>): CaptureFacts {
  const attempts: CaptureFacts['attempts'] = [];
  const code: Record<string, CaptureOutcome> = { a: 'accepted', r: 'rejected', n: 'no-result' };
  for (const [lighting, tones] of Object.entries(byLighting)) {
    for (const [mst, outcomes] of Object.entries(tones)) {
      [...outcomes].forEach((o, i) => attempts.push({ mst: Number(mst), lighting, attempt: i + 1, outcome: code[o], message: o === 'r' ? 'The photo is too dark.' : o === 'n' ? 'no result after 30 s' : undefined, ms: 1000 }));
    }
  }
  const lightings = Object.keys(byLighting);
  const tones = [...new Set(Object.values(byLighting).flatMap((t) => Object.keys(t).map(Number)))];
  return { kind: 'capture-grid', stimulus: 'synthetic', url: '/selfie', control: 'button "Take photo"', tones, lightings, attemptsPerCell: 3, attempts, durationMs: 12_000 };
}

describe('wilson', () => {
  it('matches the textbook 95% interval', () => {
    const { low, high } = wilson(3, 3);
    expect(low).toBeCloseTo(0.4385, 3);
    expect(high).toBe(1);
    const mid = wilson(5, 10);
    expect(mid.low).toBeCloseTo(0.2366, 3);
    expect(mid.high).toBeCloseTo(0.7634, 3);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('capture-parity', () => {
  it('passes when every tone under every lighting is accepted alike, with the table and intervals in the notes', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'aaa', 5: 'aaa', 10: 'aaa' }, dim: { 1: 'aaa', 5: 'aaa', 10: 'aaa' } })), ctx);
    expect(r.outcome).toBe('passed');
    expect(r.notes?.[0]).toMatch(/^even \(ratio 1\.00\): MST 1 3\/3 \(100%, 95% CI 44%–100%, ratio 1\.00\)/);
  });
  it('fails tones below 0.8 of the best tone under the same lighting, per lighting, with counts and intervals', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'aaa', 10: 'aaa' }, dim: { 1: 'aaa', 5: 'aaa', 9: 'rrr', 10: 'arr' } })), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].domPath).toBe('(capture) dim');
    expect(r.findings[0].message).toMatch(/MST 9 0\/3 \(0%, 95% CI 0%–56%, ratio 0\.00\)/);
    expect(r.findings[0].message).toMatch(/MST 10 1\/3 \(33%, 95% CI 6%–79%, ratio 0\.33\)/);
    expect(r.findings[0].message).toMatch(/too dark/);
    expect(r.findings[0].other?.[0]).toMatch(/four-fifths/);
    expect(lightingRatios(parityRows(facts({ dim: { 1: 'aaa', 10: 'arr' } })))[0].ratio).toBeCloseTo(1 / 3);
  });
  it('a ratio of exactly 0.8 is not flagged', () => {
    const rows = parityRows({ stimulus: 's', cells: [{ mst: 1, lighting: 'even', attempts: 5, accepted: 5, messages: [] }, { mst: 9, lighting: 'even', attempts: 5, accepted: 4, messages: [] }] });
    expect(rows.find((x) => x.mst === 9)).toMatchObject({ ratioToBest: 0.8, flagged: false });
  });
  it('is inapplicable without a capture grid and cantTell with an empty one', () => {
    expect(captureParityAudit.audit(artifactsWith(), ctx).outcome).toBe('inapplicable');
    expect(captureParityAudit.audit(artifactsWith({ stimulus: 's', cells: [] }), ctx).outcome).toBe('cantTell');
  });
});

describe('capture-parity when the harness could not capture', () => {
  it('is cantTell, never passed, when a cell has captures without a result', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'aaa', 10: 'aan' } })), ctx);
    expect(r.outcome).toBe('cantTell');
    expect(r.notes?.join(' ')).toMatch(/could not complete.*even MST 10: 1 without result \(no result after 30 s\)/);
  });
  it('is cantTell when nothing reached a verdict at all (a dead camera is not a rejection)', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'nnn', 10: 'nnn' } })), ctx);
    expect(r.outcome).toBe('cantTell');
    expect(r.findings).toEqual([]);
  });
  it('a planned cell that never ran is incomplete', () => {
    const f = facts({ even: { 1: 'aaa' } });
    f.tones = [1, 10];
    expect(captureParityAudit.audit(artifactsWith(f), ctx).outcome).toBe('cantTell');
  });
  it('still fails on the complete cells when others are incomplete', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'aaa', 9: 'rrr', 10: 'nnn' } })), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.notes?.join(' ')).toMatch(/could not complete/);
  });
});

describe('capture-parity when no photo is accepted', () => {
  it('every capture rejected in every cell is a failure, never passed', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'rrr', 5: 'rrr', 10: 'rrr' } })), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'capture-all-rejected', key: 'selfie-capture', impact: 'critical' });
    expect(r.findings[0].message).toMatch(/no photo was accepted for any skin tone/);
  });
  it('keys parity findings by the capture step', () => {
    const r = captureParityAudit.audit(artifactsWith(facts({ even: { 1: 'aaa', 10: 'rrr' } })), ctx);
    expect(r.findings.map((f) => [f.ruleId, f.key])).toEqual([['capture-parity', 'selfie-capture']]);
  });
});
