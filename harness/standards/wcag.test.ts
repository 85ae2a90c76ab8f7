import { describe, expect, it } from 'vitest';
import { WCAG_CRITERIA, compareSc, criteriaIn, introducedIn, wcagCriterion, wcagFromAxeTags } from './wcag.ts';

describe('WCAG criteria table', () => {
  it('holds all 87 criteria of WCAG 2.0, 2.1 and 2.2, each once', () => {
    expect(WCAG_CRITERIA).toHaveLength(87);
    expect(new Set(WCAG_CRITERIA.map((c) => c.sc)).size).toBe(87);
  });

  it('counts 61 criteria in 2.0, 78 in 2.1 and 86 in 2.2', () => {
    expect(WCAG_CRITERIA.filter((c) => c.versions.includes('2.0'))).toHaveLength(61);
    expect(WCAG_CRITERIA.filter((c) => c.versions.includes('2.1'))).toHaveLength(78);
    expect(WCAG_CRITERIA.filter((c) => c.versions.includes('2.2'))).toHaveLength(86);
  });

  it('counts criteria per level as the recommendations do', () => {
    // 2.0: 25 A, 13 AA, 23 AAA. 2.1 A+AA = 50 (EN 301 549 V3.2.1 clause 9). 2.2 A+AA = 55.
    const count = (v: '2.0' | '2.1' | '2.2', l: 'A' | 'AA' | 'AAA') =>
      WCAG_CRITERIA.filter((c) => c.versions.includes(v) && c.level === l).length;
    expect([count('2.0', 'A'), count('2.0', 'AA'), count('2.0', 'AAA')]).toEqual([25, 13, 23]);
    expect(criteriaIn('2.0', 'AA')).toHaveLength(38);
    expect(criteriaIn('2.1', 'AA')).toHaveLength(50);
    expect(criteriaIn('2.2', 'AA')).toHaveLength(55);
    expect(criteriaIn('2.2', 'A')).toHaveLength(31);
    expect(criteriaIn('2.2', 'AAA')).toHaveLength(86);
  });

  it('marks 4.1.1 Parsing obsolete: in 2.0 and 2.1, not in 2.2', () => {
    const parsing = wcagCriterion('4.1.1');
    expect(parsing).toMatchObject({ title: 'Parsing', level: 'A', versions: ['2.0', '2.1'], obsolete: true });
    expect(WCAG_CRITERIA.filter((c) => c.obsolete).map((c) => c.sc)).toEqual(['4.1.1']);
    expect(criteriaIn('2.2', 'AA').some((c) => c.sc === '4.1.1')).toBe(false);
    expect(criteriaIn('2.0', 'A').some((c) => c.sc === '4.1.1')).toBe(true);
  });

  it.each([
    ['1.1.1', 'Non-text Content', 'A', ['2.0', '2.1', '2.2']],
    ['1.4.3', 'Contrast (Minimum)', 'AA', ['2.0', '2.1', '2.2']],
    ['1.3.5', 'Identify Input Purpose', 'AA', ['2.1', '2.2']],
    ['2.1.4', 'Character Key Shortcuts', 'A', ['2.1', '2.2']],
    ['2.5.5', 'Target Size (Enhanced)', 'AAA', ['2.1', '2.2']],
    ['2.4.11', 'Focus Not Obscured (Minimum)', 'AA', ['2.2']],
    ['2.4.12', 'Focus Not Obscured (Enhanced)', 'AAA', ['2.2']],
    ['2.4.13', 'Focus Appearance', 'AAA', ['2.2']],
    ['2.5.7', 'Dragging Movements', 'AA', ['2.2']],
    ['2.5.8', 'Target Size (Minimum)', 'AA', ['2.2']],
    ['3.2.6', 'Consistent Help', 'A', ['2.2']],
    ['3.3.7', 'Redundant Entry', 'A', ['2.2']],
    ['3.3.8', 'Accessible Authentication (Minimum)', 'AA', ['2.2']],
    ['3.3.9', 'Accessible Authentication (Enhanced)', 'AAA', ['2.2']],
    ['4.1.3', 'Status Messages', 'AA', ['2.1', '2.2']],
  ])('%s is %s (%s) in %j', (sc, title, level, versions) => {
    expect(wcagCriterion(sc)).toMatchObject({ sc, title, level, versions });
  });

  it('names the 2.2-only criteria exactly', () => {
    expect(WCAG_CRITERIA.filter((c) => c.versions.length === 1 && c.versions[0] === '2.2').map((c) => c.sc)).toEqual([
      '2.4.11', '2.4.12', '2.4.13', '2.5.7', '2.5.8', '3.2.6', '3.3.7', '3.3.8', '3.3.9',
    ]);
  });

  it('links each criterion to its WCAG 2.2 Understanding document', () => {
    expect(wcagCriterion('1.1.1')?.understandingUrl).toBe('https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html');
    expect(wcagCriterion('2.2.2')?.understandingUrl).toBe('https://www.w3.org/WAI/WCAG22/Understanding/pause-stop-hide.html');
    expect(wcagCriterion('3.3.4')?.understandingUrl).toBe(
      'https://www.w3.org/WAI/WCAG22/Understanding/error-prevention-legal-financial-data.html',
    );
    expect(wcagCriterion('2.4.11')?.understandingUrl).toBe(
      'https://www.w3.org/WAI/WCAG22/Understanding/focus-not-obscured-minimum.html',
    );
    for (const c of WCAG_CRITERIA) expect(c.understandingUrl).toMatch(/^https:\/\/www\.w3\.org\/WAI\/WCAG22\/Understanding\/[a-z-]+\.html$/);
  });

  it('returns undefined for a number WCAG does not have', () => {
    expect(wcagCriterion('1.1.2')).toBeUndefined();
    expect(wcagCriterion('9.1.1.1')).toBeUndefined();
    expect(wcagCriterion('')).toBeUndefined();
  });

  it('says which version introduced a criterion', () => {
    expect(introducedIn(wcagCriterion('1.1.1')!)).toBe('2.0');
    expect(introducedIn(wcagCriterion('1.4.10')!)).toBe('2.1');
    expect(introducedIn(wcagCriterion('2.5.8')!)).toBe('2.2');
  });

  it('orders criteria numerically', () => {
    expect(['2.1.1', '1.4.10', '1.4.2', '1.1.1'].sort(compareSc)).toEqual(['1.1.1', '1.4.2', '1.4.10', '2.1.1']);
    expect(WCAG_CRITERIA.map((c) => c.sc)).toEqual([...WCAG_CRITERIA.map((c) => c.sc)].sort(compareSc));
  });

  it('reads criteria from axe tags and skips level tags', () => {
    expect(wcagFromAxeTags(['wcag2a', 'wcag412', 'wcag111', 'wcag2a-obsolete', 'wcag1412', 'wcag2411', 'wcag22aa', 'TTv5'])).toEqual([
      '1.1.1', '1.4.12', '2.4.11', '4.1.2',
    ]);
    expect(wcagFromAxeTags(['wcag999'])).toEqual([]);
  });
});
