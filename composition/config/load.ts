import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../harness/usage-error.ts';
import { configSchema, type PorticoConfig } from './schema.ts';

export const CONFIG_FILES = ['portico.config.ts', 'portico.config.mjs', 'portico.config.js', 'portico.config.yaml', 'portico.config.yml', 'portico.config.json'];

export class ConfigError extends UsageError {}

function keyPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(top level)';
}

/** Checks a config object; the error names the file, the key and what is wrong. */
export function validateConfig(raw: unknown, file: string): PorticoConfig {
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${keyPath(i.path)}: ${i.message}`);
    throw new ConfigError(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The config file given with --config, or the first of CONFIG_FILES in `cwd`; none is fine. */
export function findConfig(explicit: string | undefined, cwd = process.cwd()): string | undefined {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`--config ${explicit}: no such file`);
    return file;
  }
  return CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
}

/** Reads and validates a config before anything runs. */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<{ file?: string; config: PorticoConfig }> {
  const file = findConfig(explicit, cwd);
  if (!file) return { config: {} };
  const ext = extname(file);
  let raw: unknown;
  try {
    if (ext === '.yaml' || ext === '.yml') raw = parseYaml(readFileSync(file, 'utf8'));
    else if (ext === '.json') raw = JSON.parse(readFileSync(file, 'utf8'));
    else raw = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ConfigError(`${file}: could not be read: ${(error as Error).message.split('\n')[0]}`);
  }
  return { file, config: validateConfig(raw, file) };
}
