import { describe, expect, it } from 'vitest';
import { drawColumns, drawLottery, HmacCounterRng, parseIsoTime, requesterColumns, verifyDraw, type LotteryInput, type LotteryRequester } from './draw.ts';
import { commitSeed, generateSeed, sha256Hex, verifyReveal } from './commit.ts';
import { DAILY_SLOTS, PORTS } from './ports.ts';
import { syntheticRequesters } from './synthetic.ts';

const BASE = Date.parse('2023-01-01T00:00:00.000Z');
function at(minutes: number): string {
  return new Date(BASE + minutes * 60_000).toISOString();
}
function singles(n: number, pref: string[] = ['a']): LotteryRequester[] {
  return Array.from({ length: n }, (_, i) => ({ accountId: `acc${i}`, personKey: `p${i}`, registeredAt: at(i), portPreference: pref }));
}
const TWO_PORTS = [
  { id: 'a', name: 'A', capacity: 6 },
  { id: 'b', name: 'B', capacity: 4 },
];
function input(over: Partial<LotteryInput>): LotteryInput {
  return { day: '2023-06-01', requesters: [], ports: TWO_PORTS, earliestShare: 0.3, seed: 'seed', dedupePersons: true, ...over };
}

describe('ports', () => {
  it('has the eight ports and 1,450 daily slots', () => {
    expect(PORTS).toHaveLength(8);
    expect(DAILY_SLOTS).toBe(1450);
    expect(PORTS.map((p) => p.name)).toEqual(['Brownsville', 'El Paso (Paso del Norte)', 'Eagle Pass', 'Hidalgo', 'Laredo', 'Calexico', 'San Ysidro', 'Nogales']);
    expect(new Set(PORTS.map((p) => p.id)).size).toBe(8);
  });
});

describe('drawLottery: the earliest share', () => {
  it('gives exactly round(1450 × 0.3) = 435 slots to the 435 earliest registrations', () => {
    const requesters = singles(5000, ['san-ysidro', 'laredo']).reverse(); // input order must not matter
    const result = drawLottery(input({ requesters, ports: PORTS }));
    const earliest = result.winners.filter((w) => w.via === 'earliest');
    expect(earliest).toHaveLength(435);
    expect(new Set(earliest.map((w) => w.accountId))).toEqual(new Set(Array.from({ length: 435 }, (_, i) => `acc${i}`)));
    expect(earliest.map((w) => w.accountId)).toEqual(Array.from({ length: 435 }, (_, i) => `acc${i}`)); // in registration order
    expect(result.winners).toHaveLength(1450);
    expect(result.winners.filter((w) => w.via === 'random')).toHaveLength(1015);
  });

  it('honours other shares, including 0 and 1', () => {
    const requesters = singles(100);
    const count = (share: number) => drawLottery(input({ requesters, earliestShare: share })).winners.filter((w) => w.via === 'earliest').length;
    expect(count(0)).toBe(0);
    expect(count(0.5)).toBe(5);
    expect(count(1)).toBe(10);
    expect(drawLottery(input({ requesters, earliestShare: undefined })).winners.filter((w) => w.via === 'earliest')).toHaveLength(3); // default 0.3
  });

  it('breaks ties in registration time by accountId', () => {
    const requesters = ['z', 'm', 'b', 'x'].map((id) => ({ accountId: id, personKey: id, registeredAt: at(0), portPreference: ['a'] }));
    const result = drawLottery(input({ requesters, ports: [{ id: 'a', name: 'A', capacity: 2 }], earliestShare: 1 }));
    expect(result.winners.map((w) => w.accountId)).toEqual(['b', 'm']);
  });
});

describe('drawLottery: uniform randomness', () => {
  it('passes a chi-square test: 3,000 seeded draws of 10 slots among 50 entrants', () => {
    const requesters = singles(50);
    const draws = 3000;
    const wins = new Map<string, number>();
    const started = performance.now();
    for (let s = 0; s < draws; s++) {
      for (const w of drawLottery(input({ requesters, earliestShare: 0, seed: `chi-${s}` })).winners) wins.set(w.accountId, (wins.get(w.accountId) ?? 0) + 1);
    }
    expect(performance.now() - started).toBeLessThan(2000);
    const expected = (draws * 10) / 50;
    let chi = 0;
    for (let i = 0; i < 50; i++) chi += ((wins.get(`acc${i}`) ?? 0) - expected) ** 2 / expected;
    // Sampling without replacement lowers the variance by (N−k)/(N−1) = 40/49, so the plain
    // statistic is conservative. 49 degrees of freedom, p = 0.001 critical value ≈ 85.35.
    expect(chi).toBeLessThan(85.35);
    expect(chi).toBeGreaterThan(15); // and not suspiciously perfect (p ≈ 1e-6 lower tail)
  });

  it('is uniform over the random part too when the earliest share is on (earliest winners excluded)', () => {
    const requesters = singles(40);
    const wins = new Array(40).fill(0);
    for (let s = 0; s < 2000; s++) {
      for (const w of drawLottery(input({ requesters, seed: `mix-${s}` })).winners) wins[Number(w.accountId.slice(3))]++;
    }
    expect(wins.slice(0, 3)).toEqual([2000, 2000, 2000]);
    const expected = (2000 * 7) / 37;
    let chi = 0;
    for (let i = 3; i < 40; i++) chi += (wins[i] - expected) ** 2 / expected;
    expect(chi).toBeLessThan(67.99); // 36 df, p = 0.001
  });

  it('HmacCounterRng.below is within range and deterministic', () => {
    const a = new HmacCounterRng('s', '2023-06-01');
    const b = new HmacCounterRng('s', '2023-06-01');
    const c = new HmacCounterRng('s', '2023-06-02');
    const xs = Array.from({ length: 100 }, () => a.below(7));
    expect(xs.every((x) => x >= 0 && x < 7)).toBe(true);
    expect(Array.from({ length: 100 }, () => b.below(7))).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.below(7))).not.toEqual(xs);
  });
});

describe('drawLottery: groups and duplicate persons', () => {
  it('counts a group once, gives its members one port and uses one slot per member', () => {
    const requesters = singles(30);
    for (const id of ['acc5', 'acc6', 'acc7']) Object.assign(requesters[Number(id.slice(3))], { groupId: 'family-1' });
    const result = drawLottery(input({ requesters, earliestShare: 0.3 }));
    expect(result.entrants).toBe(28);
    const family = result.winners.filter((w) => w.groupId === 'family-1');
    expect([0, 3]).toContain(family.length);
    if (family.length === 3) expect(new Set(family.map((w) => w.port)).size).toBe(1);
    expect(result.winners.length).toBeLessThanOrEqual(10);
  });

  it('gives a group about the same chance as one person, not one chance per member', () => {
    // A family of 5 and 195 single people (196 entries), 60 slots. The family can only lose extra
    // chances at the very end of a day, when fewer than 5 slots are left.
    const requesters = singles(200);
    for (let i = 0; i < 5; i++) requesters[i].groupId = 'big-family';
    let groupWins = 0;
    let singleWins = 0;
    const draws = 1500;
    for (let s = 0; s < draws; s++) {
      const winners = drawLottery(input({ requesters, earliestShare: 0, ports: [{ id: 'a', name: 'A', capacity: 60 }], seed: `g-${s}` })).winners;
      if (winners.some((w) => w.groupId === 'big-family')) groupWins++;
      singleWins += winners.filter((w) => !w.groupId).length;
    }
    const groupRate = groupWins / draws;
    const singleRate = singleWins / draws / 195;
    expect(groupRate / singleRate).toBeGreaterThan(0.8);
    expect(groupRate / singleRate).toBeLessThan(1.2); // one chance, not five (that would be ≈ 5)
  });

  it('counts duplicate accounts of one person once when dedupePersons is on', () => {
    const requesters = singles(100);
    for (let k = 0; k < 50; k++) requesters.push({ accountId: `dup${k}`, personKey: 'p-many', registeredAt: at(1000 + k), portPreference: ['a'] });
    let manyWins = 0;
    let manyWinsOff = 0;
    for (let s = 0; s < 300; s++) {
      const on = drawLottery(input({ requesters, earliestShare: 0, seed: `d-${s}` }));
      expect(on.entrants).toBe(101);
      expect(on.duplicatesRemoved).toBe(49);
      const mine = on.winners.filter((w) => w.accountId.startsWith('dup')).length;
      expect(mine).toBeLessThanOrEqual(1);
      manyWins += mine;
      const off = drawLottery(input({ requesters, earliestShare: 0, seed: `d-${s}`, dedupePersons: false }));
      expect(off.entrants).toBe(150);
      expect(off.duplicatesRemoved).toBe(0);
      manyWinsOff += off.winners.filter((w) => w.accountId.startsWith('dup')).length;
    }
    expect(manyWins / 300).toBeLessThan(0.2); // ≈ 10/101
    expect(manyWinsOff / 300).toBeGreaterThan(2.5); // ≈ 10 × 50/150 ≈ 3.3 slots a day
  });

  it('keeps the earliest account of a duplicated person (so the earliest share cannot be farmed)', () => {
    const requesters: LotteryRequester[] = [
      { accountId: 'late', personKey: 'p', registeredAt: at(50), portPreference: ['a'] },
      { accountId: 'early', personKey: 'p', registeredAt: at(1), portPreference: ['a'] },
      { accountId: 'other', personKey: 'q', registeredAt: at(2), portPreference: ['a'] },
    ];
    const result = drawLottery(input({ requesters, ports: [{ id: 'a', name: 'A', capacity: 1 }], earliestShare: 1 }));
    expect(result.winners).toEqual([{ accountId: 'early', port: 'a', via: 'earliest' }]);
    expect(result.duplicatesRemoved).toBe(1);
  });
});

describe('drawLottery: commit, reveal, recompute', () => {
  it('publishes sha256(seed) and anyone can recompute the draw from the revealed seed', () => {
    const { seed, seedHash } = commitSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(seedHash).toBe(sha256Hex(seed));
    const requesters = syntheticRequesters(3000, { portIds: PORTS.map((p) => p.id), seed: 3 });
    const drawInput = input({ requesters, ports: PORTS, seed });
    const result = drawLottery(drawInput);
    expect(result.seedHash).toBe(seedHash);
    expect(verifyReveal(seed, result.seedHash)).toBe(true);
    expect(verifyReveal(generateSeed(), result.seedHash)).toBe(false);
    expect(verifyDraw(drawInput, structuredClone(result))).toEqual({ ok: true });
  });

  it('detects a tampered result or a different seed', () => {
    const requesters = singles(200, ['a', 'b']);
    const drawInput = input({ requesters, seed: 'revealed' });
    const result = drawLottery(drawInput);
    const tampered = structuredClone(result);
    const loser = requesters.find((r) => !result.winners.some((w) => w.accountId === r.accountId))!;
    tampered.winners[9] = { ...tampered.winners[9], accountId: loser.accountId };
    const verdict = verifyDraw(drawInput, tampered);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/winner #9 differs/);
    expect(verifyDraw({ ...drawInput, seed: 'other' }, result)).toMatchObject({ ok: false, reason: expect.stringMatching(/seedHash/) });
  });

  it('is deterministic for a seed and day, and changes with either', () => {
    const requesters = singles(500);
    const ids = (over: Partial<LotteryInput>) => drawLottery(input({ requesters, ...over })).winners.map((w) => w.accountId).join();
    expect(ids({})).toBe(ids({}));
    expect(ids({ seed: 'x' })).not.toBe(ids({}));
    expect(ids({ day: '2023-06-02' })).not.toBe(ids({}));
  });
});

describe('drawLottery: capacities and ports', () => {
  it('never exceeds a port capacity and follows preferences while there is room', () => {
    const requesters = syntheticRequesters(20_000, { portIds: PORTS.map((p) => p.id), seed: 9 });
    const result = drawLottery(input({ requesters, ports: PORTS }));
    const perPort = new Map<string, number>();
    for (const w of result.winners) perPort.set(w.port, (perPort.get(w.port) ?? 0) + 1);
    for (const port of PORTS) expect(perPort.get(port.id) ?? 0).toBeLessThanOrEqual(port.capacity);
    expect(result.winners.length).toBeLessThanOrEqual(1450);
    expect(result.winners.length).toBeGreaterThan(1440); // only a too-large family at the very end can leave a slot
    const byId = new Map(requesters.map((r) => [r.accountId, r]));
    // The first winners all had room at their first choice (a family goes where its lead prefers).
    const first = result.winners.slice(0, 50).filter((w) => !w.groupId);
    expect(first.length).toBeGreaterThan(20);
    for (const w of first) expect(w.port).toBe(byId.get(w.accountId)!.portPreference[0]);
  });

  it('falls back to the port with the most room when the preferred ports are full', () => {
    const requesters = singles(4, ['a']);
    const result = drawLottery(input({ requesters, ports: [{ id: 'a', name: 'A', capacity: 1 }, { id: 'b', name: 'B', capacity: 1 }, { id: 'c', name: 'C', capacity: 2 }], earliestShare: 1 }));
    expect(result.winners.map((w) => `${w.accountId}:${w.port}`)).toEqual(['acc0:a', 'acc1:c', 'acc2:b', 'acc3:c']);
  });

  it('skips a family that no single port can hold', () => {
    const requesters = singles(3, ['a']);
    for (const r of requesters) r.groupId = 'g';
    const result = drawLottery(input({ requesters, ports: [{ id: 'a', name: 'A', capacity: 2 }, { id: 'b', name: 'B', capacity: 2 }], earliestShare: 0.5 }));
    expect(result.winners).toEqual([]);
    expect(result.entrants).toBe(1);
  });
});

describe('drawLottery: small and empty inputs', () => {
  it('handles no requesters', () => {
    const result = drawLottery(input({ requesters: [] }));
    expect(result).toMatchObject({ winners: [], entrants: 0, duplicatesRemoved: 0, day: '2023-06-01' });
  });
  it('gives everyone a slot when there are fewer requesters than slots', () => {
    const result = drawLottery(input({ requesters: singles(7, ['b', 'a']) }));
    expect(result.winners).toHaveLength(7);
    expect(result.winners.filter((w) => w.port === 'b')).toHaveLength(4);
  });
  it('handles ports with no capacity', () => {
    const result = drawLottery(input({ requesters: singles(5), ports: [{ id: 'a', name: 'A', capacity: 0 }] }));
    expect(result.winners).toEqual([]);
  });
});

describe('drawLottery: bad input is a clear error', () => {
  const requesters = singles(3);
  it.each([
    [{ earliestShare: -0.1 }, /earliestShare must be a number between 0 and 1/],
    [{ earliestShare: 1.5 }, /earliestShare/],
    [{ earliestShare: Number.NaN }, /earliestShare/],
    [{ requesters: [{ ...requesters[0], portPreference: ['atlantis'] }] }, /unknown port "atlantis"/],
    [{ requesters: [requesters[0], { ...requesters[1], accountId: 'acc0' }] }, /accountId "acc0" appears twice/],
    [{ requesters: [{ ...requesters[0], registeredAt: 'yesterday' }] }, /unreadable registeredAt/],
    [{ requesters: [{ ...requesters[0], registeredAt: '2023-02-30T00:00:00.000Z' }] }, /unreadable registeredAt/],
    [{ day: '1 June' }, /day must be YYYY-MM-DD/],
    [{ seed: '' }, /seed must be a non-empty string/],
    [{ ports: [{ id: 'a', name: 'A', capacity: -1 }] }, /capacity must be a non-negative integer/],
    [{ ports: [{ id: 'a', name: 'A', capacity: 1 }, { id: 'a', name: 'A2', capacity: 1 }] }, /appears twice/],
  ] as Array<[Partial<LotteryInput>, RegExp]>)('%j', (over, message) => {
    expect(() => drawLottery(input({ requesters, ...over }))).toThrow(message);
  });
});

describe('parseIsoTime', () => {
  it('agrees with Date.parse', () => {
    for (const s of ['2023-06-01T12:34:56.789Z', '2024-02-29T23:59:59.999Z', '2023-06-01', '2023-06-01T12:00:00+02:00', '1999-12-31T00:00:00.000Z']) {
      expect(parseIsoTime(s)).toBe(Date.parse(s));
    }
    expect(parseIsoTime('2023-13-01T00:00:00.000Z')).toBeNaN();
  });
});

describe('drawColumns: the same draw over typed-array columns', () => {
  const requesters = syntheticRequesters(4000, { portIds: PORTS.map((p) => p.id), seed: 21, duplicateRate: 0.2, groupRate: 0.3 });
  const rules = { day: '2023-06-01', ports: PORTS.map((p) => ({ ...p, capacity: Math.round(p.capacity / 5) })), earliestShare: 0.3, seed: 'columns', dedupePersons: true };

  it('gives exactly what drawLottery gives for the same requesters', () => {
    const columns = requesterColumns(requesters, rules.ports);
    const drawn = drawColumns(columns, null, rules);
    const objects = drawLottery({ ...rules, requesters });
    expect(drawn.entrants).toBe(objects.entrants);
    expect(drawn.duplicatesRemoved).toBe(objects.duplicatesRemoved);
    expect(Array.from(drawn.winnerRow.subarray(0, drawn.winners), (row) => requesters[row].accountId)).toEqual(objects.winners.map((w) => w.accountId));
    expect(Array.from(drawn.winnerPort.subarray(0, drawn.winners), (p) => rules.ports[p].id)).toEqual(objects.winners.map((w) => w.port));
  });

  it('draws a subset of rows as drawLottery draws those requesters, in that order', () => {
    const columns = requesterColumns(requesters, rules.ports);
    const rows = Int32Array.from({ length: 1500 }, (_, i) => 3999 - i * 2);
    const drawn = drawColumns(columns, rows, rules);
    const objects = drawLottery({ ...rules, requesters: Array.from(rows, (r) => requesters[r]) });
    expect(Array.from(drawn.winnerRow.subarray(0, drawn.winners), (row) => requesters[row].accountId)).toEqual(objects.winners.map((w) => w.accountId));
  });

  it('rejects a row given twice, a row outside the table and a preference for a port that does not exist', () => {
    const columns = requesterColumns(requesters.slice(0, 10), rules.ports);
    expect(() => drawColumns(columns, Int32Array.of(1, 2, 1), rules)).toThrow(/appears twice/);
    expect(() => drawColumns(columns, Int32Array.of(10), rules)).toThrow(/not a row of the table/);
    const bad = { ...columns, prefPort: columns.prefPort.slice().fill(99) };
    expect(() => drawColumns(bad, null, { ...rules, earliestShare: 1 })).toThrow(/port #99/);
  });
});
