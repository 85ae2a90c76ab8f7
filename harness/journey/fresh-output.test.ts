import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearProjectOutput } from './fresh-output.ts';

const stale = (out: string) => {
  for (const d of ['artifacts/keyboard/register', 'evidence/keyboard/register/00-home', 'artifacts/screen-reader']) mkdirSync(join(out, d), { recursive: true });
  writeFileSync(join(out, 'artifacts/keyboard/register/000-home.json'), '{}');
  writeFileSync(join(out, 'evidence/keyboard/register/00-home/screenshot.png'), '');
  writeFileSync(join(out, 'artifacts/screen-reader/x.json'), '{}');
};

describe('each project clears its output at its start', () => {
  it('removes what the persona wrote in an earlier run, and nothing of another persona', async () => {
    const out = mkdtempSync(join(tmpdir(), 'portico-fresh-'));
    stale(out);
    expect(await clearProjectOutput(out, 'keyboard', 'run-1')).toBe(true);
    expect(existsSync(join(out, 'artifacts/keyboard'))).toBe(false);
    expect(existsSync(join(out, 'evidence/keyboard'))).toBe(false);
    expect(existsSync(join(out, 'artifacts/screen-reader/x.json'))).toBe(true);
  });
  it('a worker that replaces a crashed one in the same run keeps what the run already wrote; the next run clears it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'portico-fresh-'));
    await clearProjectOutput(out, 'keyboard', 'run-1');
    stale(out);
    expect(await clearProjectOutput(out, 'keyboard', 'run-1')).toBe(false);
    expect(existsSync(join(out, 'artifacts/keyboard/register/000-home.json'))).toBe(true);
    expect(await clearProjectOutput(out, 'keyboard', 'run-2')).toBe(true);
    expect(existsSync(join(out, 'artifacts/keyboard'))).toBe(false);
  });
});
