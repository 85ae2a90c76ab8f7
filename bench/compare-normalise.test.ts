// Real outputs captured once from each tool (bench/fixtures/compare/; the axe CLI's passes and
// inapplicable lists and Lighthouse's passing-audit details trimmed away, as nothing reads them).
import { readFileSync } from 'node:fs';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import {
  compare, criteriaFromAxeTags, criterionFromHtmlcsCode, fromAxeCli, fromLighthouse, fromPa11yCi, fromPortico, pairsOf,
  type Item,
} from './compare-normalise.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`fixtures/compare/${name}`, import.meta.url), 'utf8'));
const axeTags = new Map(axe.getRules().map((r) => [r.ruleId, r.tags] as const));
const ACT_LABEL = 'http://127.0.0.1:33759/WAI/content-assets/wcag-act-rules/testcases/e086e5/004258203c8bf167307b6ed79f765115d16a6357.html';
const REFUSED = 'http://127.0.0.1:9/refused';
const pairs = (items: Item[]) => [...pairsOf(items).keys()].map((k) => k.replace('\u0000', ' ')).sort();

describe('criteria', () => {
  it('reads success criteria from axe tags, not level tags', () => {
    expect(criteriaFromAxeTags(['cat.text-alternatives', 'wcag2a', 'wcag111', 'section508'])).toEqual(['1.1.1']);
    expect(criteriaFromAxeTags(['wcag21aa', 'wcag1412', 'wcag22aa', 'wcag2411'])).toEqual(['1.4.12', '2.4.11']);
    expect(criteriaFromAxeTags(['best-practice'])).toEqual([]);
  });

  it('reads the criterion from an HTML_CodeSniffer code', () => {
    expect(criterionFromHtmlcsCode('WCAG2AA.Principle1.Guideline1_1.1_1_1.H37')).toBe('1.1.1');
    expect(criterionFromHtmlcsCode('WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail')).toBe('1.4.3');
    expect(criterionFromHtmlcsCode('WCAG2AA.Principle2.Guideline2_4.2_4_10')).toBe('2.4.10');
    expect(criterionFromHtmlcsCode('label')).toBeUndefined();
  });
});

describe('pa11y-ci --json', () => {
  it('keys each error issue to its criterion and reports the page it could not load as a crash', () => {
    const r = fromPa11yCi(fixture('pa11y-ci-htmlcs.json'), [ACT_LABEL, REFUSED], axeTags);
    expect(pairs(r.items)).toEqual([`${ACT_LABEL} 1.3.1`, `${ACT_LABEL} 4.1.2`]);
    expect(r.crashes).toEqual([{ tool: 'pa11y-ci', page: REFUSED, message: 'net::ERR_UNSAFE_PORT at http://127.0.0.1:9/refused' }]);
  });

  it("keys pa11y's axe runner issues through axe-core's rule metadata", () => {
    const r = fromPa11yCi(fixture('pa11y-ci-axe.json'), [ACT_LABEL], axeTags);
    expect(r.items.map((i) => [i.rule, i.criteria])).toEqual([['label', ['4.1.2']]]);
    expect(r.crashes).toEqual([]);
  });

  it('counts a page missing from the report as a crash, never as clean', () => {
    const r = fromPa11yCi(fixture('pa11y-ci-axe.json'), [ACT_LABEL, 'http://127.0.0.1:1/other'], axeTags);
    expect(r.crashes.map((c) => c.page)).toEqual(['http://127.0.0.1:1/other']);
  });
});

describe('axe CLI --stdout', () => {
  const pages = [REFUSED, 'http://127.0.0.1:38143/help'];
  it("one barrier per violating node, keyed by its wcag tags; Chrome's error page is a crash", () => {
    const r = fromAxeCli(fixture('axe-cli.json'), pages);
    expect(r.crashes).toEqual([{ tool: 'axe-cli', page: REFUSED, message: 'the page did not load (axe audited chrome-error://chromewebdata/)' }]);
    expect(r.items.filter((i) => i.rule === 'color-contrast')).toHaveLength(7);
    expect(pairs(r.items)).toEqual(['http://127.0.0.1:38143/help 1.4.3']);
    // label-title-only is best-practice: a failing item, but tied to no criterion.
    expect(r.items.find((i) => i.rule === 'label-title-only')?.criteria).toEqual([]);
  });
});

describe('Lighthouse CLI --output=json', () => {
  it('failed accessibility audits (score 0) are axe rules, keyed through their tags', () => {
    const r = fromLighthouse(fixture('lighthouse-account-new.json'), 'http://127.0.0.1:39721/account/new', axeTags);
    expect(r.crashes).toEqual([]);
    expect(pairs(r.items)).toEqual(['http://127.0.0.1:39721/account/new 1.1.1', 'http://127.0.0.1:39721/account/new 1.4.3']);
  });

  it('a runtime error (NO_FCP) is a crash with no barriers', () => {
    const page = 'http://127.0.0.1:46533/WAI/content-assets/wcag-act-rules/testcases/97a4e1/1ec8deb0b18514b612774d3af39b5ad41f2a792b.html';
    const r = fromLighthouse(fixture('lighthouse-no-fcp.json'), page, axeTags);
    expect(r.items).toEqual([]);
    expect(r.crashes).toHaveLength(1);
    expect(r.crashes[0].message).toMatch(/^NO_FCP: The page did not paint any content/);
  });
});

describe('portico audit --format json', () => {
  const r = fromPortico(fixture('portico.json'), [ACT_LABEL, REFUSED]);
  it('failed findings are barriers, cantTell apart, an incomplete page a crash', () => {
    expect(pairs(r.items)).toEqual([`${ACT_LABEL} 4.1.2`]);
    expect(pairs(r.cantTell)).toEqual([`${ACT_LABEL} 1.3.4`]);
    expect(r.crashes).toEqual([{ tool: 'portico', page: REFUSED, message: 'ERR_UNSAFE_PORT' }]);
  });

  it('compares: what others found that Portico did not, what it only called cantTell, what only it found', () => {
    const pa11y = fromPa11yCi(fixture('pa11y-ci-htmlcs.json'), [ACT_LABEL, REFUSED], axeTags);
    const other = { tool: 'axe-cli' as const, items: [{ tool: 'axe-cli' as const, page: ACT_LABEL, rule: 'css-orientation-lock', criteria: ['1.3.4'] }], crashes: [] };
    const c = compare(r, [pa11y, other]);
    expect([...c.missing.keys()]).toEqual([`${ACT_LABEL}\u00001.3.1`]);
    expect([...c.cantTellOnly.keys()]).toEqual([`${ACT_LABEL}\u00001.3.4`]);
    expect(c.onlyPortico.size).toBe(0);
    expect(c.others.size).toBe(3);
    const alone = compare(r, []);
    expect([...alone.onlyPortico.keys()]).toEqual([`${ACT_LABEL}\u00004.1.2`]);
  });
});
