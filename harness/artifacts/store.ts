import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Artifacts } from '../types.ts';
import { checkGathered, envelopeProblem } from './schemas.ts';

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

/** A file that cannot be read as artifacts: every audit says `error` for it, naming the file (see run-audits). */
function unreadable(name: string, problem: string, raw?: unknown): Artifacts {
  const r = (raw ?? {}) as Partial<Artifacts>;
  const context = r.context && typeof r.context === 'object' ? r.context : {};
  return {
    schema: 'portico.artifacts/1', checkpoint: typeof r.checkpoint === 'string' ? r.checkpoint : name, url: typeof r.url === 'string' ? r.url : name, pagePath: name,
    context, gatheredAt: '', versions: {}, gathered: {}, unreadable: `${name}: ${problem}`,
  };
}

/** Loads every artifacts file under dir (recursively), sorted by path. A file that is not valid JSON or not artifacts, or a payload that does not match its schema, becomes an `error` that names the file and the field. */
export async function loadArtifactsDir(dir: string): Promise<Array<{ file: string; artifacts: Artifacts }>> {
  const out: Array<{ file: string; artifacts: Artifacts }> = [];
  for await (const file of walk(dir)) {
    const name = relative(process.cwd(), file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      out.push({ file, artifacts: unreadable(name, `not valid JSON (${(error as Error).message.split('\n')[0]})`) });
      continue;
    }
    if ((parsed as { schema?: string })?.schema !== 'portico.artifacts/1') continue; // findings.json and other files live beside artifacts
    const problem = envelopeProblem(parsed);
    if (problem) { out.push({ file, artifacts: unreadable(name, problem, parsed) }); continue; }
    const a = parsed as Artifacts;
    out.push({ file, artifacts: { ...a, gathered: checkGathered(a.gathered, name) } });
  }
  return out.sort((x, y) => x.file.localeCompare(y.file));
}
