import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRunOptions } from './run.ts';

/** A described target with profiles of its own names and no defect catalogue (a newcomer's first description). */
const dir = mkdtempSync(join(tmpdir(), 'portico-profiles-'));
const file = join(dir, 'clinic.target.yaml');
writeFileSync(file, `id: clinic
baseURL: http://127.0.0.1:9
profiles: [clean, broken]
flows:
  - id: visit
    title: Open the home page
    steps:
      - { id: home, goto: / }
`);

describe('profiles of a described target without a defect catalogue', () => {
  it('the default profile is its first, not "conformant"', () => {
    expect(resolveRunOptions({ target: file }).profile).toBe('clean');
  });
  it('--profile takes any profile it declares, and names them when it is not one', () => {
    expect(resolveRunOptions({ target: file, profile: 'broken' }).profile).toBe('broken');
    expect(() => resolveRunOptions({ target: file, profile: 'conformant' })).toThrow(/unknown profile "conformant"; choose from clean, broken/);
  });
  it('--defects says that it needs a catalogue', () => {
    expect(() => resolveRunOptions({ target: file, defects: 'x' })).toThrow(/--defects needs a defect catalogue: "clinic" declares profiles but no defects: FILE/);
  });
});
