import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { backwardJump, focusOrderAudit } from './focus-order.ts';
import type { FocusOrderArtifact, FocusOrderStop } from '../../harness/gatherers/probes/focus-order.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { focusOrderSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/focus-order-${name}.json`, import.meta.url), 'utf8')) as FocusOrderArtifact;
const run = (r: FocusOrderArtifact) => focusOrderAudit.audit(artifactsWith('focus-order', r), auditCtx);
const stop = (x: number, y: number, extra: Partial<FocusOrderStop> = {}): FocusOrderStop => ({ domPath: `s${x}-${y}`, tag: 'a', name: '', tabindex: 0, domIndex: 0, box: { x, y, width: 80, height: 24 }, snippet: '', ...extra });

describe('focus-order (2.4.3, recorded from the probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(focusOrderSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('a page in reading order passes', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('a positive tabindex that jumps back fails (F44); a CSS-reversed row is cantTell', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['focus-order-tabindex', 'focus-order-visual']);
  });
  it('without the tabindex the same page is only cantTell', () => {
    const bad = recorded('bad');
    const domOrder = bad.stops.map((s) => ({ ...s, tabindex: 0 })).sort((a, b) => a.domIndex - b.domIndex);
    expect(run({ ...bad, stops: domOrder, positiveTabindex: 0 }).outcome).toBe('cantTell');
  });
  it('reading order follows the direction: leftwards is forwards in rtl', () => {
    expect(backwardJump(stop(300, 0), stop(100, 0), 'ltr')).toMatch(/leftwards/);
    expect(backwardJump(stop(300, 0), stop(100, 0), 'rtl')).toBeNull();
    expect(backwardJump(stop(100, 0), stop(300, 0), 'rtl')).toMatch(/rightwards/);
    expect(backwardJump(stop(0, 200), stop(0, 100), 'ltr')).toMatch(/76 px back up/);
    expect(backwardJump(stop(0, 100), stop(0, 90), 'ltr')).toBeNull(); // a wrapped line, not a jump
  });
  it('one stop is inapplicable', () => {
    expect(run({ ...recorded('good'), stops: recorded('good').stops.slice(0, 1) }).outcome).toBe('inapplicable');
  });
});
