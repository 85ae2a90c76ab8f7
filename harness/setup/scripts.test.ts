import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

/**
 * On a fresh clone the shell looks `node` up once, before `npm ci` has made node_modules/.bin/node,
 * and keeps the machine's (older) Node for the rest of the script: a later `node FILE.ts` then fails.
 * Scripts that set up first must start TypeScript through `ensure.mjs --then` instead.
 */
describe('package.json scripts work the first time on a machine with only an older Node', () => {
  const setupFirst = Object.entries(pkg.scripts).filter(([, s]) => s.startsWith('node harness/setup/ensure.mjs'));

  it('npm start and npm test set up first', () => {
    expect(pkg.scripts.start).toMatch(/^node harness\/setup\/ensure\.mjs /);
    expect(pkg.scripts.test).toMatch(/^node harness\/setup\/ensure\.mjs /);
  });

  it.each(setupFirst)('%s runs no `node` after the set-up in the same shell', (_name, script) => {
    const later = script.split(/&&|\|\||;/).slice(1).map((s) => s.trim());
    expect(later.filter((s) => /^node\s/.test(s))).toEqual([]);
  });

  it('no script runs a .ts file with a bare `node` unless the project is set up (it goes through --then or bin/portico.js)', () => {
    const bare = Object.entries(pkg.scripts).filter(([, s]) => /(^|&&\s*)node\s+\S+\.ts\b/.test(s));
    expect(bare.map(([name]) => name)).toEqual([]);
  });
});
