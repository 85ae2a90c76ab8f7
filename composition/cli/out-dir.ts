import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../harness/usage-error.ts';

/** The file that marks a directory as one Portico made, and so may clear. */
export const OUT_MARKER = '.portico-out';

/**
 * Makes `dir` ready for a new run: creates it, or clears it when Portico made it (the marker is
 * there). Anything else — a directory with other files, a file, the working directory or one of
 * its parents — is refused with a UsageError before anything is deleted.
 */
export function prepareOutDir(dir: string, cwd = process.cwd()): string {
  const here = resolve(cwd);
  const out = resolve(here, dir);
  if (here === out || here.startsWith(out.endsWith(sep) ? out : out + sep)) {
    throw new UsageError(`--out ${dir}: that is the working directory or one of its parents; choose a directory of its own (nothing was deleted)`);
  }
  if (existsSync(out)) {
    if (!lstatSync(out).isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a directory (nothing was deleted)`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(OUT_MARKER)) {
      throw new UsageError(
        `--out ${dir}: the directory holds files Portico did not write (no ${OUT_MARKER} marker): ${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}. ` +
          'Choose a new or empty directory; nothing was deleted.',
      );
    }
    for (const entry of entries) rmSync(join(out, entry), { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, OUT_MARKER), `Made by Portico; \`portico run\` and \`portico audit\` clear this directory (${relative(here, out) || '.'}) before each run.\n`);
  return out;
}
