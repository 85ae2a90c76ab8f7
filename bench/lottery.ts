/**
 * `npm run bench:lottery` — how long the daily draw takes, each figure beside a reference loop timed
 * in the same run (bench/reference-loop.ts; absolute times differ between machines).
 *
 * 1. One day: 765,000 requesters (the number of appointments booked in the first 18 months, all
 *    asking on one day — a deliberately extreme single-day pool). Median of RUNS draws, timed two ways:
 *    the draw itself over columns (`drawColumns`: deduplication, entries, the earliest share and the
 *    random phase over typed arrays; the hot loop) and the object API (`drawLottery`, which also
 *    validates each requester object and turns its strings into numbers).
 * 2. 540 consecutive days (18 months) over a rolling waiting pool: DAILY_POOL accounts request every
 *    day (everyone waiting has to ask again daily); each day's winners leave the pool and the same
 *    number of new accounts arrive, so the pool stays at DAILY_POOL. 1,450 a day × 540 days ≈ 783,000
 *    appointments, in line with the reported 765,000 booked in 18 months. The pool size is an
 *    ASSUMPTION (CBP did not publish daily request counts); override with LOTTERY_DAILY_POOL.
 *    The population is one table of columns (every account that ever waits); each day's draw gets
 *    the rows of today's pool. Only the draws are timed; building and updating the pool is not.
 *    LOTTERY_OBJECT_DAYS=1 also times the same 540 days through the object API.
 *
 * Populations: 5% of accounts are extra accounts of an existing person, ~10% are in family groups
 * of 2–5; each account prefers 1–3 ports. Duplicate persons are deduplicated (conformant profile).
 */
import { drawColumns, drawLottery, requesterColumns, type LotteryRequester } from '../targets/reference/lottery/draw.ts';
import { PORTS } from '../targets/reference/lottery/ports.ts';
import { syntheticRequesters } from '../targets/reference/lottery/synthetic.ts';
import { median, referenceLoopMs, relative } from './reference-loop.ts';

const ONE_DAY_REQUESTERS = Number(process.env.LOTTERY_ONE_DAY ?? 765_000);
const DAILY_POOL = Number(process.env.LOTTERY_DAILY_POOL ?? 40_000);
const DAYS = Number(process.env.LOTTERY_DAYS ?? 540);
const RUNS = Number(process.env.LOTTERY_RUNS ?? 5);
const OBJECT_DAYS = process.env.LOTTERY_OBJECT_DAYS === '1';
const portIds = PORTS.map((p) => p.id);
const ONE_DAY_GOAL_MS = 300;
const DAYS_GOAL_MS = 5000;

function isoDay(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}
const verdict = (value: number, goal: number) => `(goal ≤ ${goal} ms here) ${value <= goal ? 'OK' : 'OVER GOAL'}`;

const referenceBefore = referenceLoopMs();
console.log(`reference loop: ${referenceBefore.toFixed(1)} ms (1,000,000 xorshift doubles filled and sorted; median of 5)`);

// ---- 1. one day, 765,000 requesters ----------------------------------------------------------------
{
  let t = performance.now();
  const requesters = syntheticRequesters(ONE_DAY_REQUESTERS, { portIds, seed: 7 });
  console.log(`one day: built ${requesters.length.toLocaleString('en')} requesters in ${(performance.now() - t).toFixed(1)} ms (not timed below)`);
  const columns = requesterColumns(requesters, PORTS);
  const drawTimes: number[] = [];
  const objectTimes: number[] = [];
  let last;
  for (let run = 0; run < RUNS; run++) {
    const rules = { day: '2023-06-01', ports: PORTS, earliestShare: 0.3, seed: `bench-${run}`, dedupePersons: true };
    t = performance.now();
    last = drawColumns(columns, null, rules);
    drawTimes.push(performance.now() - t);
    t = performance.now();
    drawLottery({ ...rules, requesters });
    objectTimes.push(performance.now() - t);
  }
  const drawMed = median(drawTimes);
  const objectMed = median(objectTimes);
  console.log(`one day: the draw over columns, median of ${RUNS}: ${relative(drawMed, referenceBefore)} ${verdict(drawMed, ONE_DAY_GOAL_MS)}; runs ${drawTimes.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(`one day: drawLottery on objects (validation + strings to numbers + the draw), median of ${RUNS}: ${relative(objectMed, referenceBefore)}; runs ${objectTimes.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(`one day: ${last!.entrants.toLocaleString('en')} entrants, ${last!.duplicatesRemoved.toLocaleString('en')} duplicate accounts removed, ${last!.winners} winners`);
}

// ---- 2. 540 consecutive days over a rolling pool ---------------------------------------------------
{
  // Every account that will ever wait: the initial pool, then at most 1,450 newcomers a day.
  const population: LotteryRequester[] = syntheticRequesters(DAILY_POOL, { portIds, seed: 11, idPrefix: 'd', firstDay: '2023-06-01' });
  for (let d = 0; d < DAYS; d++) {
    population.push(...syntheticRequesters(1450, { portIds, seed: 1000 + d, idPrefix: `n${d}-`, firstDay: isoDay('2023-06-01', d + 1), spreadDays: 1 }));
  }
  const columns = requesterColumns(population, PORTS);
  let pool = Int32Array.from({ length: DAILY_POOL }, (_, i) => i);
  let nextNewcomer = DAILY_POOL;
  const gone = new Uint8Array(columns.size);
  let drawMs = 0;
  let slowest = 0;
  let winnersTotal = 0;
  const objectDays: LotteryRequester[][] = [];
  for (let d = 0; d < DAYS; d++) {
    const day = isoDay('2023-06-01', d);
    if (OBJECT_DAYS) objectDays.push(Array.from(pool, (row) => population[row]));
    const t = performance.now();
    const result = drawColumns(columns, pool, { day, ports: PORTS, earliestShare: 0.3, seed: `bench-day-${day}`, dedupePersons: true });
    const spent = performance.now() - t;
    drawMs += spent;
    if (spent > slowest) slowest = spent;
    winnersTotal += result.winners;
    // Winners leave; the same number of newcomers (registered that day) join.
    for (let w = 0; w < result.winners; w++) gone[result.winnerRow[w]] = 1;
    const next = new Int32Array(pool.length);
    let m = 0;
    for (const row of pool) if (!gone[row]) next[m++] = row;
    while (m < pool.length && nextNewcomer < columns.size) next[m++] = nextNewcomer++;
    pool = next.subarray(0, m);
  }
  console.log(`540 days: ${DAYS} draws over a rolling pool of ${DAILY_POOL.toLocaleString('en')} requesters a day, over columns: ${relative(drawMs, referenceBefore)} in all ${verdict(drawMs, DAYS_GOAL_MS)}; ${(drawMs / DAYS).toFixed(2)} ms a day on average, slowest day ${slowest.toFixed(1)} ms; ${winnersTotal.toLocaleString('en')} winners`);
  if (OBJECT_DAYS) {
    let objectMs = 0;
    for (let d = 0; d < DAYS; d++) {
      const t = performance.now();
      drawLottery({ day: isoDay('2023-06-01', d), requesters: objectDays[d], ports: PORTS, earliestShare: 0.3, seed: `bench-day-${isoDay('2023-06-01', d)}`, dedupePersons: true });
      objectMs += performance.now() - t;
    }
    console.log(`540 days: the same days through drawLottery on objects: ${relative(objectMs, referenceBefore)} in all`);
  }
}

const referenceAfter = referenceLoopMs();
console.log(`reference loop again at the end: ${referenceAfter.toFixed(1)} ms (if it moved a lot, the machine's load changed during the run)`);
