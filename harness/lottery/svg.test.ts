import { describe, expect, it } from 'vitest';
import { kAdvantageChart, waitDistributionChart, waitPercentileChart } from './svg.ts';
import type { DesignSummary } from './report.ts';
import { meanInterval } from './stats.ts';

const design = (id: string, title: string, ratio: number[]): DesignSummary => ({
  id,
  title,
  description: 'd',
  perPerson: false,
  waits: { median: meanInterval([10, 12]), p90: meanInterval([40, 44]), p99: meanInterval([80]), max: meanInterval([120, 130]) },
  served: meanInterval([100]),
  gaveUp: meanInterval([1]),
  stillWaiting: meanInterval([0]),
  k: [1, 2, 5, 466].map((k, i) => ({ k, winRate: meanInterval([0.01]), ratio: meanInterval([ratio[i], ratio[i] * 1.1]) })),
  groupsWon: 0,
  groupsSplit: 0,
  weeklyShare: [0.1, 0.5, 0.3, 0.1],
});
const hostile = design('target', '<script>alert("x")</script> & "Fish"', [1, 1, 1, 1]);
const designs = [hostile, design('uniform', 'Uniform random', [1, 2, 5, 300])];

describe('lottery charts', () => {
  for (const [name, chart] of [
    ['wait percentiles', waitPercentileChart(designs)],
    ['wait distribution', waitDistributionChart(designs)],
    ['k-account advantage', kAdvantageChart(designs)],
  ] as const) {
    it(`${name}: an accessible SVG with its text escaped`, () => {
      expect(chart.startsWith('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="')).toBe(true);
      const id = /aria-labelledby="([^"]+)-title /.exec(chart)![1];
      expect(chart).toContain(`<title id="${id}-title">`);
      expect(chart).toContain(`<desc id="${id}-desc">`);
      expect(chart).not.toContain('<script>');
      expect(chart).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Fish&quot;');
      expect(chart).not.toMatch(/NaN|undefined/);
      expect(chart.trimEnd().endsWith('</svg>')).toBe(true);
    });
  }
  it('the k-account chart describes each ratio in words', () => {
    const svg = kAdvantageChart(designs);
    expect(/<desc[^>]*>([^<]*)</.exec(svg)![1]).toMatch(/Uniform random: k=2 ×2\.10, k=5 ×5\.25, k=466 ×315\.00/);
  });
});
