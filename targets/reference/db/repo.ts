/** All SQL of the app, parameterised. */
import type { DatabaseSync } from 'node:sqlite';
import type { Account, Session } from '../app.ts';
import type { ValidatedRegistration } from '../validation/registration.ts';

type Row = Record<string, unknown>;
const asAccount = (r: Row | undefined): Account | null => (r ? ({ ...r } as unknown as Account) : null);

// Sessions ---------------------------------------------------------------------------------------

export function getSession(db: DatabaseSync, id: string): Session | null {
  const r = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
  return r ? ({ ...r } as unknown as Session) : null;
}

export function insertSession(db: DatabaseSync, s: Session): void {
  db.prepare(
    'INSERT INTO sessions (id, csrf, account_id, pending_email_key, pending_purpose, captcha, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(s.id, s.csrf, s.account_id, s.pending_email_key, s.pending_purpose, s.captcha, s.created_at, s.last_seen_at);
}

export function updateSessionFields(db: DatabaseSync, s: Session): void {
  updateSession(db, s);
}

export function updateSession(db: DatabaseSync, s: Session): void {
  db.prepare(
    'UPDATE sessions SET csrf = ?, account_id = ?, pending_email_key = ?, pending_purpose = ?, captcha = ?, last_seen_at = ? WHERE id = ?',
  ).run(s.csrf, s.account_id, s.pending_email_key, s.pending_purpose, s.captcha, s.last_seen_at, s.id);
}

export function countSessions(db: DatabaseSync): number {
  return Number((db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n);
}

/** Deletes idle sessions, then the oldest anonymous ones beyond `keepAtMost`. */
export function purgeSessions(db: DatabaseSync, o: { anonymousBefore: number; signedInBefore: number; keepAtMost: number }): void {
  db.prepare('DELETE FROM sessions WHERE (account_id IS NULL AND last_seen_at < ?) OR (account_id IS NOT NULL AND last_seen_at < ?)').run(o.anonymousBefore, o.signedInBefore);
  const excess = countSessions(db) - o.keepAtMost;
  if (excess > 0) db.prepare('DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE account_id IS NULL ORDER BY last_seen_at LIMIT ?)').run(excess);
}

export function deleteSession(db: DatabaseSync, id: string): void {
  db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
}

// Accounts ---------------------------------------------------------------------------------------

export function accountById(db: DatabaseSync, id: number): Account | null {
  return asAccount(db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined);
}

export function accountByKey(db: DatabaseSync, key: string): Account | null {
  return asAccount(db.prepare('SELECT * FROM accounts WHERE email_key = ?').get(key) as Row | undefined);
}

export function createAccount(db: DatabaseSync, email: string, key: string, locale: string, now: number): Account {
  db.prepare('INSERT INTO accounts (email, email_key, locale, created_at) VALUES (?, ?, ?, ?)').run(email, key, locale, now);
  return accountByKey(db, key)!;
}

export function setAccountVerified(db: DatabaseSync, id: number, now: number): void {
  db.prepare('UPDATE accounts SET verified_at = COALESCE(verified_at, ?) WHERE id = ?').run(now, id);
}

export function setAccountLocale(db: DatabaseSync, id: number, locale: string): void {
  db.prepare('UPDATE accounts SET locale = ? WHERE id = ?').run(locale, id);
}

export function setSelfieStatus(db: DatabaseSync, id: number, status: 'accepted' | 'in-person' | 'none'): void {
  db.prepare('UPDATE accounts SET selfie_status = ? WHERE id = ?').run(status, id);
}

// Codes ------------------------------------------------------------------------------------------

export function insertCode(db: DatabaseSync, emailKey: string, purpose: string, codeHash: string, now: number, expiresAt: number): void {
  db.prepare('UPDATE codes SET used_at = ? WHERE email_key = ? AND purpose = ? AND used_at IS NULL').run(now, emailKey, purpose);
  db.prepare('INSERT INTO codes (email_key, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    emailKey, purpose, codeHash, now, expiresAt,
  );
}

export function latestCode(db: DatabaseSync, emailKey: string, purpose: string): { id: number; code_hash: string; expires_at: number; attempts: number; used_at: number | null } | null {
  const r = db
    .prepare('SELECT id, code_hash, expires_at, attempts, used_at FROM codes WHERE email_key = ? AND purpose = ? ORDER BY id DESC LIMIT 1')
    .get(emailKey, purpose) as Row | undefined;
  return r ? ({ ...r } as never) : null;
}

export function bumpCodeAttempts(db: DatabaseSync, id: number): void {
  db.prepare('UPDATE codes SET attempts = attempts + 1 WHERE id = ?').run(id);
}

export function useCode(db: DatabaseSync, id: number, now: number): void {
  db.prepare('UPDATE codes SET used_at = ? WHERE id = ?').run(now, id);
}

// Registration -----------------------------------------------------------------------------------

export interface RegistrationRow extends Omit<ValidatedRegistration, 'languages' | 'members'> {
  account_id: number;
  languages: string[];
  person_key: string;
  created_at: number;
  updated_at: number;
  members: Array<{ given_names: string; family_names: string; dob: string; relationship: string }>;
}

export function getRegistration(db: DatabaseSync, accountId: number): RegistrationRow | null {
  const r = db.prepare('SELECT * FROM registrations WHERE account_id = ?').get(accountId) as Row | undefined;
  if (!r) return null;
  const members = db
    .prepare('SELECT given_names, family_names, dob, relationship FROM family_members WHERE account_id = ? ORDER BY position')
    .all(accountId) as Array<{ given_names: string; family_names: string; dob: string; relationship: string }>;
  return { ...(r as object), languages: JSON.parse(String(r.languages)) as string[], members: members.map((m) => ({ ...m })) } as RegistrationRow;
}

export function saveRegistration(db: DatabaseSync, accountId: number, v: ValidatedRegistration, personKey: string, now: number): void {
  db.exec('BEGIN');
  try {
    db.prepare(
      `INSERT INTO registrations (account_id, given_names, family_names, dob, nationality, country_of_birth, phone, languages,
         languages_other, us_street, us_city, us_state, us_zip, person_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(account_id) DO UPDATE SET given_names = excluded.given_names, family_names = excluded.family_names,
         dob = excluded.dob, nationality = excluded.nationality, country_of_birth = excluded.country_of_birth,
         phone = excluded.phone, languages = excluded.languages, languages_other = excluded.languages_other,
         us_street = excluded.us_street, us_city = excluded.us_city, us_state = excluded.us_state, us_zip = excluded.us_zip,
         person_key = excluded.person_key, updated_at = excluded.updated_at`,
    ).run(
      accountId, v.given_names, v.family_names, v.dob, v.nationality, v.country_of_birth, v.phone, JSON.stringify(v.languages),
      v.languages_other, v.us_street, v.us_city, v.us_state, v.us_zip, personKey, now, now,
    );
    db.prepare('DELETE FROM family_members WHERE account_id = ?').run(accountId);
    const ins = db.prepare('INSERT INTO family_members (account_id, position, given_names, family_names, dob, relationship) VALUES (?, ?, ?, ?, ?, ?)');
    v.members.forEach((m, i) => ins.run(accountId, i, m.given_names, m.family_names, m.dob, m.relationship));
    db.prepare('UPDATE accounts SET registered_at = COALESCE(registered_at, ?) WHERE id = ?').run(now, accountId);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

export function deleteRegistration(db: DatabaseSync, accountId: number): void {
  db.prepare('DELETE FROM family_members WHERE account_id = ?').run(accountId);
  db.prepare('DELETE FROM registrations WHERE account_id = ?').run(accountId);
}

// Drafts -----------------------------------------------------------------------------------------

export function saveDraft(db: DatabaseSync, owner: string, path: string, form: URLSearchParams, now: number): void {
  const copy = new URLSearchParams(form);
  copy.delete('_csrf');
  copy.delete('website');
  db.prepare(
    'INSERT INTO drafts (owner, path, form, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(owner, path) DO UPDATE SET form = excluded.form, updated_at = excluded.updated_at',
  ).run(owner, path, copy.toString(), now);
}

export function getDraft(db: DatabaseSync, owner: string, path: string): URLSearchParams | null {
  const r = db.prepare('SELECT form FROM drafts WHERE owner = ? AND path = ?').get(owner, path) as Row | undefined;
  return r ? new URLSearchParams(String(r.form)) : null;
}

export function deleteDraft(db: DatabaseSync, owner: string, path: string): void {
  db.prepare('DELETE FROM drafts WHERE owner = ? AND path = ?').run(owner, path);
}

export function deleteDraftsOf(db: DatabaseSync, owner: string): void {
  db.prepare('DELETE FROM drafts WHERE owner = ?').run(owner);
}

// Appointments and lottery -----------------------------------------------------------------------

export function insertRequest(db: DatabaseSync, day: string, accountId: number, ports: string[], now: number): boolean {
  const r = db
    .prepare('INSERT INTO appointment_requests (day, account_id, ports, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(day, account_id) DO NOTHING')
    .run(day, accountId, JSON.stringify(ports), now);
  return Number(r.changes) > 0;
}

export function requestsOf(db: DatabaseSync, accountId: number): Array<{ day: string; ports: string[]; created_at: number }> {
  return (db.prepare('SELECT day, ports, created_at FROM appointment_requests WHERE account_id = ? ORDER BY day DESC').all(accountId) as Row[]).map(
    (r) => ({ day: String(r.day), ports: JSON.parse(String(r.ports)) as string[], created_at: Number(r.created_at) }),
  );
}

export interface LotteryDayRow {
  day: string;
  seed: string;
  seed_hash: string;
  earliest_share: number;
  dedupe_persons: number;
  drawn_at: number | null;
  requesters: number | null;
  entrants: number | null;
  duplicates_removed: number | null;
  winners: number | null;
  input_json: string | null;
}

export function getLotteryDay(db: DatabaseSync, day: string): LotteryDayRow | null {
  const r = db.prepare('SELECT * FROM lottery_days WHERE day = ?').get(day) as Row | undefined;
  return r ? ({ ...r } as unknown as LotteryDayRow) : null;
}

export function listLotteryDays(db: DatabaseSync, limit = 60): LotteryDayRow[] {
  return (db.prepare('SELECT * FROM lottery_days ORDER BY day DESC LIMIT ?').all(limit) as Row[]).map((r) => ({ ...r }) as unknown as LotteryDayRow);
}

export function insertLotteryDay(db: DatabaseSync, day: string, seed: string, seedHash: string, earliestShare: number, dedupe: boolean): void {
  db.prepare('INSERT INTO lottery_days (day, seed, seed_hash, earliest_share, dedupe_persons) VALUES (?, ?, ?, ?, ?) ON CONFLICT(day) DO NOTHING').run(
    day, seed, seedHash, earliestShare, dedupe ? 1 : 0,
  );
}

export function countRequests(db: DatabaseSync, day: string): number {
  return Number((db.prepare('SELECT COUNT(*) AS n FROM appointment_requests WHERE day = ?').get(day) as Row).n);
}

export interface RequesterRow {
  account_id: number;
  ports: string;
  registered_at: number | null;
  created_at: number;
  person_key: string | null;
  locale: string;
  email: string;
}

export function requestersOf(db: DatabaseSync, day: string): RequesterRow[] {
  return (
    db
      .prepare(
        `SELECT r.account_id, r.ports, a.registered_at, a.created_at, g.person_key, a.locale, a.email
           FROM appointment_requests r JOIN accounts a ON a.id = r.account_id
           LEFT JOIN registrations g ON g.account_id = r.account_id
          WHERE r.day = ? ORDER BY r.id`,
      )
      .all(day) as Row[]
  ).map((r) => ({ ...r }) as unknown as RequesterRow);
}

export function familyOf(db: DatabaseSync, accountId: number): Array<{ position: number; given_names: string; family_names: string; dob: string }> {
  return (db.prepare('SELECT position, given_names, family_names, dob FROM family_members WHERE account_id = ? ORDER BY position').all(accountId) as Row[]).map(
    (r) => ({ ...r }) as never,
  );
}

export function recordDraw(
  db: DatabaseSync,
  day: string,
  now: number,
  stats: { requesters: number; entrants: number; duplicatesRemoved: number; winners: number; inputJson: string },
  results: Array<{ accountId: number; port: string; via: string; appointmentDate: string }>,
): void {
  db.exec('BEGIN');
  try {
    db.prepare('UPDATE lottery_days SET drawn_at = ?, requesters = ?, entrants = ?, duplicates_removed = ?, winners = ?, input_json = ? WHERE day = ?').run(
      now, stats.requesters, stats.entrants, stats.duplicatesRemoved, stats.winners, stats.inputJson, day,
    );
    const ins = db.prepare('INSERT OR REPLACE INTO lottery_results (day, account_id, port, via, appointment_date) VALUES (?, ?, ?, ?, ?)');
    for (const r of results) ins.run(day, r.accountId, r.port, r.via, r.appointmentDate);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

export function resultsOf(db: DatabaseSync, accountId: number): Map<string, { port: string; via: string; appointment_date: string }> {
  const rows = db.prepare('SELECT day, port, via, appointment_date FROM lottery_results WHERE account_id = ?').all(accountId) as Row[];
  return new Map(rows.map((r) => [String(r.day), { port: String(r.port), via: String(r.via), appointment_date: String(r.appointment_date) }]));
}

// Help -------------------------------------------------------------------------------------------

export function insertHelpMessage(db: DatabaseSync, accountId: number | null, email: string, locale: string, message: string, now: number): void {
  db.prepare('INSERT INTO help_messages (account_id, email, locale, message, created_at) VALUES (?, ?, ?, ?, ?)').run(accountId, email, locale, message, now);
}

// Counts -----------------------------------------------------------------------------------------

export function counts(db: DatabaseSync): Record<string, number> {
  const tables = ['accounts', 'sessions', 'codes', 'registrations', 'family_members', 'drafts', 'appointment_requests', 'lottery_days', 'lottery_results', 'help_messages'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as Row).n);
  return out;
}
