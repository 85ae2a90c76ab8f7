/**
 * The app's side of the daily lottery: seed commitment per day, the request window, running a
 * day's draw with the lottery module (./lottery/draw.ts), storing results and emailing everyone who
 * requested, in their language.
 */
import type { App } from '../app.ts';
import { addDays, utcDay } from '../clock.ts';
import { familyOf, getLotteryDay, insertLotteryDay, recordDraw, requestersOf, type LotteryDayRow } from '../db/repo.ts';
import { drawLottery, type LotteryInput, type LotteryResult } from '../lottery/draw.ts';
import { commitSeed } from '../lottery/commit.ts';
import { PORTS } from '../lottery/ports.ts';
import { resultEmail } from '../mail/templates.ts';
import { isLocale } from '../i18n/i18n.ts';
import { createHmac } from 'node:crypto';

export { PORTS };

/** Appointments are this many days after the draw. */
export const APPOINTMENT_LEAD_DAYS = 14;

export function today(app: App): string {
  return utcDay(app.clock.now());
}

/** The seed commitment for a day, created (and its hash published) the first time it is needed. */
export function ensureDay(app: App, day: string): LotteryDayRow {
  const existing = getLotteryDay(app.db, day);
  if (existing) return existing;
  const c = commitSeed();
  insertLotteryDay(app.db, day, c.seed, c.seedHash, app.earliestShare, !app.defects.has('duplicate-accounts-enter-lottery'));
  return getLotteryDay(app.db, day)!;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export function windowOpen(app: App, nowMs = app.clock.now()): boolean {
  if (app.window === 'always') return true;
  const d = new Date(nowMs);
  const now = d.getUTCHours() * 60 + d.getUTCMinutes();
  const o = minutesOf(app.window.opens);
  const c = minutesOf(app.window.closes);
  return o <= c ? now >= o && now < c : now >= o || now < c;
}

/**
 * What the audit page publishes for a drawn day (with the seed, revealed after the draw): the draw's
 * input and its result, so anyone can recompute the draw from the revealed seed and compare.
 */
export function publishedRecord(publicInput: Omit<LotteryInput, 'seed'>, result: LotteryResult): Omit<LotteryInput, 'seed'> & { result: Omit<LotteryResult, 'day'> } {
  const { day: _day, ...rest } = result;
  return { ...publicInput, result: rest };
}

export interface DrawSummary {
  day: string;
  requesters: number;
  entrants: number;
  duplicatesRemoved: number;
  winners: number;
  seedHash: string;
}

/** Run a day's draw (once), store the winners and send every requester a result email. */
export async function runDraw(app: App, day: string): Promise<DrawSummary> {
  const row = ensureDay(app, day);
  if (row.drawn_at !== null) {
    return { day, requesters: row.requesters ?? 0, entrants: row.entrants ?? 0, duplicatesRemoved: row.duplicates_removed ?? 0, winners: row.winners ?? 0, seedHash: row.seed_hash };
  }
  const reqs = requestersOf(app.db, day);
  const pseudo = (id: number | string) => createHmac('sha256', app.secret).update(`acct:${id}`).digest('hex').slice(0, 16);
  const byPseudo = new Map<string, number>();
  const requesters: Array<{ accountId: string; personKey: string; groupId?: string; registeredAt: string; portPreference: string[] }> = [];
  for (const r of reqs) {
    const lead = pseudo(r.account_id);
    byPseudo.set(lead, r.account_id);
    const registeredAt = new Date(r.registered_at ?? r.created_at).toISOString();
    const ports = JSON.parse(r.ports) as string[];
    const members = familyOf(app.db, r.account_id);
    const groupId = members.length > 0 ? `g-${lead}` : undefined;
    requesters.push({ accountId: lead, personKey: r.person_key ?? `acct-${lead}`, groupId, registeredAt, portPreference: ports });
    // Family members travel together: one entry (a group counts once) that uses one slot each.
    for (const m of members) {
      const id = `${lead}-m${m.position}`;
      byPseudo.set(id, r.account_id);
      const key = createHmac('sha256', app.secret).update(`member|${m.family_names}|${m.given_names}|${m.dob}`).digest('hex').slice(0, 32);
      requesters.push({ accountId: id, personKey: key, groupId, registeredAt, portPreference: ports });
    }
  }
  const input = { day, requesters, ports: PORTS, earliestShare: row.earliest_share, seed: row.seed, dedupePersons: row.dedupe_persons === 1 };
  const result = drawLottery(input);
  const appointmentDate = addDays(day, APPOINTMENT_LEAD_DAYS);
  const won = new Map<number, { port: string; via: string }>();
  for (const w of result.winners) {
    const accountId = byPseudo.get(w.accountId);
    if (accountId !== undefined && !won.has(accountId)) won.set(accountId, { port: w.port, via: w.via });
  }
  const { seed: _seed, ...publicInput } = input;
  recordDraw(
    app.db,
    day,
    app.clock.now(),
    { requesters: reqs.length, entrants: result.entrants, duplicatesRemoved: result.duplicatesRemoved, winners: won.size, inputJson: JSON.stringify(publishedRecord(publicInput, result)) },
    [...won].map(([accountId, w]) => ({ accountId, port: w.port, via: w.via, appointmentDate })),
  );
  const portName = (id: string) => PORTS.find((p) => p.id === id)?.name ?? id;
  for (const r of reqs) {
    const locale = isLocale(r.locale) ? r.locale : 'en';
    const w = won.get(r.account_id);
    try {
      await app.mailer.send(resultEmail(r.email, locale, { day, won: Boolean(w), port: w ? portName(w.port) : undefined, appointmentDate }));
    } catch {
      app.log('mail error: lottery result');
    }
  }
  return { day, requesters: reqs.length, entrants: result.entrants, duplicatesRemoved: result.duplicatesRemoved, winners: won.size, seedHash: result.seedHash };
}
