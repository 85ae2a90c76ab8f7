import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { en301549Clause, en301549ClauseTitle, en301549For, en301549FromAxeTags, parseEn301549Tag } from './en301549.ts';
import { WCAG_CRITERIA, wcagFromAxeTags } from './wcag.ts';

const require = createRequire(import.meta.url);
const axe = require('axe-core') as { getRules(): Array<{ ruleId: string; tags: string[] }> };

describe('EN 301 549 V3.2.1 clause 9', () => {
  it('mirrors WCAG 2.1 A/AA criterion x.y.z as clause 9.x.y.z', () => {
    expect(en301549For('1.1.1')).toEqual({ sc: '1.1.1', status: 'covered', clause: '9.1.1.1' });
    expect(en301549Clause('1.4.12')).toBe('9.1.4.12');
    expect(en301549Clause('4.1.3')).toBe('9.4.1.3');
    expect(en301549Clause('4.1.1')).toBe('9.4.1.1');
  });

  it('covers exactly the 50 A/AA criteria of WCAG 2.1', () => {
    expect(WCAG_CRITERIA.filter((c) => en301549For(c.sc).status === 'covered')).toHaveLength(50);
  });

  it('has no clause for criteria WCAG 2.2 added', () => {
    for (const sc of ['2.4.11', '2.5.7', '2.5.8', '3.2.6', '3.3.7', '3.3.8']) {
      expect(en301549For(sc)).toEqual({ sc, status: 'notInV321' });
    }
  });

  it('has no clause for AAA criteria', () => {
    expect(en301549For('1.4.6')).toEqual({ sc: '1.4.6', status: 'notRequired' });
    expect(en301549Clause('2.5.5')).toBeUndefined();
  });

  it('names a clause after the criterion', () => {
    expect(en301549ClauseTitle('9.1.1.1')).toBe('9.1.1.1 Non-text Content');
    expect(en301549ClauseTitle('9.1.4.3')).toBe('9.1.4.3 Contrast (Minimum)');
    expect(en301549ClauseTitle('9.2.5.8')).toBeUndefined();
    expect(en301549ClauseTitle('11.1.1.1')).toBeUndefined();
  });

  it('parses axe EN tags', () => {
    expect(parseEn301549Tag('EN-9.1.1.1')).toBe('9.1.1.1');
    expect(parseEn301549Tag('EN-9.1.4.12')).toBe('9.1.4.12');
    expect(parseEn301549Tag('EN-301-549')).toBeUndefined();
    expect(parseEn301549Tag('EN-301-549v4')).toBeUndefined();
    // A V4-draft clause (axe tags target-size with it): not a V3.2.1 clause.
    expect(parseEn301549Tag('EN-9.2.5.8')).toBeUndefined();
    expect(en301549FromAxeTags(['EN-301-549', 'EN-9.4.1.2', 'EN-9.2.4.4', 'EN-9.4.1.2', 'wcag412'])).toEqual(['9.2.4.4', '9.4.1.2']);
  });

  it("agrees with every axe rule's WCAG tags", () => {
    for (const rule of axe.getRules()) {
      const fromTags = en301549FromAxeTags(rule.tags);
      const fromWcag = wcagFromAxeTags(rule.tags).flatMap((sc) => en301549Clause(sc) ?? []);
      // axe no longer tags its 4.1.1 rules (duplicate-id*) with EN-9.4.1.1; V3.2.1 still has that clause.
      expect(fromTags, rule.ruleId).toEqual(fromWcag.filter((c) => c !== '9.4.1.1' || rule.tags.includes('EN-9.4.1.1')));
    }
  });
});
