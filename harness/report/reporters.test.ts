import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.ts';
import { renderText } from './text.ts';
import { renderComparisonText } from './compare.ts';
import { buildBundle, exitCodeFor } from '../bundle.ts';
import { runAudits } from '../run-audits.ts';
import { AUDITS } from '../../audits/index.ts';
import { recordedArtifacts } from '../../audits/recorded/load.ts';

const bundleOf = (name: 'violations' | 'clean', incomplete: Array<{ where: string; cause: string }> = []) => {
  const { findings, verdicts } = runAudits(AUDITS, [recordedArtifacts(name)]);
  return buildBundle({ startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', findings, verdicts, incomplete, versions: { chromium: '1' } });
};

describe('bundle status and exit codes', () => {
  it('barriers → 1, clean → 0, incomplete → 2 even when barriers were found', () => {
    expect(exitCodeFor(bundleOf('violations'))).toBe(1);
    expect(exitCodeFor(bundleOf('clean'))).toBe(0);
    expect(exitCodeFor(bundleOf('violations', [{ where: 'http://x', cause: 'HTTP 500' }]))).toBe(2);
    expect(exitCodeFor(bundleOf('clean', [{ where: 'http://x', cause: 'timed out' }]))).toBe(2);
  });
});

describe('text report', () => {
  it('groups issues by criterion with counts and the 508 standing, and says INCOMPLETE with the cause', () => {
    const text = renderText(bundleOf('violations'));
    expect(text).toMatch(/1\.1\.1 Non-text Content \(A\) · 508: E205\.4 — 1 issue \(1 occurrence\)/);
    expect(text).toMatch(/4\.1\.1 Parsing \(A\) · obsolete in WCAG 2\.2; still in 508 via WCAG 2\.0/);
    const inc = renderText(bundleOf('clean', [{ where: 'http://x/', cause: 'connection refused' }]));
    expect(inc).toMatch(/INCOMPLETE.*NOT a pass/);
    expect(inc).toMatch(/http:\/\/x\/: connection refused/);
  });
});

describe('HTML report', () => {
  it('escapes everything that comes from the page', () => {
    const b = bundleOf('violations');
    b.findings[0].message = '<script>alert(1)</script>';
    b.findings[0].snippet = '<img src=x onerror=alert(2)>';
    const html = renderHtml(b);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x onerror');
  });
});

describe('profile comparison', () => {
  it('prints barriers per persona side by side', () => {
    const a = bundleOf('clean');
    const b = bundleOf('violations');
    for (const x of [...a.verdicts, ...b.verdicts]) x.context = { persona: 'keyboard' };
    for (const x of b.findings) x.context.persona = 'keyboard';
    const text = renderComparisonText([{ profile: 'conformant', bundle: a, reportPath: 'a.html' }, { profile: 'cbp-one-2023', bundle: b, reportPath: 'b.html' }]);
    expect(text).toMatch(/keyboard\s+0 barrier\(s\)\s+\d+ barrier\(s\)/);
  });
});
