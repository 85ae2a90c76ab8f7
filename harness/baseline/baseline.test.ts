import { describe, expect, it } from 'vitest';
import { compareToBaseline, makeBaseline, parseBaseline, BaselineError, type BaselineFile } from './baseline.ts';
import { applyGate, renderGateText } from '../gate/gate.ts';
import { exitCodeFor } from '../bundle.ts';
import type { Finding, RunBundle } from '../types.ts';

const applyBaseline = (b: RunBundle, baseline: BaselineFile, file: string, now: Date) => applyGate(b, { baseline: { file, baseline }, now });
const renderBaselineText = renderGateText;

const finding = (fp: string, rule: string, persona = 'keyboard', checkpoint = 'home'): Finding => ({
  fingerprint: fp, auditId: 'a', ruleId: rule, engines: ['axe'], engineRules: {}, outcome: 'failed', category: 'barrier', impact: 'serious',
  message: rule, domPath: 'html>body:nth-of-type(1)>img:nth-of-type(1)',
  requirements: { wcag: ['1.1.1'], section508: [], trustedTester: [], en301549: [], other: [] },
  context: { persona, checkpoint, step: checkpoint, url: 'http://127.0.0.1:4000/', flow: 'f' }, evidence: [],
});
const bundle = (findings: Finding[], visited: Array<[string, string]> = [['keyboard', 'home'], ['keyboard', 'help']], status: RunBundle['status'] = findings.length ? 'barriers' : 'clean'): RunBundle => ({
  schema: 'portico.run/1', tool: { name: 'portico', version: '0' }, startedAt: '', finishedAt: '', versions: {}, status, findings,
  verdicts: visited.map(([persona, checkpoint]) => ({ auditId: 'a', checkpoint, url: '', outcome: 'passed', findingCount: 0, context: { persona } })), incomplete: [],
});
const A = 'a'.repeat(20), B = 'b'.repeat(20), C = 'c'.repeat(20), D = 'd'.repeat(20);

describe('baseline', () => {
  const accepted = makeBaseline(bundle([finding(A, 'image-alt'), finding(B, 'label', 'keyboard', 'help'), finding(B, 'label', 'keyboard', 'help')]), { reason: 'ticket 12', acceptedBy: 'dev@example.org', now: new Date('2026-12-01T00:00:00Z') });

  it('records each accepted barrier once, with where, rule, criteria, reason and who', () => {
    expect(accepted.entries).toHaveLength(2);
    expect(accepted.entries.find((e) => e.rule === 'image-alt')).toMatchObject({ rule: 'image-alt', criteria: ['1.1.1'], reason: 'ticket 12', acceptedBy: 'dev@example.org', persona: 'keyboard', checkpoint: 'home' });
    expect(parseBaseline(JSON.stringify(accepted), 'portico-baseline.json')).toEqual(accepted);
  });

  it('fails the gate only on new barriers, lists fixed entries, and never excuses an incomplete run', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    const later = bundle([finding(A, 'image-alt'), finding(C, 'color-contrast')]);
    const c = compareToBaseline(later, accepted, 'b.json', now);
    expect(c.new.map((f) => f.fingerprint)).toEqual([C]);
    expect(c.still.map((f) => f.fingerprint)).toEqual([A]);
    expect(c.fixed.map((e) => e.fingerprint)).toEqual([B]);
    expect(exitCodeFor(applyBaseline(later, accepted, 'b.json', now))).toBe(1);
    expect(exitCodeFor(applyBaseline(bundle([finding(A, 'image-alt')]), accepted, 'b.json', now))).toBe(0);
    expect(exitCodeFor(applyBaseline(bundle([finding(A, 'image-alt')], undefined, 'incomplete'), accepted, 'b.json', now))).toBe(2);
  });

  it('does not call an entry fixed when the run did not visit its persona and step', () => {
    const c = compareToBaseline(bundle([], [['keyboard', 'home']]), accepted, 'b.json');
    expect(c.fixed.map((e) => e.fingerprint)).toEqual([A]);
    expect(c.notChecked.map((e) => e.fingerprint)).toEqual([B]);
  });

  it('an expired entry no longer excuses its barrier, and is listed', () => {
    const expiring = makeBaseline(bundle([finding(D, 'image-alt')]), { reason: 'r', acceptedBy: 'x', expires: '2026-11-30' });
    const out = applyBaseline(bundle([finding(D, 'image-alt')]), expiring, 'b.json', new Date('2026-12-02T00:00:00Z'));
    expect(out.baseline?.new).toBe(1);
    expect(out.baseline?.expired.map((e) => e.fingerprint)).toEqual([D]);
    expect(renderBaselineText(out)).toMatch(/Expired[\s\S]*Gate: FAIL/);
  });

  it('a malformed baseline names the file, the entry and the key', () => {
    const bad = { ...accepted, entries: [{ ...accepted.entries[0], fingerprint: 'nope' }] };
    expect(() => parseBaseline(JSON.stringify(bad), 'ci/portico-baseline.json')).toThrow(/ci\/portico-baseline\.json: entries\[0\]\.fingerprint: a 20-hex-digit/);
    expect(() => parseBaseline('{', 'x.json')).toThrow(BaselineError);
    expect(() => parseBaseline(JSON.stringify({ ...accepted, entries: [accepted.entries[0], accepted.entries[0]] }), 'x.json')).toThrow(/listed twice/);
    const noReason = { ...accepted, entries: [{ ...accepted.entries[0], reason: '' }] };
    expect(() => parseBaseline(JSON.stringify(noReason), 'x.json')).toThrow(/entries\[0\]\.reason: say why/);
  });
});
