import { describe, expect, it } from 'vitest';
import { EXIT } from './bundle.ts';
import { readFileSync } from 'node:fs';

describe('exit codes', () => {
  it('the CLI entry (which avoids importing the bundle module) uses the same codes', () => {
    const main = readFileSync(new URL('../composition/cli/main.ts', import.meta.url), 'utf8');
    expect(main).toContain(`const EXIT = { clean: ${EXIT.clean}, barriers: ${EXIT.barriers}, incomplete: ${EXIT.incomplete}, usage: ${EXIT.usage} } as const;`);
  });
});
