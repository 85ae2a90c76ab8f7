import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.ts';
import { parseBaseline, BaselineError, type BaselineFile } from './baseline.ts';

export const DEFAULT_BASELINE_FILE = 'portico-baseline.json';

/** Reads and checks a baseline before anything runs: a missing or malformed file is bad usage (exit 64). */
export function loadBaselineFile(path: string): { file: string; baseline: BaselineFile } {
  const file = resolve(path);
  if (!existsSync(file)) throw new UsageError(`--baseline ${path}: no such file (make one with \`portico baseline <run dir>\`)`);
  try {
    return { file: path, baseline: parseBaseline(readFileSync(file, 'utf8'), path) };
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`baseline ${error.message}`);
    throw error;
  }
}
