import { describe, expect, it } from 'vitest';
import { textSpacingAudit } from './text-spacing.ts';
import { recordedProbe, probeArtifacts } from '../recorded/probes/load.ts';
import type { TextSpacingArtifact } from '../../harness/gatherers/probes/text-spacing.ts';

const run = (r: TextSpacingArtifact) => textSpacingAudit.audit(probeArtifacts({ 'text-spacing': r }), {} as never);

describe('text-spacing audit (WCAG 1.4.12)', () => {
  it('fails the recorded fixed-height boxes: one clipped, one spilling over the next paragraph', () => {
    const res = run(recordedProbe('text-spacing-clip'));
    expect(res.outcome).toBe('failed');
    expect(res.findings.map((f) => f.ruleId)).toEqual(['text-spacing-clipped', 'text-spacing-overlap']);
    for (const f of res.findings) expect(f.wcag).toEqual(['1.4.12']);
    expect(res.findings[0].message).toMatch(/420×40 px of content that needs 420×48 px/);
    expect(res.findings[1].message).toMatch(/drawn over <p> "Arrive thirty minutes early/);
    expect(res.findings[0].evidence?.[0].description).toMatch(/applied; removed afterwards: yes/);
  });

  it('passes the recorded responsive page', () => {
    expect(run(recordedProbe('text-spacing-responsive')).outcome).toBe('passed');
  });

  it("says cantTell when the style did not take effect (e.g. the page's CSP blocked it)", () => {
    const r = recordedProbe<TextSpacingArtifact>('text-spacing-clip');
    r.applied = false;
    const res = run(r);
    expect(res.outcome).toBe('cantTell');
    expect(res.findings).toEqual([]);
  });
});
