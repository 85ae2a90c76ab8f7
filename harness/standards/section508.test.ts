import { describe, expect, it } from 'vitest';
import { SECTION508_PROVISIONS, section508For, section508Provision, section508Refs } from './section508.ts';
import { WCAG_CRITERIA } from './wcag.ts';

describe('Revised 508 through WCAG 2.0', () => {
  it('maps a WCAG 2.0 A criterion to E205.4 for web content and E207.2 for software', () => {
    expect(section508For('1.1.1')).toEqual({
      sc: '1.1.1',
      status: 'required',
      refs: ['E205.4 / WCAG 2.0 1.1.1'],
      beyondBaseline: false,
      obsoleteInWcag22: false,
    });
    expect(section508For('1.1.1', 'software').refs).toEqual(['E207.2 / WCAG 2.0 1.1.1']);
  });

  it('maps a WCAG 2.0 AA criterion', () => {
    expect(section508For('1.4.3').refs).toEqual(['E205.4 / WCAG 2.0 1.4.3']);
  });

  it('requires exactly the 38 WCAG 2.0 A and AA criteria', () => {
    const required = WCAG_CRITERIA.filter((c) => section508For(c.sc).status === 'required');
    expect(required).toHaveLength(38);
    expect(required.every((c) => c.versions.includes('2.0') && c.level !== 'AAA')).toBe(true);
  });

  it('flags 2.1- and 2.2-only criteria as beyond the baseline, with no 508 refs', () => {
    expect(section508For('1.4.10')).toMatchObject({ status: 'beyondBaseline', refs: [], beyondBaseline: true, addedIn: '2.1' });
    expect(section508For('2.5.8')).toMatchObject({ status: 'beyondBaseline', refs: [], beyondBaseline: true, addedIn: '2.2' });
    // Even a 2.2-only AAA criterion is beyond the baseline (not "required").
    expect(section508For('3.3.9')).toMatchObject({ status: 'beyondBaseline', refs: [] });
  });

  it('does not require AAA criteria', () => {
    expect(section508For('1.4.6')).toMatchObject({ status: 'notRequired', refs: [], beyondBaseline: false });
  });

  it('keeps 4.1.1 Parsing required through WCAG 2.0, marked obsolete in 2.2', () => {
    expect(section508For('4.1.1')).toMatchObject({
      status: 'required',
      refs: ['E205.4 / WCAG 2.0 4.1.1'],
      obsoleteInWcag22: true,
    });
  });

  it('gives nothing for an unknown number', () => {
    expect(section508For('22.a')).toMatchObject({ status: 'unknown', refs: [] });
  });

  it('dedupes and orders refs for a set of criteria', () => {
    expect(section508Refs(['4.1.2', '1.1.1', '2.5.8', '1.1.1', '1.4.10'])).toEqual([
      'E205.4 / WCAG 2.0 1.1.1',
      'E205.4 / WCAG 2.0 4.1.2',
    ]);
  });

  it("yields nothing from axe's pre-2017 section508.22.* tags", () => {
    expect(section508Refs(['section508', 'section508.22.a', 'section508.22.n'])).toEqual([]);
  });

  it('lists the non-WCAG provisions Portico cites, with titles', () => {
    expect(section508Provision('403.1')).toMatchObject({ section: '403 Biometrics' });
    expect(section508Provision('§602.3')?.title).toBe('Electronic Support Documentation');
    expect(section508Provision('602.2')?.title).toBe('Accessibility and Compatibility Features');
    expect(section508Provision('602.4')?.title).toBe('Alternate Formats for Non-Electronic Support Documentation');
    expect(section508Provision('603')?.title).toBe('Support Services');
    expect(section508Provision('E205.4')?.title).toBe('Accessibility Standard');
    expect(section508Provision('1194.22(a)')).toBeUndefined();
    expect(new Set(SECTION508_PROVISIONS.map((p) => p.id)).size).toBe(SECTION508_PROVISIONS.length);
  });
});
