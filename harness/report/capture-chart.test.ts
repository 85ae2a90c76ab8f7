import { describe, expect, it } from 'vitest';
import { captureChartSvg, captureRows, captureTable, wilsonInterval } from './capture-chart.ts';
import { parityRows, wilson, PARITY_THRESHOLD } from '../../audits/equity/capture-parity.ts';
import { CHART_PARITY_THRESHOLD } from './capture-chart.ts';
import { captureFacts, HOSTILE_TITLE, LIGHTINGS } from './test-data/exhibit-artifacts.ts';

const cells = (html: string) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]));

describe('capture-acceptance chart', () => {
  it('computes the same rows as the capture-parity audit (counts, Wilson interval, ratio to best, flags)', () => {
    const facts = captureFacts();
    const ours = captureRows(facts);
    const audit = parityRows(facts);
    expect(CHART_PARITY_THRESHOLD).toBe(PARITY_THRESHOLD);
    expect(ours).toHaveLength(40);
    for (const r of ours) {
      const a = audit.find((x) => x.lighting === r.lighting && x.mst === r.mst)!;
      expect({ accepted: r.accepted, attempts: r.attempts, noResult: r.noResult, marked: r.marked }).toEqual({ accepted: a.accepted, attempts: a.attempts, noResult: a.noResult, marked: a.flagged });
      expect(r.low).toBeCloseTo(a.low, 12);
      expect(r.high).toBeCloseTo(a.high, 12);
      expect(r.ratioToBest).toEqual(a.ratioToBest);
    }
    for (const [k, n] of [[0, 3], [1, 3], [3, 3], [0, 0], [7, 30]]) expect(wilsonInterval(k, n)).toEqual(wilson(k, n));
    expect(ours.filter((r) => r.marked).map((r) => `${r.lighting} ${r.mst}`)).toEqual(['dim 8', 'dim 9', 'dim 10']);
  });

  it('the table has one row per cell, and its numbers are the data', () => {
    const facts = captureFacts();
    const rows = cells(captureTable(facts, 'caption'));
    expect(rows).toHaveLength(40);
    const dim8 = rows.find((r) => r[0] === 'dim' && r[1] === '8')!;
    // 1 of 3 accepted: 33 %, Wilson 6 %–79 %, ratio to best (100 %) 0.33.
    expect(dim8.slice(2)).toEqual(['1 / 3', '33 %', '6 % – 79 %', '0.33 (below 0.8)', '0']);
    const backlit10 = rows.find((r) => r[0] === 'backlit' && r[1] === '10')!;
    expect(backlit10[2]).toBe('2 / 2');
    expect(backlit10[6]).toBe('1');
    const even5 = rows.find((r) => r[0] === 'even' && r[1] === '5')!;
    expect(even5.slice(2, 6)).toEqual(['3 / 3', '100 %', '44 % – 100 %', '1.00']);
  });

  it('is an accessible SVG: role img, title and desc, one mark per judged cell, the marked cells named in the description', () => {
    const svg = captureChartSvg(captureFacts(), 'c1');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Photo acceptance by skin tone and lighting</title>');
    expect(svg).toMatch(/<desc id="c1-desc">[^<]*tone 8 under dim, tone 9 under dim, tone 10 under dim/);
    expect(svg.match(/<circle /g)!.length + svg.match(/<path d="M[^"]*Z" fill="#b50909"\/>/g)!.length).toBe(40 + 2); // 40 cells + the two legend marks
    for (const l of LIGHTINGS) expect(svg).toContain(`>${l} light</text>`);
  });

  it('a passing grid is drawn too, saying no tone is below 0.8', () => {
    const facts = captureFacts();
    facts.attempts = facts.attempts.map((a) => ({ ...a, outcome: 'accepted' }));
    expect(captureRows(facts).some((r) => r.marked)).toBe(false);
    expect(captureChartSvg(facts, 'p')).toContain('No tone is below 0.8 of the best tone');
  });

  it('escapes hostile lighting names and stimulus text', () => {
    const facts = captureFacts(['even', HOSTILE_TITLE, 'dim', 'backlit'], HOSTILE_TITLE);
    for (const out of [captureChartSvg(facts, 'h'), captureTable(facts, HOSTILE_TITLE)]) {
      expect(out).not.toContain('<script>');
      expect(out).toContain('&lt;script&gt;alert(&quot;chart&quot;)&lt;/script&gt;');
      expect(out).not.toMatch(/\u0007/);
    }
  });
});
