import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Artifacts } from '../../harness/types.ts';
import { axeAudit } from './axe.ts';
import { sampleFails } from './axe-contrast.ts';

/** W3C ACT afw4f7 (1.4.3) and 09o5cg (1.4.6) cases that axe leaves "needs review", recorded with the axe gatherer's contrast samples. */
const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/act/${name}.artifacts.json`, import.meta.url), 'utf8')) as Artifacts;
const ctx = { checkpoint: 'page' as const, url: 'http://x/', pagePath: '/', context: {} };
const contrast = (name: string) =>
  axeAudit.audit(recorded(name), ctx).findings.filter((f) => f.ruleId.startsWith('color-contrast')).map((f) => [f.ruleId, f.outcome, f.wcag.join(',')]);

describe('axe color-contrast needs-review, judged from what is drawn behind the text (ACT afw4f7, 09o5cg)', () => {
  it('fails text whose highest contrast over a gradient, an image or a split gradient is below 4.5:1 (afw4f7 Failed 2, 3, 7)', () => {
    for (const name of ['afw4f7-failed-2-gradient', 'afw4f7-failed-3-background-image', 'afw4f7-failed-7-split-gradient']) {
      expect(contrast(name), name).toContainEqual(['color-contrast', 'failed', '1.4.3']);
    }
    const f = axeAudit.audit(recorded('afw4f7-failed-2-gradient'), ctx).findings.find((x) => x.ruleId === 'color-contrast')!;
    expect(f.message).toMatch(/measured behind the text .* below 4\.5:1 everywhere/);
  });
  it('fails the enhanced minimum (7:1) where axe only had color-contrast to review, reported apart (09o5cg Failed 2)', () => {
    expect(contrast('09o5cg-failed-2-gradient')).toEqual([['color-contrast', 'cantTell', '1.4.3'], ['color-contrast-enhanced', 'failed', '1.4.6']]);
    const f = axeAudit.audit(recorded('09o5cg-failed-2-gradient'), ctx).findings.find((x) => x.ruleId === 'color-contrast-enhanced')!;
    expect(f.category).toBe('best-practice');
    expect(f.message).toMatch(/^\[AAA, reported apart\]/);
  });
  it('never fails passing or inapplicable cases: enough contrast somewhere, a text shadow, invisible text (afw4f7 Passed 2, 3, Inapplicable 3; 09o5cg Passed 3)', () => {
    for (const name of ['afw4f7-passed-2-background-image', 'afw4f7-passed-3-text-shadow-over-image', 'afw4f7-inapplicable-3-white-on-white', '09o5cg-passed-3-text-shadow-over-image']) {
      expect(contrast(name).filter(([, outcome]) => outcome === 'failed'), name).toEqual([]);
    }
  });
  it('stays needs-review when nothing was measured, and uses the large-text minimum', () => {
    const a = recorded('afw4f7-failed-2-gradient');
    delete (a.gathered.axe as Record<string, unknown>).contrastSamples;
    expect(axeAudit.audit(a, ctx).findings.filter((f) => f.ruleId === 'color-contrast').map((f) => f.outcome)).toEqual(['cantTell']);
    const base = { ruleIds: ['color-contrast'], domPath: 'p', pixels: 100, minContrast: 3.2, maxContrast: 3.4 };
    expect(sampleFails({ ...base, fontSizePx: 16 }, false)).toBe(true);
    expect(sampleFails({ ...base, fontSizePx: 24 }, false)).toBe(false);
    expect(sampleFails({ ...base, fontSizePx: 19, fontWeight: 700 }, false)).toBe(false);
    expect(sampleFails({ ...base, fontSizePx: 16, unmeasured: 'no text of its own' }, false)).toBe(false);
  });
});
