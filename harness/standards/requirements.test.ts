import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { describeCriterion, requirementsFor } from './requirements.ts';
import { wcagFromAxeTags } from './wcag.ts';

const require = createRequire(import.meta.url);
const axe = require('axe-core') as { getRules(): Array<{ ruleId: string; tags: string[] }> };
const axeTags = (ruleId: string) => axe.getRules().find((r) => r.ruleId === ruleId)!.tags;

describe('requirementsFor', () => {
  it("maps axe's image-alt to every standard", () => {
    const tags = axeTags('image-alt');
    expect(requirementsFor(wcagFromAxeTags(tags), tags)).toEqual({
      wcag: ['1.1.1'],
      section508: ['E205.4 / WCAG 2.0 1.1.1'],
      trustedTester: ['7.A', '7.B'],
      en301549: ['9.1.1.1'],
      other: [],
    });
  });

  it("maps axe's link-name (two criteria, one TT test)", () => {
    const tags = axeTags('link-name');
    expect(requirementsFor(wcagFromAxeTags(tags), tags)).toEqual({
      wcag: ['2.4.4', '4.1.2'],
      section508: ['E205.4 / WCAG 2.0 2.4.4', 'E205.4 / WCAG 2.0 4.1.2'],
      trustedTester: ['6.A'],
      en301549: ['9.2.4.4', '9.4.1.2'],
      other: [],
    });
  });

  it("maps axe's target-size: beyond the 508 baseline, no V3.2.1 clause", () => {
    const tags = axeTags('target-size');
    expect(requirementsFor(wcagFromAxeTags(tags), tags)).toEqual({
      wcag: ['2.5.8'],
      section508: [],
      trustedTester: [],
      en301549: [],
      other: [],
    });
  });

  it('dedupes and sorts criteria numerically', () => {
    expect(requirementsFor(['4.1.2', '1.4.10', '1.1.1', '1.4.3', '1.1.1', ' 1.4.3 ']).wcag).toEqual(['1.1.1', '1.4.3', '1.4.10', '4.1.2']);
  });

  it('drops numbers that are not WCAG criteria', () => {
    expect(requirementsFor(['1.1.1', '9.9.9', 'section508.22.a']).wcag).toEqual(['1.1.1']);
  });

  it("ignores axe's section508 tags entirely", () => {
    const r = requirementsFor([], ['section508', 'section508.22.a', 'section508.22.n', 'section508.22.o']);
    expect(r).toEqual({ wcag: [], section508: [], trustedTester: [], en301549: [], other: [] });
  });

  it('gives a tag-less finding the one TT test about its criterion, and none where several are', () => {
    expect(requirementsFor(['1.4.3']).trustedTester).toEqual(['13.C']);
    expect(requirementsFor(['3.1.1', '2.4.7']).trustedTester).toEqual(['4.D', '11.A']);
    expect(requirementsFor(['1.1.1']).trustedTester).toEqual([]);
    expect(requirementsFor(['4.1.2']).trustedTester).toEqual([]);
  });

  it("prefers the engine's TT tags over the criterion table", () => {
    expect(requirementsFor(['1.3.1', '4.1.2'], ['TTv5', 'TT5.c']).trustedTester).toEqual(['5.C']);
  });

  it('merges EN tags with the clauses derived from criteria, keeping only V3.2.1 clauses', () => {
    expect(requirementsFor(['1.1.1'], ['EN-301-549', 'EN-9.4.1.2', 'EN-9.2.5.8']).en301549).toEqual(['9.1.1.1', '9.4.1.2']);
  });

  it('keeps 4.1.1 in 508 and EN V3.2.1', () => {
    expect(requirementsFor(['4.1.1'])).toMatchObject({
      section508: ['E205.4 / WCAG 2.0 4.1.1'],
      trustedTester: ['20.A'],
      en301549: ['9.4.1.1'],
    });
  });

  it('passes other references through, deduplicated', () => {
    expect(requirementsFor([], [], ['UASG 004', 'RFC 6531', 'UASG 004', ''])).toMatchObject({ other: ['UASG 004', 'RFC 6531'] });
  });
});

describe('describeCriterion', () => {
  it.each([
    ['1.1.1', '1.1.1 Non-text Content (A)', '508: E205.4'],
    ['1.4.3', '1.4.3 Contrast (Minimum) (AA)', '508: E205.4'],
    ['2.5.8', '2.5.8 Target Size (Minimum) (AA)', 'beyond the 508 baseline (WCAG 2.2)'],
    ['1.4.10', '1.4.10 Reflow (AA)', 'beyond the 508 baseline (WCAG 2.1)'],
    ['4.1.1', '4.1.1 Parsing (A)', 'obsolete in WCAG 2.2; still in 508 via WCAG 2.0'],
    ['1.4.6', '1.4.6 Contrast (Enhanced) (AAA)', 'not required by 508 (AAA)'],
    ['7.7.7', '7.7.7', 'not a WCAG 2.x success criterion'],
  ])('%s', (sc, label, section508) => {
    expect(describeCriterion(sc)).toEqual({ label, section508 });
  });
});
