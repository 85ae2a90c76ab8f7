/**
 * For the CLI's own specs: run `portico` (composition/cli/main.ts) as a user would, in a child
 * process with the Playwright runner's TEST_/PW_/PORTICO_ variables removed, and collect its output.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface CliResult { code: number; stdout: string; stderr: string }

export function portico(args: string[], cwd = repoRoot): Promise<CliResult> {
  return new Promise((done) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('TEST_') || k.startsWith('PW_') || k.startsWith('PORTICO_')) delete env[k];
    const child = spawn(process.execPath, [join(repoRoot, 'composition', 'cli', 'main.ts'), ...args], { cwd, env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}
