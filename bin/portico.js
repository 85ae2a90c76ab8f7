#!/usr/bin/env node
// Entry point for `portico` / `npx portico`. In this repository it runs the TypeScript CLI; in an
// installed package (no sources, Node does not strip types under node_modules) the compiled
// dist/. On Node ≥ 22 it loads the CLI in this process (no second start-up); on an older Node, in a
// clone, it runs it on the project's Node 24 (node_modules/.bin/node).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
const source = join(root, 'composition', 'cli', 'main.ts');
const main = existsSync(source) ? source : join(root, 'dist', 'composition', 'cli', 'main.js');
if (major >= 22) {
  await import(pathToFileURL(main).href);
} else {
  const localNode = join(root, 'node_modules', '.bin', 'node');
  if (!existsSync(localNode)) {
    console.error('portico needs Node ≥ 22 (in a clone, `npm start` once installs Node 24 locally).');
    process.exit(64);
  }
  const result = spawnSync(localNode, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 2);
}
