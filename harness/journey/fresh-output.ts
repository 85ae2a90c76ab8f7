import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A project writes only artifacts/<persona>/ and evidence/<persona>/ under its output directory.
 * The first worker of a run clears them and leaves a marker with the run id; a worker that
 * replaces a crashed one in the same run finds the marker and keeps what the run already wrote.
 */
export async function clearProjectOutput(outDir: string, persona: string, runId: string | undefined): Promise<boolean> {
  const marker = join(outDir, `.portico-run-${persona}`);
  if (runId && (await readFile(marker, 'utf8').catch(() => '')) === runId) return false;
  await rm(join(outDir, 'artifacts', persona), { recursive: true, force: true });
  await rm(join(outDir, 'evidence', persona), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  if (runId) await writeFile(marker, runId);
  return true;
}
