import { describe, expect, it } from 'vitest';
import { formatInterval, histogramMax, histogramQuantile, meanInterval } from './stats.ts';

describe('lottery statistics', () => {
  it('reads quantiles off a histogram by nearest rank', () => {
    // values 0,0,1,1,1,2,5,5,9,9 (10 values)
    const h = [2, 3, 1, 0, 0, 2, 0, 0, 0, 2];
    expect(histogramQuantile(h, 10, 0.5)).toBe(1);
    expect(histogramQuantile(h, 10, 0.6)).toBe(2);
    expect(histogramQuantile(h, 10, 0.9)).toBe(9);
    expect(histogramQuantile(h, 10, 0.1)).toBe(0);
    expect(histogramMax(h)).toBe(9);
    expect(histogramQuantile([], 0, 0.5)).toBeNaN();
  });

  it('gives the mean and a 95 % t-interval over seeds', () => {
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.mean).toBe(3);
    // sd = 1.5811, se = 0.7071, t(4) = 2.776
    expect(i.low).toBeCloseTo(3 - 2.776 * 0.70711, 3);
    expect(i.high).toBeCloseTo(3 + 2.776 * 0.70711, 3);
    expect(meanInterval([7]).low).toBe(7);
    expect(meanInterval([Number.NaN, 2, 4]).n).toBe(2);
    expect(meanInterval([0, 0.1, 5], 0).low).toBe(0);
    expect(formatInterval(meanInterval([2, 2, 2]))).toBe('2.0');
    expect(formatInterval(meanInterval([1, 3]))).toMatch(/^2\.0 \[/);
  });
});
