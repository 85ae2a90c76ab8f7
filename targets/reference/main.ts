/**
 * Run the reference target:
 *   node targets/reference/main.ts [--profile conformant|cbp-one-2023] [--defects a,b] [--port N]
 *                                  [--host H] [--db FILE|:memory:] [--test-mode] [--session-timeout S]
 * Prints the URL (first line of stdout: "Reference app: <url>").
 * The environment may give the same: PORT, PROFILE, DEFECTS (a,b), SESSION_TIMEOUT_SECONDS, and
 * ACCOUNTS_PER_HOUR (account creations and code requests per IP), APPOINTMENT_WINDOW=always, and
 * SMTP_HOST + SMTP_PORT to send mail through that SMTP server (e.g. a test harness's mail sink)
 * instead of the app's own loopback one. Flags win over the environment.
 */
import { parseArgs } from 'node:util';
import { startReferenceApp } from './server.ts';
import { DEFECT_IDS } from './defects.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: process.env.PROFILE || 'conformant' },
    defects: { type: 'string', default: process.env.DEFECTS ?? '' },
    port: { type: 'string', default: process.env.PORT || '0' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: ':memory:' },
    'test-mode': { type: 'boolean', default: false },
    'session-timeout': { type: 'string', default: process.env.SESSION_TIMEOUT_SECONDS || undefined },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: node targets/reference/main.ts [--profile conformant|cbp-one-2023] [--defects a,b] [--port N] [--host H] [--db FILE] [--test-mode] [--session-timeout S]\nDefects: ${DEFECT_IDS.join(', ')}`);
  process.exit(0);
}

try {
  const app = await startReferenceApp({
    profile: values.profile as 'conformant' | 'cbp-one-2023',
    defects: values.defects ? values.defects.split(',') : [],
    port: Number(values.port),
    host: values.host,
    dbPath: values.db,
    testMode: values['test-mode'] || process.env.PORTICO_TEST_MODE === '1',
    sessionTimeoutSeconds: values['session-timeout'] ? Number(values['session-timeout']) : undefined,
    // Outside test mode the app limits account creation (20 an hour) and opens requests 17:00–16:00 UTC;
    // a harness that creates many accounts (one per address it tries) may raise the one and open the other.
    rateLimits: process.env.ACCOUNTS_PER_HOUR ? { accountCreatePerHour: Number(process.env.ACCOUNTS_PER_HOUR), codeRequestsPerIpPer15Min: Number(process.env.ACCOUNTS_PER_HOUR) } : undefined,
    appointmentWindow: process.env.APPOINTMENT_WINDOW === 'always' ? 'always' : undefined,
    smtpRelay: process.env.SMTP_PORT ? { host: process.env.SMTP_HOST || '127.0.0.1', port: Number(process.env.SMTP_PORT) } : undefined,
    log: values.quiet ? undefined : (line) => process.stderr.write(line + '\n'),
  });
  console.log(`Reference app: ${app.url}`);
  console.log(`Profile: ${values.profile}; defects: ${app.defects.length ? app.defects.join(', ') : 'none'}; ${process.env.SMTP_PORT ? `mail relayed to ${process.env.SMTP_HOST || '127.0.0.1'}:${process.env.SMTP_PORT}` : `SMTP on 127.0.0.1:${app.smtpPort}`}`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
