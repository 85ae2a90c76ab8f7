import { describe, expect, it } from 'vitest';
import { renderTimings } from './timings.ts';

describe('renderTimings', () => {
  it('names the wall time, the busiest personas and the slowest journeys', () => {
    const text = renderTimings([
      { project: 'reference@keyboard', title: 'register', ms: 30_000, status: 'passed' },
      { project: 'reference@keyboard', title: 'help', ms: 5_000, status: 'passed' },
      { project: 'reference@darker-skin-selfie', title: 'selfie', ms: 40_000, status: 'timedOut' },
    ], 50_000, 2);
    expect(text).toContain('50.0 s wall, 3 journey(s), 75.0 s of journey time on 2 worker(s) (75% busy)');
    expect(text).toMatch(/by persona: darker-skin-selfie 40\.0 s · keyboard 35\.0 s/);
    expect(text.split('\n')[2]).toContain('reference@darker-skin-selfie › selfie (timedOut)');
  });
});
