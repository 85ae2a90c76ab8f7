import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { DeclarativeTarget } from './schema.ts';
import { interpolateServe } from './interpolate.ts';

export class TargetStartError extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

/** "a 'b c' d" → ['a', 'b c', 'd'] (no shell: nothing in the file is run through one). */
export function splitCommand(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

export interface ServedApp {
  port: number;
  baseURL: string;
  stop(): Promise<void>;
}

/**
 * Starts the described app (serve: { command, env, ready }) on a free port, waits until `ready`
 * answers 200, and stops it at the end. A crash or a timeout throws with the app's stderr tail:
 * the run is incomplete, never clean.
 */
export async function serveApp(serve: NonNullable<DeclarativeTarget['serve']>, baseURLTemplate: string, vars: { profile: string; defects: string[]; smtpPort?: number }, cwd = process.cwd()): Promise<ServedApp> {
  const port = await freePort();
  const values: Record<string, string> = { node: process.execPath, port: String(port), profile: vars.profile, defects: vars.defects.join(','), ...(vars.smtpPort ? { 'mail.smtpPort': String(vars.smtpPort) } : {}) };
  const [cmd, ...args] = splitCommand(interpolateServe(serve.command, values));
  const env = { ...process.env, ...Object.fromEntries(Object.entries(serve.env ?? {}).map(([k, v]) => [k, interpolateServe(v, values)])) };
  const baseURL = interpolateServe(baseURLTemplate, values).replace(/\/$/, '');
  const child: ChildProcess = spawn(cmd, args, { cwd: serve.cwd ?? cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString('utf8')).slice(-4000); });
  child.stdout!.resume();
  let exited: string | null = null;
  child.once('exit', (code, signal) => { exited = signal ? `was killed by ${signal}` : `exited with code ${code}`; });
  child.once('error', (e) => { exited = `could not be started: ${e.message}`; });
  const tail = () => (stderr.trim() ? `; its stderr ends:\n${stderr.trim().split('\n').slice(-15).join('\n')}` : '');
  const stop = async () => {
    if (exited || child.exitCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
  };
  const timeout = serve.timeout ?? 30_000;
  const end = Date.now() + timeout;
  for (;;) {
    if (exited) throw new TargetStartError(`the app (${serve.command}) ${exited} before ${serve.ready} answered${tail()}`);
    const status = await fetch(`${baseURL}${serve.ready}`).then((r) => r.status, () => 0);
    if (status === 200) return { port, baseURL, stop };
    if (Date.now() > end) {
      await stop();
      throw new TargetStartError(`the app (${serve.command}) did not answer 200 at ${serve.ready} within ${timeout / 1000} s${status ? ` (last answer ${status})` : ''}${tail()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
