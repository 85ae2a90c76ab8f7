import { DatabaseSync } from 'node:sqlite';

/** The app's state in SQLite (`:memory:` unless a file is given): sessions, codes, drafts, applications. */
export interface Session { id: string; email: string | null; authed: number; expiresAt: number; lang: string; lastRef: string | null; expired: number }

export class Store {
  db: DatabaseSync;
  constructor(file = ':memory:') {
    this.db = new DatabaseSync(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, email TEXT, authed INTEGER NOT NULL DEFAULT 0, expiresAt INTEGER NOT NULL, lang TEXT NOT NULL, lastRef TEXT, expired INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS codes (email TEXT PRIMARY KEY, code TEXT NOT NULL, expiresAt INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS drafts (email TEXT PRIMARY KEY, json TEXT NOT NULL, photo BLOB);
      CREATE TABLE IF NOT EXISTS applications (ref TEXT PRIMARY KEY, email TEXT NOT NULL, json TEXT NOT NULL, lang TEXT NOT NULL, createdAt INTEGER NOT NULL);
    `);
  }
  session(id: string): Session | undefined {
    return this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Session | undefined;
  }
  createSession(id: string, lang: string, expiresAt: number): void {
    this.db.prepare('INSERT INTO sessions (id, lang, expiresAt) VALUES (?, ?, ?)').run(id, lang, expiresAt);
  }
  updateSession(id: string, fields: Partial<Omit<Session, 'id'>>): void {
    const keys = Object.keys(fields);
    if (!keys.length) return;
    this.db.prepare(`UPDATE sessions SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => (fields as Record<string, string | number | null>)[k]), id);
  }
  setCode(email: string, code: string, expiresAt: number): void {
    this.db.prepare('INSERT INTO codes (email, code, expiresAt) VALUES (?, ?, ?) ON CONFLICT(email) DO UPDATE SET code = excluded.code, expiresAt = excluded.expiresAt, attempts = 0').run(email, code, expiresAt);
  }
  /** True once for the right, unexpired code; five wrong tries burn it. */
  useCode(email: string, code: string, now: number): boolean {
    const row = this.db.prepare('SELECT * FROM codes WHERE email = ?').get(email) as { code: string; expiresAt: number; attempts: number } | undefined;
    if (!row || row.expiresAt < now || row.attempts >= 5) return false;
    if (row.code !== code) {
      this.db.prepare('UPDATE codes SET attempts = attempts + 1 WHERE email = ?').run(email);
      return false;
    }
    this.db.prepare('DELETE FROM codes WHERE email = ?').run(email);
    return true;
  }
  draft(email: string): Record<string, unknown> {
    const row = this.db.prepare('SELECT json FROM drafts WHERE email = ?').get(email) as { json: string } | undefined;
    return row ? JSON.parse(row.json) : {};
  }
  saveDraft(email: string, patch: Record<string, unknown>): Record<string, unknown> {
    const next = { ...this.draft(email), ...patch };
    this.db.prepare('INSERT INTO drafts (email, json) VALUES (?, ?) ON CONFLICT(email) DO UPDATE SET json = excluded.json').run(email, JSON.stringify(next));
    return next;
  }
  savePhoto(email: string, bytes: Uint8Array): void {
    this.saveDraft(email, {});
    this.db.prepare('UPDATE drafts SET photo = ? WHERE email = ?').run(bytes, email);
  }
  deleteDraft(email: string): void {
    this.db.prepare('DELETE FROM drafts WHERE email = ?').run(email);
  }
  saveApplication(ref: string, email: string, json: Record<string, unknown>, lang: string, now: number): void {
    this.db.prepare('INSERT INTO applications (ref, email, json, lang, createdAt) VALUES (?, ?, ?, ?, ?)').run(ref, email, JSON.stringify(json), lang, now);
  }
  close(): void {
    this.db.close();
  }
}
