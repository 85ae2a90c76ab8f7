import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { dedupeFindings } from './dedupe.ts';
import { isHeldBackHtmlcsError } from './corroborate.ts';
import { UNEARNED_HTMLCS_CHECKS, unearnedHtmlcsCheck } from './htmlcs-precision.ts';

const P = 'html>body:nth-of-type(1)>p:nth-of-type(1)';
const base = (over: Partial<Finding>): Finding => ({
  fingerprint: 'h', auditId: 'htmlcs', engines: ['htmlcs'], ruleId: 'valid-lang',
  engineRules: { htmlcs: 'WCAG2AA.Principle3.Guideline3_1.3_1_2.H58.1.Lang' }, outcome: 'cantTell', category: 'barrier',
  message: 'lang not valid', domPath: P,
  requirements: { wcag: ['3.1.2'], section508: [], trustedTester: [], en301549: [], other: [] },
  context: { checkpoint: 'page', url: 'http://x/' }, evidence: [], ...over,
});
const portico = (over: Partial<Finding>) => base({ fingerprint: 'p', auditId: 'page-language', engines: ['portico'], ruleId: 'lang-mismatch', engineRules: {}, outcome: 'failed', ...over });

describe('held-back HTML_CodeSniffer errors', () => {
  it('knows which codes are held back, by check, and which are not', () => {
    expect(unearnedHtmlcsCheck('WCAG2AA.Principle3.Guideline3_1.3_1_2.H58.1.Lang')?.falseFails).toBeGreaterThan(0);
    expect(unearnedHtmlcsCheck('WCAG2AA.Principle2.Guideline2_4.2_4_2.H25.1.EmptyTitle')).toBeUndefined();
    for (const c of UNEARNED_HTMLCS_CHECKS) expect(c.falseFails, c.check).toBeGreaterThan(0);
    expect(isHeldBackHtmlcsError(base({}))).toBe(true);
    expect(isHeldBackHtmlcsError(base({ outcome: 'failed' }))).toBe(false);
  });

  it('become barriers when another engine or a Portico audit fails the same element under the same criterion', () => {
    const [held] = dedupeFindings([base({}), portico({})]).filter((f) => f.auditId === 'htmlcs');
    expect(held.outcome).toBe('failed');
    expect(held.message).toMatch(/confirmed by portico \(lang-mismatch\)/);
  });

  it('stay cantTell when the other failure is elsewhere, under another criterion, or at another checkpoint', () => {
    const others = [
      portico({ domPath: 'html>body:nth-of-type(1)>div:nth-of-type(1)' }),
      portico({ fingerprint: 'q', requirements: { wcag: ['1.3.1'], section508: [], trustedTester: [], en301549: [], other: [] } }),
      portico({ fingerprint: 'r', context: { checkpoint: 'other', url: 'http://x/' } }),
    ];
    const [held] = dedupeFindings([base({}), ...others]).filter((f) => f.auditId === 'htmlcs');
    expect(held.outcome).toBe('cantTell');
  });

  it('are not confirmed by another HTML_CodeSniffer check', () => {
    const other = base({ fingerprint: 'z', ruleId: 'htmlcs:3.1.2.X', engineRules: { htmlcs: 'WCAG2AA.Principle3.Guideline3_1.3_1_2.X' }, outcome: 'failed' });
    const [held] = dedupeFindings([base({}), other]).filter((f) => f.fingerprint === 'h');
    expect(held.outcome).toBe('cantTell');
  });
});

describe('criteria of a merged finding', () => {
  it('come from the checks that reached its outcome, not from one that only said cantTell', () => {
    const axe = base({ fingerprint: 'm', auditId: 'axe', engines: ['axe'], ruleId: 'label', engineRules: { axe: 'label' }, outcome: 'failed', requirements: { wcag: ['4.1.2'], section508: [], trustedTester: [], en301549: [], other: [] } });
    const htmlcs = base({ fingerprint: 'm', ruleId: 'label', engineRules: { htmlcs: 'WCAG2AA.Principle1.Guideline1_3.1_3_1.F68' }, requirements: { wcag: ['1.3.1'], section508: [], trustedTester: [], en301549: [], other: [] } });
    for (const order of [[axe, htmlcs], [htmlcs, axe]]) {
      const [merged] = dedupeFindings(order);
      expect(merged.outcome).toBe('failed');
      expect(merged.engines).toEqual(['axe', 'htmlcs']);
      expect(merged.requirements.wcag).toEqual(['4.1.2']);
    }
  });
});
