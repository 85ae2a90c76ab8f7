import { describe, expect, it } from 'vitest';
import { collectExhibits } from './exhibits.ts';
import { lotteryExhibitHtml, captureExhibitHtml } from './exhibit-html.ts';
import { renderHtml } from './html.ts';
import { renderComplaintHtml } from './complaint.ts';
import { formatInterval } from '../lottery/stats.ts';
import type { RenderInput } from './render-input.ts';
import { hostileBundle } from './test-data/hostile-bundle.ts';
import { captureArtifacts, captureFacts, cropArtifacts, HOSTILE_TITLE, lotteryArtifacts, smallLotteryReport } from './test-data/exhibit-artifacts.ts';
import type { Finding } from '../types.ts';

const rows = (html: string, caption: RegExp) => {
  const table = [...html.matchAll(/<table[^>]*><caption>(.*?)<\/caption>(.*?)<\/table>/gs)].find((m) => caption.test(m[1]));
  if (!table) throw new Error(`no table ${caption}`);
  return [...table[2].matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].slice(1).map((m) => [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]));
};
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('exhibits from the artifacts', () => {
  it('finds the lottery report, the capture grid and the crops; ignores malformed and errored payloads', () => {
    const crop = { domPath: 'html>body:nth-of-type(1)>img:nth-of-type(1)', path: 'evidence/k/element-01.png', box: { x: 40, y: 40, width: 20, height: 20 }, clip: { x: 8, y: 8, width: 84, height: 84 } };
    const x = collectExhibits([
      lotteryArtifacts(),
      captureArtifacts(),
      cropArtifacts({ crops: [crop, { ...crop, box: { x: 'no' } } as never], skipped: [] }),
      cropArtifacts({ error: 'failed' } as never),
      { ...lotteryArtifacts(), gathered: { lottery: { error: 'did not run' } } },
      { ...captureArtifacts(), unreadable: 'bad json' },
    ]);
    expect(x.lottery).toHaveLength(1);
    expect(x.lottery[0]).toMatchObject({ checkpoint: 'lottery', flow: 'lottery', step: 'lottery' });
    expect(x.capture).toHaveLength(1);
    expect(x.capture[0]).toMatchObject({ persona: 'darker-skin', step: 'photo' });
    expect(x.crops).toEqual([{ checkpoint: 'details', persona: 'keyboard', flow: 'register', step: 'details', url: 'http://127.0.0.1:4000/', ...crop }]);
  });
});

describe('the lottery exhibit', () => {
  const report = smallLotteryReport();
  const html = lotteryExhibitHtml({ checkpoint: 'lottery', flow: 'lottery', step: 'lottery', url: '', report }, 1);

  it('puts each chart beside a table whose numbers are the report’s', () => {
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(3);
    for (const id of ['exhibit-lottery-1-k', 'exhibit-lottery-1-waits', 'exhibit-lottery-1-dist']) expect(html).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
    const k = rows(html, /k accounts/);
    expect(k.map((r) => unescape(r[0]))).toEqual(report.designs.map((d) => d.title));
    report.designs.forEach((d, i) => {
      expect(k[i][1]).toBe(`×${formatInterval(d.k.find((x) => x.k === 2)!.ratio, 2)}`);
      expect(k[i][2]).toBe(`×${formatInterval(d.k.find((x) => x.k === 5)!.ratio, 2)}`);
    });
    const waits = rows(html, /Days from registration/);
    report.designs.forEach((d, i) => expect(waits[i].slice(1, 5)).toEqual([d.waits.median, d.waits.p90, d.waits.p99, d.waits.max].map((v) => formatInterval(v))));
    const weeks = rows(html, /by weeks waited/);
    expect(weeks).toHaveLength(Math.max(...report.designs.map((d) => d.weeklyShare.length)));
    expect(weeks[1][1]).toBe(`${(report.designs[0].weeklyShare[1] * 100).toFixed(2)} %`);
    const shelters = rows(html, /duplicate-account rule/);
    expect(shelters.map((r) => r[2])).toEqual(report.shelters.rules.map((r) => `${r.shelterResidentsFlagged} / ${report.shelters.shelterResidents}`));
    expect(rows(html, /Published draw records/)[0].slice(0, 2)).toEqual(['2026-01-02', `differs: seed does not match: Model lottery`]);
  });

  it('escapes hostile design titles, target titles and record reasons, and passes no control character', () => {
    const hostile = smallLotteryReport(HOSTILE_TITLE);
    hostile.designs[0].title = HOSTILE_TITLE;
    const out = lotteryExhibitHtml({ checkpoint: 'lottery', url: '', report: hostile }, 2);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(&quot;chart&quot;)&lt;/script&gt;');
    expect(out).not.toMatch(/\u0007/);
  });
});

describe('report.html and the complaint with exhibits', () => {
  const bundle = hostileBundle();
  const lottery: Finding = { ...bundle.findings[0], fingerprint: 'l'.repeat(20), auditId: 'lottery-multiple-accounts', ruleId: 'lottery-multiple-accounts', engines: ['portico'], message: 'Holding 5 accounts wins 4.9 times as often as one', domPath: undefined, selector: undefined, context: { target: 'reference', flow: 'lottery', step: 'lottery', checkpoint: 'lottery', url: 'reference:/lottery/audit' } };
  const capture: Finding = { ...bundle.findings[0], fingerprint: 'p'.repeat(20), auditId: 'capture-parity', ruleId: 'capture-parity', engines: ['portico'], message: 'Under dim light, photos of darker skin tones are rejected', domPath: '(capture) dim', selector: undefined, context: { target: 'reference', persona: 'darker-skin', flow: 'register', step: 'photo', checkpoint: 'photo', url: 'http://127.0.0.1:4000/photo' } };
  const img = { ...bundle.findings[1], domPath: 'html>body:nth-of-type(1)>input:nth-of-type(1)' };
  bundle.findings = [lottery, capture, img, ...bundle.findings.slice(2)];
  const crop = { domPath: img.domPath, path: 'evidence/keyboard/element-01.png', box: { x: 40, y: 40, width: 20, height: 20 }, clip: { x: 8, y: 8, width: 84, height: 84 } };
  const exhibits = collectExhibits([lotteryArtifacts(), captureArtifacts(captureFacts(['even', 'side', 'dim', HOSTILE_TITLE])), cropArtifacts({ crops: [crop], skipped: [] })]);
  const input: RenderInput = { bundle, audits: [], title: 't', signing: { signed: false }, exhibits, files: new Set(['evidence/keyboard/element-01.png']) };

  it('report.html: the charts section, a link from each lottery and capture issue to its chart, the crop in the element’s issue', () => {
    const html = renderHtml(input);
    expect(html).toContain('<h2 id="exhibits-h">Charts and their numbers</h2>');
    expect(html).toContain('<a href="#exhibit-lottery-1">The lottery simulation: charts and tables</a>');
    expect(html).toContain('<a href="#exhibit-capture-1">The capture-acceptance chart and its table</a>');
    expect(html).toContain('id="exhibit-capture-1-chart-title"');
    expect(html).toMatch(/<figure class="crop"><svg [^>]*role="img"[^>]*>[\s\S]*?<image href="evidence\/keyboard\/element-01.png"/);
    expect(html).not.toContain('<script>alert');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length, 'ids are unique').toBe(new Set(ids).size);
  });

  it('no crop when the file is not in the run, or the element has no crop', () => {
    expect(renderHtml({ ...input, files: new Set() })).not.toContain('<figure class="crop">');
    expect(renderHtml({ ...input, exhibits: { ...exhibits, crops: [] } })).not.toContain('<figure class="crop">');
  });

  it('complaint: the charts with their tables, and the crop addressed by the asset URL only', () => {
    const html = renderComplaintHtml(input, { assetUrl: (p) => (p.startsWith('evidence/') ? `file:///run/${p}` : undefined) });
    expect(html).toContain('Charts and their numbers');
    expect(html).toContain('<image href="file:///run/evidence/keyboard/element-01.png"');
    expect(html.match(/<svg [^>]*role="img"/g)!.length).toBe(3 + 1 + 1);
    expect(html).not.toContain('<script>alert');
    expect(renderComplaintHtml(input, { assetUrl: () => undefined })).not.toContain('<figure class="crop">');
  });
});
