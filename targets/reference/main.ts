/**
 * Run the reference target:
 *   node targets/reference/main.ts [--profile conformant|cbp-one-2023] [--defects a,b] [--port N]
 *                                  [--host H] [--db FILE|:memory:] [--test-mode] [--session-timeout S]
 * Prints the URL (first line of stdout: "Reference app: <url>").
 */
import { parseArgs } from 'node:util';
import { startReferenceApp } from './server.ts';
import { DEFECT_IDS } from './defects.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'conformant' },
    defects: { type: 'string', default: '' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: ':memory:' },
    'test-mode': { type: 'boolean', default: false },
    'session-timeout': { type: 'string' },
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
    log: values.quiet ? undefined : (line) => process.stderr.write(line + '\n'),
  });
  console.log(`Reference app: ${app.url}`);
  console.log(`Profile: ${values.profile}; defects: ${app.defects.length ? app.defects.join(', ') : 'none'}; SMTP on 127.0.0.1:${app.smtpPort}`);
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
