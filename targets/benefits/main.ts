import { startBenefitsApp } from './server.ts';

/**
 * `node targets/benefits/main.ts [--port N] [--profile P] [--defects a,b]`, or the same through
 * PORT, PROFILE, DEFECTS, SMTP_HOST, SMTP_PORT, SESSION_SECONDS, SESSION_WARNING_SECONDS.
 */
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
};
const env = (k: string) => (process.env[k] && process.env[k]!.trim() ? process.env[k]!.trim() : undefined);
const defects = (flag('defects') ?? env('DEFECTS'))?.split(',').map((d) => d.trim()).filter(Boolean);
const smtpHost = flag('smtp-host') ?? env('SMTP_HOST');
const smtpPort = flag('smtp-port') ?? env('SMTP_PORT');
try {
  const app = await startBenefitsApp({
    port: Number(flag('port') ?? env('PORT') ?? 0),
    profile: flag('profile') ?? env('PROFILE'),
    defects,
    smtp: smtpPort ? { host: smtpHost ?? '127.0.0.1', port: Number(smtpPort) } : undefined,
    sessionSeconds: env('SESSION_SECONDS') ? Number(env('SESSION_SECONDS')) : undefined,
    warningSeconds: env('SESSION_WARNING_SECONDS') ? Number(env('SESSION_WARNING_SECONDS')) : undefined,
  });
  process.stdout.write(`listening ${app.url}\n`);
  if (app.defects.length) process.stdout.write(`defects on: ${app.defects.join(', ')}\n`);
  const stop = () => { void app.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`benefits: ${(e as Error).message}\n`);
  process.exit(64);
}
