import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUT_MARKER, prepareOutDir } from './out-dir.ts';
import { UsageError } from '../../harness/page-audit.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'portico-out-'));

describe('prepareOutDir', () => {
  it('creates a new directory with the marker', () => {
    const base = scratch();
    const out = prepareOutDir(join(base, 'run'), base);
    expect(readdirSync(out)).toEqual([OUT_MARKER]);
  });

  it('clears a directory Portico made, and only that', () => {
    const base = scratch();
    const out = prepareOutDir(join(base, 'run'), base);
    writeFileSync(join(out, 'findings.json'), '{}');
    mkdirSync(join(out, 'artifacts'));
    prepareOutDir(out, base);
    expect(readdirSync(out)).toEqual([OUT_MARKER]);
  });

  it('refuses a directory with files it did not write, and deletes nothing', () => {
    const base = scratch();
    const mine = join(base, 'src');
    mkdirSync(mine);
    writeFileSync(join(mine, 'index.ts'), 'precious');
    expect(() => prepareOutDir(mine, base)).toThrow(UsageError);
    expect(() => prepareOutDir(mine, base)).toThrow(/index\.ts.*nothing was deleted/);
    expect(existsSync(join(mine, 'index.ts'))).toBe(true);
  });

  it('refuses the working directory and its parents, even when marked', () => {
    const base = scratch();
    writeFileSync(join(base, OUT_MARKER), '');
    writeFileSync(join(base, 'keep.txt'), 'x');
    const inside = join(base, 'project');
    mkdirSync(inside);
    expect(() => prepareOutDir('.', base)).toThrow(/working directory/);
    expect(() => prepareOutDir(base, inside)).toThrow(/working directory/);
    expect(existsSync(join(base, 'keep.txt'))).toBe(true);
  });

  it('refuses a file', () => {
    const base = scratch();
    writeFileSync(join(base, 'f'), 'x');
    expect(() => prepareOutDir(join(base, 'f'), base)).toThrow(/not a directory/);
  });
});
