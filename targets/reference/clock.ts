/** The app clock: real time plus an offset that tests can move forward (POST /__test/clock). */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
}

export function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(seconds: number) {
      offsetMs += Math.round(seconds * 1000);
    },
  };
}

/** YYYY-MM-DD (UTC) of a timestamp in ms. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
