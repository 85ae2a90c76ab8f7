/**
 * bench:compare's runs: each tool's own command line over the pages, one after another (never two
 * at once on these 2 cores), each timed by the wall clock from its process start to its exit, so
 * its browser start counts. Raw outputs are kept in OUT for a look afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, requireChromium } from '../harness/setup/find-chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

export interface Run {
  seconds: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function runNode(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (status) => done({ seconds: (performance.now() - started) / 1000, status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Parses a tool's JSON, or says which tool gave what instead. */
function json<T>(tool: string, run: Run, text = run.stdout): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${tool} exited ${run.status} without its JSON report: ${(run.stderr || text).trim().split('\n').slice(-5).join(' | ').slice(0, 600)}`);
  }
}

export interface Timed<T> {
  seconds: number;
  output: T;
}

/** `portico audit --engines all --format json`: every engine on one shared browser. */
export async function runPortico(urls: string[], out: string): Promise<Timed<unknown>> {
  const run = await runNode(join(root, 'bin', 'portico.js'), ['audit', '--engines', 'all', '--format', 'json', '--out', join(out, 'portico'), ...urls]);
  writeFileSync(join(out, 'portico.stderr.txt'), run.stderr);
  return { seconds: run.seconds, output: json('portico audit', run) };
}

/** pa11y-ci with its defaults (HTML_CodeSniffer, WCAG2AA, errors only, one page at a time), on the system Chromium. */
export async function runPa11yCi(urls: string[], out: string): Promise<Timed<unknown>> {
  const config = join(out, 'pa11y-ci.json');
  writeFileSync(config, JSON.stringify({ defaults: { chromeLaunchConfig: { executablePath: requireChromium(), args: CHROMIUM_ARGS }, timeout: 30_000 }, urls }, null, 1));
  const run = await runNode(bin('pa11y-ci'), ['--config', config, '--json']);
  writeFileSync(join(out, 'pa11y-ci.out.json'), run.stdout);
  // Exit 2 means "errors found"; anything else without a report is the tool failing.
  return { seconds: run.seconds, output: json('pa11y-ci', run) };
}

/** The axe CLI (WebDriver via Debian's chromium-driver): every URL in one call, its default rules. */
export async function runAxeCli(urls: string[], out: string, chromedriver: string): Promise<Timed<unknown>> {
  const options = [...CHROMIUM_ARGS.map((a) => a.replace(/^--/, '')), 'headless=new'].join(',');
  const run = await runNode(bin('axe'), [...urls, '--chromedriver-path', chromedriver, '--chrome-path', requireChromium(), `--chrome-options=${options}`, '--timeout', '90', '--stdout']);
  writeFileSync(join(out, 'axe-cli.out.json'), run.stdout);
  return { seconds: run.seconds, output: json('axe CLI', run) };
}

export interface LighthouseRun {
  url: string;
  /** The Lighthouse result, or why there is none. */
  lhr?: unknown;
  error?: string;
}

/** The Lighthouse CLI, accessibility category only, one call (and one Chrome) per URL: it takes one URL. */
export async function runLighthouseCli(urls: string[], out: string): Promise<Timed<LighthouseRun[]>> {
  const dir = join(out, 'lighthouse');
  mkdirSync(dir, { recursive: true });
  const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  const runs: LighthouseRun[] = [];
  let seconds = 0;
  for (const [i, url] of urls.entries()) {
    const file = join(dir, `${String(i).padStart(3, '0')}.json`);
    const run = await runNode(bin('lighthouse'), [url, '--only-categories=accessibility', '--output=json', `--output-path=${file}`, '--quiet', `--chrome-flags=${flags}`], { CHROME_PATH: requireChromium() });
    seconds += run.seconds;
    let text: string | undefined;
    try { text = readFileSync(file, 'utf8'); } catch { /* no report: said below */ }
    if (text === undefined) runs.push({ url, error: `exited ${run.status} without a report: ${run.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}` });
    else runs.push({ url, lhr: json('lighthouse', run, text) });
  }
  return { seconds, output: runs };
}
