/** Seeded, fast, NOT cryptographic: synthetic populations, model draws and camera stimuli (never a published draw). */
export type Rand = () => number;

/** mulberry32: a uniform double in [0, 1) per call. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** A uniform integer in [0, n). */
export function below(rand: Rand, n: number): number {
  return Math.floor(rand() * n);
}
