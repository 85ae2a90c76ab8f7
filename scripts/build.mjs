#!/usr/bin/env node
// `npm run build` (and `npm pack`, through prepack): compiles the TypeScript to JavaScript with type
// declarations in dist/ — Node does not strip types under node_modules, so an installed Portico
// must be JavaScript — and copies the files the code reads at run time (locales, static files,
// test pages, the set-up's .mjs) beside it.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

let copied = 0;
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (name !== 'node_modules') copyAssets(path); continue; }
    if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.mts')) continue;
    cpSync(path, join(dist, relative(root, path)));
    copied++;
  }
}
for (const top of ['harness', 'audits', 'personas', 'targets', 'composition']) copyAssets(join(root, top));
console.error(`[build] dist/: compiled TypeScript and ${copied} asset files`);
