/**
 * Published draw records and their recomputation. A record is what a target publishes after a draw:
 * its input (requesters, ports, share, deduplication), the revealed seed, the hash published before
 * the draw, and the result. Checking one: the seed hashes to the published hash, and drawing the
 * input again with that seed gives exactly the published result. The recomputation itself is the
 * target's documented algorithm, given by the adapter (for the reference target: its verifyDraw).
 */
import { z } from 'zod';

const requester = z.object({
  accountId: z.string(),
  personKey: z.string(),
  groupId: z.string().optional(),
  registeredAt: z.string(),
  portPreference: z.array(z.string()),
});
const winner = z.object({ accountId: z.string(), groupId: z.string().optional(), port: z.string(), via: z.enum(['earliest', 'random']) });

export const drawRecordSchema = z.object({
  day: z.string(),
  requesters: z.array(requester),
  ports: z.array(z.object({ id: z.string(), name: z.string(), capacity: z.number() })),
  earliestShare: z.number().optional(),
  dedupePersons: z.boolean(),
  seed: z.string(),
  seedHash: z.string(),
  result: z.object({ seedHash: z.string(), winners: z.array(winner), entrants: z.number(), duplicatesRemoved: z.number() }),
});

export type DrawRecord = z.infer<typeof drawRecordSchema>;

export interface RecordCheck {
  day: string;
  source: string;
  requesters: number;
  winners: number;
  /** recomputes: the seed matches its hash and the draw recomputes; differs: it does not; unreadable: the record could not be checked. */
  verdict: 'recomputes' | 'differs' | 'unreadable';
  reason?: string;
  /** Families in the record whose members were not drawn together at one port. */
  groupsSplit: number;
  groupsWon: number;
}

export type Recompute = (record: DrawRecord) => { ok: boolean; reason?: string };

/** Families (groupId) among the winners whose members were not all drawn, or went to different ports. */
export function splitGroups(record: DrawRecord): { groupsWon: number; groupsSplit: number } {
  // With deduplication, a member whose person has an earlier account elsewhere is not an entrant: not expected.
  const keptOf = new Map<string, { at: number; accountId: string }>();
  if (record.dedupePersons) {
    for (const r of record.requesters) {
      const at = Date.parse(r.registeredAt);
      const kept = keptOf.get(r.personKey);
      if (!kept || at < kept.at || (at === kept.at && r.accountId < kept.accountId)) keptOf.set(r.personKey, { at, accountId: r.accountId });
    }
  }
  const members = new Map<string, number>();
  for (const r of record.requesters) {
    if (!r.groupId || (record.dedupePersons && keptOf.get(r.personKey)?.accountId !== r.accountId)) continue;
    members.set(r.groupId, (members.get(r.groupId) ?? 0) + 1);
  }
  const drawn = new Map<string, { count: number; ports: Set<string> }>();
  for (const w of record.result.winners) {
    if (!w.groupId) continue;
    const d = drawn.get(w.groupId) ?? { count: 0, ports: new Set<string>() };
    d.count++;
    d.ports.add(w.port);
    drawn.set(w.groupId, d);
  }
  let groupsSplit = 0;
  for (const [g, d] of drawn) if (d.ports.size > 1 || d.count !== (members.get(g) ?? 0)) groupsSplit++;
  return { groupsWon: drawn.size, groupsSplit };
}

/** Parse and recompute one published record. Never throws: an unreadable record is a verdict too. */
export function checkRecord(raw: unknown, source: string, recompute: Recompute): RecordCheck {
  const parsed = drawRecordSchema.safeParse(raw);
  const day = typeof (raw as { day?: unknown })?.day === 'string' ? (raw as { day: string }).day : '(unknown day)';
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { day, source, requesters: 0, winners: 0, verdict: 'unreadable', reason: `not a draw record: ${issue.path.join('.') || '(root)'}: ${issue.message}`, groupsSplit: 0, groupsWon: 0 };
  }
  const record = parsed.data;
  const base = { day: record.day, source, requesters: record.requesters.length, winners: record.result.winners.length, ...splitGroups(record) };
  if (record.seedHash !== record.result.seedHash) return { ...base, verdict: 'differs', reason: `the record's seedHash ${record.seedHash} is not the result's ${record.result.seedHash}` };
  let verdict: { ok: boolean; reason?: string };
  try {
    verdict = recompute(record);
  } catch (error) {
    return { ...base, verdict: 'unreadable', reason: `recomputation failed: ${(error as Error).message}` };
  }
  return verdict.ok ? { ...base, verdict: 'recomputes' } : { ...base, verdict: 'differs', reason: verdict.reason ?? 'the recomputed draw differs' };
}
