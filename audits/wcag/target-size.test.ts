import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spacingExempt, targetSizeAudit } from './target-size.ts';
import type { SmallTarget, TargetSizeArtifact } from '../../harness/gatherers/probes/target-size.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { targetSizeSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/target-size-${name}.json`, import.meta.url), 'utf8')) as TargetSizeArtifact;
const run = (r: TargetSizeArtifact) => targetSizeAudit.audit(artifactsWith('target-size', r), auditCtx);
const target = (box: SmallTarget['box'], neighbours: SmallTarget['neighbours'] = []): SmallTarget => ({ domPath: 'a', tag: 'button', role: '', name: 'x', box, inline: false, uaDefault: false, neighbours, snippet: '' });

describe('target-size (2.5.8, recorded from the probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(targetSizeSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('large, inline, browser-default and well-spaced targets pass', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('crowded small targets fail, one finding each', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(8);
    expect(r.findings.every((f) => f.ruleId === 'target-size' && f.wcag[0] === '2.5.8')).toBe(true);
  });
  it('the spacing exception: circles of 24 px, against boxes and against other small targets’ circles', () => {
    const small = { x: 0, y: 0, width: 16, height: 16 };
    // Centre (8, 8): a big target 3 px away (x = 19) is inside the 12 px circle.
    expect(spacingExempt(target(small, [{ domPath: 'b', box: { x: 19, y: 0, width: 100, height: 40 }, small: false }])).ok).toBe(false);
    // 8 px away (x = 24): distance 16 from the centre: outside.
    expect(spacingExempt(target(small, [{ domPath: 'b', box: { x: 24, y: 0, width: 100, height: 40 }, small: false }])).ok).toBe(true);
    // Another 16 px target whose centre is 23 px away: the circles meet.
    expect(spacingExempt(target(small, [{ domPath: 'b', box: { x: 23, y: 0, width: 16, height: 16 }, small: true }])).ok).toBe(false);
    expect(spacingExempt(target(small, [{ domPath: 'b', box: { x: 24, y: 0, width: 16, height: 16 }, small: true }])).ok).toBe(true);
  });
  it('a page with no targets is inapplicable', () => {
    expect(run({ ...recorded('good'), targets: 0, small: [] }).outcome).toBe('inapplicable');
  });
});
