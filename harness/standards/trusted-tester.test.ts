import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  TRUSTED_TESTER_BY_CRITERION,
  TRUSTED_TESTER_TESTS,
  compareTrustedTesterIds,
  parseTrustedTesterTag,
  trustedTesterFromAxeTags,
  trustedTesterTest,
  trustedTesterTestsCiting,
  trustedTesterTestsFor,
} from './trusted-tester.ts';
import { wcagCriterion, wcagFromAxeTags } from './wcag.ts';

const require = createRequire(import.meta.url);
const axe = require('axe-core') as { getRules(): Array<{ ruleId: string; tags: string[] }> };

describe('Trusted Tester tags', () => {
  it('parses axe TT tags into test ids', () => {
    expect(parseTrustedTesterTag('TT7.a')).toBe('7.A');
    expect(parseTrustedTesterTag('TT4.a')).toBe('4.A');
    expect(parseTrustedTesterTag('TT10.b')).toBe('10.B');
    expect(parseTrustedTesterTag('TT17.a')).toBe('17.A');
    expect(parseTrustedTesterTag('TTv5')).toBeUndefined();
    expect(parseTrustedTesterTag('wcag111')).toBeUndefined();
    expect(parseTrustedTesterTag('TT7')).toBeUndefined();
  });

  it('collects, dedupes and orders the ids in a tag list', () => {
    expect(trustedTesterFromAxeTags(['wcag2a', 'TTv5', 'TT7.b', 'TT12.d', 'TT7.a', 'TT7.a', 'TT2.a'])).toEqual(['2.A', '7.A', '7.B', '12.D']);
    expect(['12.D', '2.A', '10.A', '7.B', '7.A'].sort(compareTrustedTesterIds)).toEqual(['2.A', '7.A', '7.B', '10.A', '12.D']);
  });

  it("knows every TT tag axe-core uses, and each agrees with the rule's WCAG tags", () => {
    for (const rule of axe.getRules()) {
      const ruleWcag = wcagFromAxeTags(rule.tags);
      for (const id of trustedTesterFromAxeTags(rule.tags)) {
        const test = trustedTesterTest(id);
        expect(test, `${rule.ruleId}: ${id}`).toBeDefined();
        // Every TT-tagged axe rule tests at least one criterion its TT test covers (axe tags
        // form-field-multiple-labels, a 3.3.2 rule, with 5.C; 5.C covers 1.3.1/4.1.2 — allow that one).
        if (rule.ruleId !== 'form-field-multiple-labels') {
          expect(test!.wcag.some((sc) => ruleWcag.includes(sc)), `${rule.ruleId}: ${id}`).toBe(true);
        }
      }
    }
  });
});

describe('Trusted Tester table', () => {
  it('has unique ids and cites only real WCAG 2.0 A/AA criteria', () => {
    expect(new Set(TRUSTED_TESTER_TESTS.map((t) => t.id)).size).toBe(TRUSTED_TESTER_TESTS.length);
    for (const t of TRUSTED_TESTER_TESTS) {
      for (const sc of t.wcag) {
        const c = wcagCriterion(sc);
        expect(c, `${t.id} ${sc}`).toBeDefined();
        expect(c!.versions).toContain('2.0');
        expect(c!.level).not.toBe('AAA');
      }
      if (t.wcag.length) expect(t.name.startsWith(t.wcag[0] + '-'), t.id).toBe(true);
    }
  });

  it.each([
    ['4.A', '2.1.1'],
    ['4.D', '2.4.7'],
    ['5.C', '1.3.1'],
    ['6.A', '2.4.4'],
    ['7.A', '1.1.1'],
    ['11.A', '3.1.1'],
    ['12.A', '2.4.2'],
    ['12.D', '4.1.2'],
    ['13.C', '1.4.3'],
    ['14.B', '1.3.1'],
    ['17.A', '1.2.2'],
  ])('test %s is about %s', (id, sc) => {
    expect(trustedTesterTest(id)?.wcag[0]).toBe(sc);
  });

  it('finds the tests for a criterion', () => {
    expect(trustedTesterTestsFor('1.1.1').map((t) => t.id)).toEqual(['7.A', '7.B', '7.C', '7.D']);
    expect(trustedTesterTestsFor('2.4.3').map((t) => t.id)).toEqual(['4.F', '4.G', '4.H']);
    expect(trustedTesterTestsCiting('2.4.4').map((t) => t.id)).toEqual(['6.A']);
    expect(trustedTesterTestsFor('1.4.10')).toEqual([]);
  });

  it('maps a criterion to a test id only when exactly one test is about it', () => {
    expect(TRUSTED_TESTER_BY_CRITERION.get('1.4.3')).toBe('13.C');
    expect(TRUSTED_TESTER_BY_CRITERION.get('2.4.7')).toBe('4.D');
    expect(TRUSTED_TESTER_BY_CRITERION.get('3.1.1')).toBe('11.A');
    expect(TRUSTED_TESTER_BY_CRITERION.get('3.1.2')).toBe('11.B');
    expect(TRUSTED_TESTER_BY_CRITERION.get('2.1.2')).toBe('4.C');
    expect(TRUSTED_TESTER_BY_CRITERION.get('4.1.1')).toBe('20.A');
    expect(TRUSTED_TESTER_BY_CRITERION.has('1.1.1')).toBe(false);
    expect(TRUSTED_TESTER_BY_CRITERION.has('1.3.1')).toBe(false);
    expect(TRUSTED_TESTER_BY_CRITERION.has('4.1.2')).toBe(false);
    expect(TRUSTED_TESTER_BY_CRITERION.has('2.4.2')).toBe(false);
    expect(TRUSTED_TESTER_BY_CRITERION.has('1.4.10')).toBe(false);
  });
});
