import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunBundle } from '../types.ts';

/**
 * What a run could not check, saved beside its artifacts so that `portico audit --replay` keeps
 * it: re-auditing what was gathered must not turn a run that could not look into a clean one.
 */
export const INCOMPLETE_FILE = 'incomplete.json';
const SCHEMA = 'portico.incomplete/1';

export async function writeIncomplete(artifactsDir: string, incomplete: RunBundle['incomplete']): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = join(artifactsDir, INCOMPLETE_FILE);
  await writeFile(file, JSON.stringify({ schema: SCHEMA, incomplete }, null, 2));
  return file;
}

/** The incomplete list saved in dir (an artifacts directory) or dir/artifacts (a run directory); [] when none was saved. */
export async function readIncomplete(dir: string): Promise<RunBundle['incomplete']> {
  const file = [join(dir, INCOMPLETE_FILE), join(dir, 'artifacts', INCOMPLETE_FILE)].find((f) => existsSync(f));
  if (!file) return [];
  let parsed: { schema?: string; incomplete?: unknown };
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const list = parsed?.incomplete;
  if (parsed?.schema !== SCHEMA || !Array.isArray(list) || !list.every((i) => typeof i?.where === 'string' && typeof i?.cause === 'string')) {
    throw new Error(`${file}: not a ${SCHEMA} file (expected { schema, incomplete: [{ where, cause }] })`);
  }
  return list as RunBundle['incomplete'];
}
