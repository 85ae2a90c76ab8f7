import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrations.ts';

/** Open (and migrate) the app database: a file path, or ':memory:'. */
export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA foreign_keys = ON');
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  migrate(db);
  return db;
}
