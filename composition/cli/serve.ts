import { startReferenceApp } from '../../targets/reference/server.ts';
import { PROFILES, resolveDefects } from '../../targets/reference/defects.ts';
import { UsageError } from '../../harness/usage-error.ts';

export interface ServeOptions {
  profile?: string;
  defects?: string;
  port?: string;
  testMode?: boolean;
}

/** `portico serve reference`: the reference app in the foreground until Ctrl+C. */
export async function serveCommand(target: string, o: ServeOptions): Promise<void> {
  if (target !== 'reference') throw new UsageError(`serve: only the built-in "reference" target can be served, not "${target}"`);
  const profile = o.profile ?? 'conformant';
  if (!(profile in PROFILES)) throw new UsageError(`--profile: unknown profile "${profile}"; choose from ${Object.keys(PROFILES).join(', ')}`);
  let defects: string[];
  try { defects = resolveDefects(profile, o.defects ? o.defects.split(',').map((s) => s.trim()).filter(Boolean) : []); } catch (error) { throw new UsageError(`--defects: ${(error as Error).message}`); }
  const port = o.port ? Number(o.port) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not "${o.port}"`);
  const app = await startReferenceApp({ profile: profile as keyof typeof PROFILES, defects, port, testMode: o.testMode });
  console.log(`Reference app (${profile}${defects.length ? `; defects: ${defects.join(', ')}` : ''}) at ${app.url}  — mail server on 127.0.0.1:${app.smtpPort}. Ctrl+C to stop.`);
  await new Promise<void>((done) => {
    const stop = () => { app.close().then(done, done); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
