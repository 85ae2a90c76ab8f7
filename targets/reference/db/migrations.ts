import type { DatabaseSync } from 'node:sqlite';

/** Schema migrations, applied in order, each once (recorded in schema_migrations). */
export const MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'accounts-sessions-codes',
    sql: `
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL UNIQUE,
        locale TEXT NOT NULL DEFAULT 'en',
        created_at INTEGER NOT NULL,
        verified_at INTEGER,
        registered_at INTEGER,
        selfie_status TEXT NOT NULL DEFAULT 'none'
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        csrf TEXT NOT NULL,
        account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
        pending_email_key TEXT,
        pending_purpose TEXT,
        captcha TEXT,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE TABLE codes (
        id INTEGER PRIMARY KEY,
        email_key TEXT NOT NULL,
        purpose TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        used_at INTEGER
      );
      CREATE INDEX codes_email ON codes(email_key, created_at);
    `,
  },
  {
    version: 2,
    name: 'registrations-family-drafts',
    sql: `
      CREATE TABLE registrations (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        given_names TEXT NOT NULL,
        family_names TEXT NOT NULL,
        dob TEXT NOT NULL,
        nationality TEXT NOT NULL,
        country_of_birth TEXT NOT NULL,
        phone TEXT NOT NULL,
        languages TEXT NOT NULL,
        languages_other TEXT NOT NULL DEFAULT '',
        us_street TEXT NOT NULL DEFAULT '',
        us_city TEXT NOT NULL DEFAULT '',
        us_state TEXT NOT NULL DEFAULT '',
        us_zip TEXT NOT NULL DEFAULT '',
        person_key TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX registrations_person ON registrations(person_key);
      CREATE TABLE family_members (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        given_names TEXT NOT NULL,
        family_names TEXT NOT NULL,
        dob TEXT NOT NULL,
        relationship TEXT NOT NULL
      );
      CREATE TABLE drafts (
        owner TEXT NOT NULL,
        path TEXT NOT NULL,
        form TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (owner, path)
      );
    `,
  },
  {
    version: 3,
    name: 'appointments-lottery-help',
    sql: `
      CREATE TABLE appointment_requests (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        ports TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (day, account_id)
      );
      CREATE TABLE lottery_days (
        day TEXT PRIMARY KEY,
        seed TEXT NOT NULL,
        seed_hash TEXT NOT NULL,
        earliest_share REAL NOT NULL,
        dedupe_persons INTEGER NOT NULL,
        drawn_at INTEGER,
        requesters INTEGER,
        entrants INTEGER,
        duplicates_removed INTEGER,
        winners INTEGER,
        input_json TEXT
      );
      CREATE TABLE lottery_results (
        day TEXT NOT NULL,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        port TEXT NOT NULL,
        via TEXT NOT NULL,
        appointment_date TEXT NOT NULL,
        PRIMARY KEY (day, account_id)
      );
      CREATE TABLE help_messages (
        id INTEGER PRIMARY KEY,
        account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
        email TEXT NOT NULL,
        locale TEXT NOT NULL,
        message TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'sessions-last-seen-index',
    sql: `CREATE INDEX sessions_last_seen ON sessions (account_id, last_seen_at);`,
  },
];

/** Apply every migration not yet applied. Idempotent. Returns the versions applied now. */
export function migrate(db: DatabaseSync): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => Number(r.version)),
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.exec('BEGIN');
    try {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
    applied.push(m.version);
  }
  return applied;
}
