import { resolveTarget } from '../../targets/index.ts';
import { resolveDefects } from '../../harness/journey/defects.ts';
import { UsageError } from '../../harness/usage-error.ts';

export interface ServeOptions {
  profile?: string;
  defects?: string;
  port?: string;
  testMode?: boolean;
}

/** `portico serve <target>`: a target that can serve itself, in the foreground until Ctrl+C. */
export async function serveCommand(id: string, o: ServeOptions): Promise<void> {
  let target;
  try { target = resolveTarget(id); } catch (error) { throw new UsageError(`serve: ${(error as Error).message}`); }
  if (!target.serve) throw new UsageError(`serve: target "${id}" does not start an app of its own, so there is nothing to serve`);
  const profile = o.profile ?? 'conformant';
  let defects: string[] = [];
  if (target.defects) {
    if (!Object.hasOwn(target.defects.profiles, profile)) throw new UsageError(`--profile: unknown profile "${profile}"; choose from ${Object.keys(target.defects.profiles).join(', ')}`);
    try { defects = resolveDefects(target.defects, profile, o.defects ? o.defects.split(',').map((s) => s.trim()).filter(Boolean) : []); } catch (error) { throw new UsageError(`--defects: ${(error as Error).message}`); }
  }
  const port = o.port ? Number(o.port) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not "${o.port}"`);
  const app = await target.serve({ profile, defects, port, testMode: o.testMode });
  console.log(`${target.title} (${profile}${defects.length ? `; defects: ${defects.join(', ')}` : ''}) at ${app.url}${app.note ? `  — ${app.note}` : ''}. Ctrl+C to stop.`);
  await new Promise<void>((done) => {
    const stop = () => { app.close().then(done, done); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
