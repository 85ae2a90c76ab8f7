import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunBundle } from '../types.ts';
import { renderText } from './text.ts';
import { renderHtml } from './html.ts';

/** Writes a run's outputs: findings.json (the bundle), report.html, summary.txt. Returns their paths. */
export async function writeRunOutputs(outDir: string, bundle: RunBundle, title: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files = { json: join(outDir, 'findings.json'), html: join(outDir, 'report.html'), text: join(outDir, 'summary.txt') };
  await writeFile(files.json, JSON.stringify(bundle, null, 2));
  await writeFile(files.html, renderHtml(bundle, title));
  await writeFile(files.text, renderText(bundle, { maxPerGroup: 1000 }) + '\n');
  return Object.values(files);
}
