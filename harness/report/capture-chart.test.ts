import { describe, expect, it } from 'vitest';
import { captureChartSvg, captureRows, captureTable } from './capture-chart.ts';
import { parityRows, PARITY_THRESHOLD } from '../camera/stats.ts';
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
    expect(ours.map((r) => `${r.lighting} ${r.mst}`)).toEqual(LIGHTINGS.flatMap((l) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => `${l} ${m}`)));
    expect(ours.filter((r) => r.marked).map((r) => `${r.lighting} ${r.mst}`)).toEqual(['dim 8', 'dim 9', 'dim 10']);
  });

  it('the table has a row per tone, a column per lighting, and its numbers are the data', () => {
    const facts = captureFacts();
    const html = captureTable(facts, 'caption');
    expect([...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['Monk Skin Tone', 'even light', 'side light', 'dim light', 'backlit light']);
    const rows = cells(html);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // 1 of 3 accepted under dim light: 33 %, Wilson 6 %–79 %, ratio to the best tone (100 %) 0.33.
    expect(rows[7][3]).toBe('1 / 3 accepted (33 %; 95 % interval 6 % – 79 %; ratio to best 0.33, below 0.8)');
    expect(rows[9][4]).toBe('2 / 2 accepted (100 %; 95 % interval 34 % – 100 %; ratio to best 1.00); 1 without result');
    expect(rows[4][1]).toBe('3 / 3 accepted (100 %; 95 % interval 44 % – 100 %; ratio to best 1.00)');
    for (const r of captureRows(facts)) {
      const text = rows[r.mst - 1][LIGHTINGS.indexOf(r.lighting) + 1];
      expect(text.startsWith(`${r.accepted} / ${r.attempts} accepted`)).toBe(true);
    }
    expect(html.match(/class="marked"/g)).toHaveLength(3);
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
