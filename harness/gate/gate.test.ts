import { describe, expect, it } from 'vitest';
import { applyGate, hasGate, renderGateText } from './gate.ts';
import { exitCodeFor } from '../bundle.ts';
import type { Finding, Impact, RunBundle } from '../types.ts';

const f = (fp: string, rule: string, o: { impact?: Impact; wcag?: string[]; persona?: string; selector?: string } = {}): Finding => ({
  fingerprint: fp.repeat(20).slice(0, 20), auditId: 'a', ruleId: rule, engines: ['axe'], engineRules: {}, outcome: 'failed', category: 'barrier', impact: o.impact ?? 'serious',
  message: rule, selector: o.selector, domPath: 'html>body:nth-of-type(1)',
  requirements: { wcag: o.wcag ?? ['1.1.1'], section508: [], trustedTester: [], en301549: [], other: [] },
  context: { persona: o.persona ?? 'keyboard', checkpoint: 'home', url: 'http://x/' }, evidence: [],
});
const run = (findings: Finding[], status: RunBundle['status'] = 'barriers'): RunBundle => ({ schema: 'portico.run/1', tool: { name: 'portico', version: '0' }, startedAt: '', finishedAt: '', versions: {}, status, findings, verdicts: [], incomplete: [] });
const now = new Date('2026-12-02T12:00:00Z');

describe('the CI gate', () => {
  it('without options there is no gate: every barrier fails as before', () => {
    expect(hasGate({})).toBe(false);
    expect(exitCodeFor(run([f('a', 'image-alt')]))).toBe(1);
  });

  it('ignore entries by fingerprint or by rule + selector, with a reason; expired ones no longer apply', () => {
    const b = run([f('a', 'image-alt'), f('b', 'color-contrast', { selector: '.brand > a' }), f('c', 'color-contrast', { selector: '#footer a' })]);
    const g = applyGate(b, { now, ignore: [
      { fingerprint: 'a'.repeat(20), reason: 'decorative, ticket 4' },
      { rule: 'color-contrast', selector: '.brand', reason: 'brand colours' },
      { rule: 'color-contrast', selector: '#footer', reason: 'old', expires: '2026-12-01' },
    ] });
    expect(g.gateReport?.ignored.map((i) => i.reason)).toEqual(['decorative, ticket 4', 'brand colours']);
    expect(g.gateReport?.failing).toEqual(['c'.repeat(20)]);
    expect(g.gateReport?.expiredIgnores).toHaveLength(1);
    expect(exitCodeFor(g)).toBe(1);
    expect(renderGateText(g)).toMatch(/Expired ignore entries[\s\S]*Gate: FAIL — 1 barrier/);
  });

  it('failOn: barriers below the impact are reported but do not fail', () => {
    const g = applyGate(run([f('a', 'region', { impact: 'moderate' }), f('b', 'list', { impact: 'minor' })]), { failOn: 'serious', now });
    expect(g.gateReport?.belowFailOn).toBe(2);
    expect(exitCodeFor(g)).toBe(0);
    expect(exitCodeFor(applyGate(run([f('a', 'region', { impact: 'critical' })]), { failOn: 'serious', now }))).toBe(1);
  });

  it('thresholds are budgets: up to N tolerated per criterion or persona, one more fails', () => {
    const two = [f('a', 'color-contrast', { wcag: ['1.4.3'] }), f('b', 'color-contrast', { wcag: ['1.4.3'] })];
    expect(exitCodeFor(applyGate(run(two), { thresholds: { criteria: { '1.4.3': 2 } }, now }))).toBe(0);
    const three = applyGate(run([...two, f('c', 'color-contrast', { wcag: ['1.4.3'] })]), { thresholds: { criteria: { '1.4.3': 2 } }, now });
    expect(exitCodeFor(three)).toBe(1);
    expect(renderGateText(three)).toContain('Threshold criterion 1.4.3: 3 of 2 allowed — EXCEEDED');
    // A barrier outside every budget still fails.
    expect(exitCodeFor(applyGate(run([...two, f('d', 'image-alt')]), { thresholds: { criteria: { '1.4.3': 2 } }, now }))).toBe(1);
    expect(exitCodeFor(applyGate(run([f('e', 'x', { persona: 'low-vision' })]), { thresholds: { personas: { 'low-vision': 1 } }, now }))).toBe(0);
  });

  it('an incomplete run is never passed by the gate', () => {
    const g = applyGate(run([f('a', 'image-alt')], 'incomplete'), { ignore: [{ rule: 'image-alt', reason: 'r' }], now });
    expect(exitCodeFor(g)).toBe(2);
  });
});
