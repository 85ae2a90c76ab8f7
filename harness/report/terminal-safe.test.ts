import { describe, expect, it } from 'vitest';
import { oneLine, terminalSafe } from './terminal-safe.ts';
import { renderText } from './text.ts';
import type { Finding, RunBundle } from '../types.ts';

describe('terminal-safe text', () => {
  it('removes colour, cursor and OSC sequences and control characters', () => {
    const hostile = 'ok\u001b[2K\u001b[1A\u001b[32m✓ all passed\u001b[0m\u001b]0;pwned\u0007\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u0000\u0008\u009b31m!';
    const safe = terminalSafe(hostile);
    expect(safe).not.toMatch(/[\u001b\u0000-\u0008\u009b]/);
    expect(safe).toContain('✓ all passed');
    expect(safe).toContain('link');
  });

  it('keeps one field on one line and neutralises bidi overrides', () => {
    expect(oneLine('Name\r\nPortico: CLEAN — no barriers found\u2028x')).toBe('Name Portico: CLEAN — no barriers found x');
    expect(oneLine('abc\u202edcba')).toBe('abc\uFFFDdcba');
  });

  it('renderText prints a hostile page message as one line of data', () => {
    const f = {
      fingerprint: 'f', auditId: 'axe', ruleId: 'image-alt', engines: ['axe'], outcome: 'failed', category: 'barrier', impact: 'serious',
      message: 'Images must have alt text\n\u001b[32mPortico: CLEAN — no barriers found\u001b[0m', selector: 'img\n#x', domPath: 'html>body',
      requirements: { wcag: ['1.1.1'], section508: [], trustedTester: [], en301549: [], other: [] },
      context: { url: 'http://localhost/\u001b[2J', checkpoint: 'page' }, evidence: [],
    } as unknown as Finding;
    const bundle = { status: 'barriers', findings: [f], verdicts: [], incomplete: [{ where: 'page\nPortico: CLEAN', cause: 'x\u001b[1A' }], versions: {} } as unknown as RunBundle;
    const text = renderText(bundle);
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').filter((l) => l.startsWith('Portico: '))).toHaveLength(1);
  });
});
