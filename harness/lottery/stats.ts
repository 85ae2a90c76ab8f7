/** Small statistics helpers for the lottery report (pure). */

/** The q-quantile (0..1) of a histogram of non-negative integer values (nearest rank). */
export function histogramQuantile(histogram: ArrayLike<number>, total: number, q: number): number {
  if (total <= 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v];
    if (seen >= rank) return v;
  }
  return histogram.length - 1;
}

export function histogramMax(histogram: ArrayLike<number>): number {
  for (let v = histogram.length - 1; v >= 0; v--) if (histogram[v] > 0) return v;
  return Number.NaN;
}

// Two-sided 95 % Student t quantiles for 1..30 degrees of freedom (beyond: the normal 1.96).
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export interface Interval {
  mean: number;
  low: number;
  high: number;
  /** How many values (seeds) the interval is over. */
  n: number;
}

/** Mean and 95 % t-interval of the values (NaNs dropped); one value gives a zero-width interval; `floor` bounds the low end (a rate or ratio is never below 0). */
export function meanInterval(values: number[], floor = Number.NEGATIVE_INFINITY): Interval {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, low: mean, high: mean, n };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const t = n - 1 <= 30 ? T95[n - 2] : 1.96;
  const half = t * Math.sqrt(variance / n);
  return { mean, low: Math.max(floor, mean - half), high: mean + half, n };
}

export function formatInterval(i: Interval, digits = 1): string {
  if (!Number.isFinite(i.mean)) return 'n/a';
  if (i.n <= 1 || i.low === i.high) return i.mean.toFixed(digits);
  return `${i.mean.toFixed(digits)} [${i.low.toFixed(digits)}, ${i.high.toFixed(digits)}]`;
}
