import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Artifacts } from '../types.ts';

export function artifactFileName(artifacts: Pick<Artifacts, 'checkpoint' | 'context'>, index?: number): string {
  const parts = [artifacts.context.persona, artifacts.context.flow, artifacts.checkpoint].filter(Boolean) as string[];
  const slug = parts.join('__').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120) || 'checkpoint';
  return `${index === undefined ? '' : String(index).padStart(3, '0') + '-'}${slug}.json`;
}

export async function saveArtifacts(dir: string, artifacts: Artifacts, index?: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, artifactFileName(artifacts, index));
  await writeFile(file, JSON.stringify(artifacts, null, 2));
  return file;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && entry.name.endsWith('.json')) yield full;
  }
}

/** Loads every artifacts file under dir (recursively), sorted by path. Bad files are errors that name the file. */
export async function loadArtifactsDir(dir: string): Promise<Array<{ file: string; artifacts: Artifacts }>> {
  const out: Array<{ file: string; artifacts: Artifacts }> = [];
  for await (const file of walk(dir)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
    }
    if ((parsed as { schema?: string })?.schema !== 'portico.artifacts/1') continue; // findings.json and other files live beside artifacts
    const a = parsed as Artifacts;
    if (typeof a.checkpoint !== 'string' || typeof a.url !== 'string' || typeof a.gathered !== 'object' || a.gathered === null) {
      throw new Error(`${relative(process.cwd(), file)}: artifacts file is missing checkpoint, url or gathered`);
    }
    out.push({ file, artifacts: a });
  }
  return out.sort((x, y) => x.file.localeCompare(y.file));
}
