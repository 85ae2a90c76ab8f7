#!/usr/bin/env node
// Entry point for `portico` / `npx portico`: runs the TypeScript CLI on the project's Node 24
// (node_modules/.bin/node), whatever Node started this script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
const localNode = join(root, 'node_modules', '.bin', 'node');
const node = major >= 22 ? process.execPath : existsSync(localNode) ? localNode : null;
if (!node) {
  console.error('portico needs Node ≥ 22. Run `npm start` once (it installs Node 24 locally), or install Node 24.');
  process.exit(64);
}
const result = spawnSync(node, [join(root, 'harness', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 2);
