/**
 * A fixed CPU workload timed in the same run as a benchmark, so a figure can be read as a multiple of
 * it: absolute times differ between machines (and on a shared machine, between minutes).
 * The workload: fill 1,000,000 doubles from a xorshift generator and sort them (typed-array work,
 * like the draw's hot loop). Median of `runs`.
 */
export function referenceLoopMs(runs = 5): number {
  const times: number[] = [];
  const values = new Float64Array(1_000_000);
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    let x = 0x9e3779b9 + run;
    for (let i = 0; i < values.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      values[i] = (x >>> 0) / 0x1_0000_0000;
    }
    values.sort();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "123.4 ms (5.2 × the reference loop)". */
export function relative(ms: number, referenceMs: number): string {
  return `${ms.toFixed(1)} ms (${(ms / referenceMs).toFixed(2)} × the reference loop)`;
}
