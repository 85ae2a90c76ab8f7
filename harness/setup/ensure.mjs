#!/usr/bin/env node
// Set-up that `npm start` and `npm test` run first, on any Node ≥ 18 (a fresh machine may only have
// Node 20): install the locked dependencies (which bring Node 24), then make sure a Chromium exists.
// When everything is already in place it only hashes the lockfile and checks a path: well under a second.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const quiet = process.argv.includes('--quiet');
const log = (msg) => { if (!quiet) console.error(`[setup] ${msg}`); };

function fail(msg) {
  console.error(`[setup] ${msg}`);
  process.exit(1);
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.portico-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const node24 = join(root, 'node_modules', '.bin', 'node');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash && existsSync(node24)) return;
  log('installing the locked dependencies (npm ci)…');
  const status = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    PUPPETEER_SKIP_DOWNLOAD: '1',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  if (status !== 0) fail('npm ci failed (see above). Check your network access to the npm registry, then try again.');
  if (!existsSync(node24)) fail('npm ci finished but node_modules/.bin/node (Node 24) is missing: the `node` package\'s install script did not run. Is it allowed in package.json "allowScripts"?');
  writeFileSync(marker, hash);
}

function ensureChromium() {
  let found = findChromium();
  if (found.path) { log(`Chromium: ${found.path} (${found.source})`); return; }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian) {
    log("no Chromium found; installing Debian's chromium package (apt-get)…");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env) !== 0) fail('apt-get update failed; install chromium yourself or set PORTICO_CHROMIUM.');
    if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], env) !== 0) {
      fail('apt-get install chromium failed; install it yourself or set PORTICO_CHROMIUM=/path/to/chrome.');
    }
    found = findChromium();
    if (found.path) { log(`Chromium: ${found.path} (installed)`); return; }
  }
  fail(
    'No Chromium or Chrome found, and this set-up cannot install one here.\n' +
      `  Tried: ${found.tried.join(', ')}\n` +
      '  Fix: on Debian/Ubuntu run `sudo apt-get install chromium`; on macOS install Google Chrome;\n' +
      '  or point Portico at any Chromium with PORTICO_CHROMIUM=/path/to/chrome.',
  );
}

/**
 * `--chromedriver` (npm run bench:compare, for the axe CLI): a ChromeDriver that matches the system
 * Chromium. The npm chromedriver package's own download cannot reach its host from closed networks,
 * so it is Debian's chromium-driver, installed like chromium itself when this runs as root on Debian.
 */
function ensureChromedriver() {
  if (!process.argv.includes('--chromedriver')) return;
  const path = process.env.PORTICO_CHROMEDRIVER ?? '/usr/bin/chromedriver';
  if (existsSync(path)) { log(`ChromeDriver: ${path}`); return; }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    log("no ChromeDriver found; installing Debian's chromium-driver package (apt-get)…");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium-driver'], env) !== 0) {
      if (run('apt-get', ['update', '-qq'], env) !== 0 || run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium-driver'], env) !== 0) {
        fail('apt-get install chromium-driver failed; install it yourself, or set PORTICO_CHROMEDRIVER=/path/to/chromedriver.');
      }
    }
    if (existsSync(path)) { log(`ChromeDriver: ${path} (installed)`); return; }
  }
  fail(
    `No ChromeDriver at ${path}; the axe CLI needs one that matches your Chromium.\n` +
      '  Fix: on Debian/Ubuntu run `sudo apt-get install chromium-driver`; elsewhere install the ChromeDriver\n' +
      '  of your Chrome/Chromium version and set PORTICO_CHROMEDRIVER=/path/to/chromedriver.',
  );
}

/**
 * `--then FILE ARGS…`: after the set-up, run FILE on the project's Node 24. An npm script cannot
 * simply say `… && node FILE.ts`: the shell looked `node` up before `npm ci` made
 * node_modules/.bin/node and keeps using the machine's older Node, which cannot run TypeScript.
 */
function thenRun() {
  const at = process.argv.indexOf('--then');
  if (at < 0) return;
  const [file, ...args] = process.argv.slice(at + 1);
  if (!file) fail('--then needs a file to run');
  const major = Number(process.versions.node.split('.')[0]);
  const node = major >= 22 ? process.execPath : join(root, 'node_modules', '.bin', 'node');
  const r = spawnSync(node, [join(root, file), ...args], { stdio: 'inherit' });
  if (r.error) fail(`could not run ${file}: ${r.error.message}`);
  process.exit(r.status ?? (r.signal ? 2 : 1));
}

ensureDependencies();
ensureChromium();
ensureChromedriver();
thenRun();
