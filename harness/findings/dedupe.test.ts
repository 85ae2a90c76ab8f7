import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { dedupeFindings } from './dedupe.ts';

const finding = (over: Partial<Finding>): Finding => ({
  fingerprint: 'fp1',
  auditId: 'axe',
  engines: ['axe'],
  ruleId: 'image-alt',
  engineRules: { axe: 'image-alt' },
  outcome: 'failed',
  category: 'barrier',
  impact: 'serious',
  message: 'Images must have alternative text',
  requirements: { wcag: ['1.1.1'], section508: ['E205.4'], trustedTester: ['7.A'], en301549: ['9.1.1.1'], other: [] },
  context: { checkpoint: 'page', url: 'http://x/' },
  evidence: [],
  ...over,
});

describe('dedupeFindings', () => {
  it('merges the same violation from three engines into one finding listing all three', () => {
    const merged = dedupeFindings([
      finding({}),
      finding({ auditId: 'lighthouse-accessibility', engines: ['lighthouse'], engineRules: { lighthouse: 'image-alt' } }),
      finding({ auditId: 'htmlcs', engines: ['htmlcs'], engineRules: { htmlcs: 'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37' }, impact: undefined, message: 'Img element missing an alt attribute.' }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0].engines).toEqual(['axe', 'lighthouse', 'htmlcs']);
    expect(merged[0].engineRules).toEqual({ axe: 'image-alt', lighthouse: 'image-alt', htmlcs: 'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37' });
    expect(merged[0].message).toBe('Images must have alternative text');
  });
  it('keeps different fingerprints apart', () => {
    expect(dedupeFindings([finding({}), finding({ fingerprint: 'fp2' })])).toHaveLength(2);
  });
  it('takes the strongest impact and unions the requirements', () => {
    const [m] = dedupeFindings([
      finding({ impact: 'moderate' }),
      finding({ engines: ['htmlcs'], impact: 'critical', requirements: { wcag: ['4.1.2'], section508: [], trustedTester: [], en301549: [], other: ['x'] } }),
    ]);
    expect(m.impact).toBe('critical');
    expect(m.requirements.wcag).toEqual(['1.1.1', '4.1.2']);
    expect(m.requirements.other).toEqual(['x']);
  });
  it('does not mutate its input', () => {
    const a = finding({});
    dedupeFindings([a, finding({ engines: ['htmlcs'] })]);
    expect(a.engines).toEqual(['axe']);
  });
});
