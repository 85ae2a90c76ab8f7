import { describe, expect, it } from 'vitest';
import { lighthousePerformanceAudit } from './lighthouse-performance.ts';
import { throttleRatio } from '../../harness/gatherers/lighthouse.ts';
import type { Artifacts } from '../../harness/types.ts';
import type { LighthouseArtifact } from '../../harness/gatherers/types.ts';

const ctx = { checkpoint: 'home', url: '', pagePath: '/', context: {} };
const withLh = (score: number, throttleCheck?: LighthouseArtifact['throttleCheck']): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'home', url: 'http://x/', pagePath: '/', context: {}, gatheredAt: '', versions: {},
  gathered: { lighthouse: { version: '13', mode: 'navigation', categories: { performance: { score, auditIds: [] } }, audits: [], runWarnings: [], ...(throttleCheck ? { throttleCheck } : {}) } satisfies LighthouseArtifact },
});
const ms = (fcp: number, lcp: number, si: number, tti: number) => ({ 'first-contentful-paint': fcp, 'largest-contentful-paint': lcp, 'speed-index': si, interactive: tti });

describe('throttleRatio', () => {
  it('is the median slow-down over the metrics both runs measured', () => {
    expect(throttleRatio(ms(4000, 6000, 5000, 8000), ms(500, 600, 1000, 800))).toBeCloseTo(9); // 8, 10, 5, 10
    expect(throttleRatio({ a: 100, b: null }, { a: 50, b: 10 })).toBe(2);
    expect(throttleRatio({ a: null }, { a: 10 })).toBeNull();
  });
});

describe('lighthouse-performance with the throttling check', () => {
  it('judges the score when the throttled run was clearly slower, and reports both runs', () => {
    const r = lighthousePerformanceAudit.audit(withLh(0.9, { throttled: ms(4000, 6000, 5000, 8000), unthrottled: ms(500, 600, 1000, 800), ratio: 7.5 }), ctx);
    expect(r.outcome).toBe('passed');
    expect(r.notes?.join(' ')).toMatch(/throttled: first-contentful-paint 4000 ms.*unthrottled: first-contentful-paint 500 ms.*7\.50×/);
  });
  it('is cantTell, never passed, when the throttling did not apply', () => {
    const r = lighthousePerformanceAudit.audit(withLh(0.99, { throttled: ms(510, 600, 1000, 800), unthrottled: ms(500, 600, 1000, 800), ratio: 1.0 }), ctx);
    expect(r.outcome).toBe('cantTell');
    expect(r.notes?.join(' ')).toMatch(/did not apply/);
  });
  it('is cantTell when the unthrottled run could not be compared', () => {
    expect(lighthousePerformanceAudit.audit(withLh(0.2, { throttled: ms(1, 1, 1, 1), unthrottled: {}, ratio: null, error: 'x' }), ctx).outcome).toBe('cantTell');
  });
  it('still fails a poor score measured under working throttling', () => {
    expect(lighthousePerformanceAudit.audit(withLh(0.3, { throttled: ms(4000, 6000, 5000, 8000), unthrottled: ms(500, 600, 1000, 800), ratio: 7.5 }), ctx).outcome).toBe('failed');
  });
});
