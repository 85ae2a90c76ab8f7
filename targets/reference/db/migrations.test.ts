import { describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openDatabase } from './open.ts';

describe('migrations', () => {
  it('apply every version on a fresh database', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    for (const t of ['accounts', 'sessions', 'codes', 'registrations', 'family_members', 'drafts', 'appointment_requests', 'lottery_days', 'lottery_results', 'help_messages', 'schema_migrations']) {
      expect(tables).toContain(t);
    }
  });

  it('re-running is idempotent, also across reopening a file database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-ref-'));
    try {
      const path = join(dir, 'app.sqlite');
      const a = openDatabase(path);
      a.prepare("INSERT INTO accounts (email, email_key, locale, created_at) VALUES ('a@example.com', 'a@example.com', 'en', 1)").run();
      expect(migrate(a)).toEqual([]);
      a.close();
      const b = openDatabase(path);
      expect(migrate(b)).toEqual([]);
      expect((b.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n).toBe(1);
      expect((b.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
      b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('versions are strictly increasing', () => {
    const v = MIGRATIONS.map((m) => m.version);
    expect(v).toEqual([...v].sort((x, y) => x - y));
    expect(new Set(v).size).toBe(v.length);
  });
});
