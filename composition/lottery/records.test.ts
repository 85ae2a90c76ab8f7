import { describe, expect, it } from 'vitest';
import { drawLottery, type LotteryInput } from '../../targets/reference/lottery/draw.ts';
import { PORTS } from '../../targets/reference/lottery/ports.ts';
import { syntheticRequesters } from '../../targets/reference/lottery/synthetic.ts';
import { publishedRecord } from '../../targets/reference/appointments/lottery.ts';
import { checkRecord, splitGroups } from '../../harness/lottery/records.ts';
import { referenceRecompute } from './reference-records.ts';

function published(seed = 'revealed-seed') {
  const requesters = syntheticRequesters(3000, { portIds: PORTS.map((p) => p.id), seed: 5, groupRate: 0.3 });
  const input: LotteryInput = { day: '2023-06-01', requesters, ports: PORTS.map((p) => ({ ...p, capacity: Math.round(p.capacity / 10) })), earliestShare: 0.3, seed, dedupePersons: true };
  const { seed: revealed, ...publicInput } = input;
  const result = drawLottery(input);
  // What the reference's /lottery/audit/<day>.json serves: the record, the seed, its hash.
  return structuredClone({ ...publishedRecord(publicInput, result), seed: revealed, seedHash: result.seedHash, drawnAt: '2023-06-01T16:00:00.000Z' });
}

describe('published draw records', () => {
  it('a published draw recomputes from its revealed seed', () => {
    const check = checkRecord(published(), 'test', referenceRecompute);
    expect(check).toMatchObject({ verdict: 'recomputes', day: '2023-06-01', requesters: 3000 });
    expect(check.winners).toBeGreaterThan(100);
    expect(check.groupsWon).toBeGreaterThan(0);
    expect(check.groupsSplit).toBe(0);
  });

  it('a tampered winner does not recompute', () => {
    const record = published();
    const loser = record.requesters.find((r) => !record.result.winners.some((w) => w.accountId === r.accountId) && !r.groupId)!;
    const i = record.result.winners.findIndex((w) => !w.groupId && w.via === 'random');
    record.result.winners[i] = { ...record.result.winners[i], accountId: loser.accountId };
    const check = checkRecord(record, 'test', referenceRecompute);
    expect(check.verdict).toBe('differs');
    expect(check.reason).toMatch(new RegExp(`winner #${i} differs`));
  });

  it('a revealed seed that does not match the hash published before the draw does not recompute', () => {
    const record = published();
    record.seed = 'another-seed';
    expect(checkRecord(record, 'test', referenceRecompute)).toMatchObject({ verdict: 'differs', reason: expect.stringMatching(/seedHash/) });
  });

  it('a changed input (one more requester) does not recompute', () => {
    const record = published();
    record.requesters.push({ accountId: 'added-later', personKey: 'someone-new', registeredAt: record.requesters[0].registeredAt, portPreference: ['laredo'] });
    expect(checkRecord(record, 'test', referenceRecompute).verdict).toBe('differs');
  });

  it('a record that is not a draw record is unreadable, not a pass', () => {
    expect(checkRecord({ day: '2023-06-01', winners: [] }, 'x', referenceRecompute)).toMatchObject({ verdict: 'unreadable', day: '2023-06-01', reason: expect.stringMatching(/requesters/) });
    expect(checkRecord('<html>', 'x', referenceRecompute).verdict).toBe('unreadable');
  });

  it('sees a family split across ports or drawn in part', () => {
    const record = published();
    const family = record.result.winners.find((w) => w.groupId)!.groupId!;
    expect(splitGroups(record).groupsSplit).toBe(0);
    const split = structuredClone(record);
    const members = split.result.winners.filter((w) => w.groupId === family);
    members[members.length - 1].port = members[0].port === 'nogales' ? 'laredo' : 'nogales';
    expect(splitGroups(split).groupsSplit).toBe(1);
    const partial = structuredClone(record);
    partial.result.winners = partial.result.winners.filter((w, i, all) => !(w.groupId === family && all.findIndex((x) => x.groupId === family) === i));
    expect(splitGroups(partial).groupsSplit).toBe(1);
  });
});
