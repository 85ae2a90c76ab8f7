import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpora (../shared/corpora beside the checkout, or above a worktree); tests fail loudly without them. */
export function corpora(...parts: string[]): string {
  if (process.env.PORTICO_CORPORA) return join(process.env.PORTICO_CORPORA, ...parts);
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dirname(dir), 'shared', 'corpora');
    if (existsSync(candidate)) return join(candidate, ...parts);
    dir = dirname(dir);
  }
  throw new Error('shared/corpora not found beside the checkout (set PORTICO_CORPORA)');
}
