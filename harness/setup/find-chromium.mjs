// Finds a Chromium to drive. Plain JavaScript so the set-up script can use it on a bare Node
// before dependencies are installed. Order: explicit setting → system Chromium/Chrome → Playwright's own.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's binary without the wrapper script's noise
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {{ path: string, source: string } | { path: null, tried: string[] }} */
export function findChromium(env = process.env) {
  const tried = [];
  for (const name of ['PORTICO_CHROMIUM', 'CHROME_PATH']) {
    const explicit = env[name];
    if (explicit) {
      if (existsSync(explicit)) return { path: explicit, source: `$${name}` };
      tried.push(`$${name}=${explicit} (does not exist)`);
    }
  }
  for (const candidate of SYSTEM_CANDIDATES) {
    if (existsSync(candidate)) return { path: candidate, source: 'system' };
    tried.push(candidate);
  }
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: 'playwright' };
    tried.push(`Playwright's own download (${own})`);
  } catch {
    tried.push("Playwright's own download (playwright-core not installed yet)");
  }
  return { path: null, tried };
}

/** Flags every Chromium launch uses on these machines (closed network, containers, no GPU). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function requireChromium(env = process.env) {
  const found = findChromium(env);
  if (found.path) return found.path;
  throw new Error(
    'No Chromium found. Tried:\n  ' + found.tried.join('\n  ') +
      '\nInstall one (Debian/Ubuntu: `sudo apt-get install chromium`) or set PORTICO_CHROMIUM=/path/to/chrome, then run `npm start` again.',
  );
}
