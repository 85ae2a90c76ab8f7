/**
 * Charts of the lottery report as SVG strings (pure): written as files and embedded in HTML. Each
 * has a <title> and <desc> (role="img", aria-labelledby) so a screen reader gets the chart's point,
 * and every text is escaped.
 */
import { escape } from 'html-escaper';
import type { DesignSummary } from './report.ts';

const e = (s: unknown) => escape(String(s ?? ''));
const COLOURS = ['#1a4fd6', '#b35c00', '#0b7a3b', '#7a1fa2', '#b50909', '#4a4a4a'];

function svgDocument(opts: { title: string; desc: string; width: number; height: number; body: string; id: string }): string {
  const id = opts.id;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${e(id)}-title ${e(id)}-desc" viewBox="0 0 ${opts.width} ${opts.height}" width="${opts.width}" height="${opts.height}" font-family="system-ui, sans-serif" font-size="12">
<title id="${e(id)}-title">${e(opts.title)}</title>
<desc id="${e(id)}-desc">${e(opts.desc)}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
${opts.body}
</svg>`;
}

/** A design title short enough for the label column (the full title is in <desc> and the table beside the chart). */
const label = (s: string, max = 34) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

/** Median, p90, p99 and max wait per design, as marks on one horizontal line per design (days). */
export function waitPercentileChart(designs: DesignSummary[], id = 'lottery-waits'): string {
  const left = 230;
  const width = 760;
  const rowH = 34;
  const top = 40;
  const height = top + designs.length * rowH + 50;
  const maxDays = Math.max(1, ...designs.map((d) => (Number.isFinite(d.waits.max.high) ? d.waits.max.high : 0)));
  const x = (days: number) => left + (Math.max(0, days) / maxDays) * (width - left - 30);
  const marks: Array<{ key: 'median' | 'p90' | 'p99' | 'max'; label: string; shape: (cx: number, cy: number, c: string) => string }> = [
    { key: 'median', label: 'median', shape: (cx, cy, c) => `<circle cx="${cx}" cy="${cy}" r="5" fill="${c}"/>` },
    { key: 'p90', label: 'p90', shape: (cx, cy, c) => `<rect x="${cx - 4}" y="${cy - 4}" width="8" height="8" fill="${c}"/>` },
    { key: 'p99', label: 'p99', shape: (cx, cy, c) => `<path d="M${cx} ${cy - 6}L${cx + 6} ${cy + 5}L${cx - 6} ${cy + 5}Z" fill="${c}"/>` },
    { key: 'max', label: 'max', shape: (cx, cy, c) => `<path d="M${cx - 5} ${cy - 5}L${cx + 5} ${cy + 5}M${cx + 5} ${cy - 5}L${cx - 5} ${cy + 5}" stroke="${c}" stroke-width="2"/>` },
  ];
  const rows = designs.map((d, i) => {
    const cy = top + i * rowH + rowH / 2;
    const c = COLOURS[i % COLOURS.length];
    const whiskers = marks
      .map((m) => {
        const v = d.waits[m.key];
        return Number.isFinite(v.low) && v.high > v.low ? `<line x1="${x(v.low)}" x2="${x(v.high)}" y1="${cy}" y2="${cy}" stroke="${c}" stroke-width="3" opacity="0.35"/>` : '';
      })
      .join('');
    return `<g><text x="${left - 8}" y="${cy + 4}" text-anchor="end">${e(label(d.title))}</text><line x1="${x(0)}" x2="${x(d.waits.max.mean)}" y1="${cy}" y2="${cy}" stroke="#c9c9c9"/>${whiskers}${marks.map((m) => (Number.isFinite(d.waits[m.key].mean) ? m.shape(x(d.waits[m.key].mean), cy, c) : '')).join('')}</g>`;
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = Math.round(maxDays * f);
    return `<g><line x1="${x(v)}" x2="${x(v)}" y1="${top - 6}" y2="${height - 44}" stroke="#eeeeee"/><text x="${x(v)}" y="${height - 30}" text-anchor="middle">${v}</text></g>`;
  });
  const legend = marks.map((m, i) => `${m.shape(left + i * 90, 18, '#1b1b1b')}<text x="${left + i * 90 + 10}" y="22">${e(m.label)}</text>`).join('');
  const desc = `Days from registration to an appointment, per design (mean over seeds, shaded: 95 % interval). ${designs.map((d) => `${d.title}: median ${fmt(d.waits.median.mean)}, p90 ${fmt(d.waits.p90.mean)}, p99 ${fmt(d.waits.p99.mean)}, max ${fmt(d.waits.max.mean)} days`).join('; ')}.`;
  return svgDocument({ id, title: 'Wait until an appointment, by design', desc, width, height, body: `${legend}${ticks.join('')}${rows.join('')}<text x="${(left + width) / 2}" y="${height - 10}" text-anchor="middle">days waited</text>` });
}

/** Share of served entries by weeks waited, one line per design. */
export function waitDistributionChart(designs: DesignSummary[], id = 'lottery-wait-distribution'): string {
  const width = 760;
  const height = 320;
  const left = 60;
  const bottom = height - 50;
  const top = 20;
  const weeks = Math.max(1, ...designs.map((d) => d.weeklyShare.length));
  const peak = Math.max(0.0001, ...designs.flatMap((d) => d.weeklyShare));
  const x = (w: number) => left + (w / weeks) * (width - left - 170);
  const y = (v: number) => bottom - (v / peak) * (bottom - top);
  const lines = designs.map((d, i) => {
    const c = COLOURS[i % COLOURS.length];
    const points = d.weeklyShare.map((v, w) => `${x(w + 0.5).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${c}" stroke-width="2" points="${points}"/><rect x="${width - 160}" y="${top + i * 18}" width="12" height="4" fill="${c}"/><text x="${width - 144}" y="${top + i * 18 + 6}">${e(label(d.title, 22))}</text>`;
  });
  const axis = `<line x1="${left}" x2="${x(weeks)}" y1="${bottom}" y2="${bottom}" stroke="#4a4a4a"/><line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#4a4a4a"/>
<text x="${left - 6}" y="${top + 4}" text-anchor="end">${(peak * 100).toFixed(1)} %</text><text x="${left - 6}" y="${bottom}" text-anchor="end">0</text>
${[0, 0.5, 1].map((f) => `<text x="${x(weeks * f)}" y="${bottom + 16}" text-anchor="middle">${Math.round(weeks * f)}</text>`).join('')}
<text x="${(left + x(weeks)) / 2}" y="${height - 12}" text-anchor="middle">weeks waited</text>`;
  const desc = `Share of the appointments given to people who had waited each number of weeks, per design (mean over seeds). ${designs.map((d) => `${d.title}: most common wait ${d.weeklyShare.indexOf(Math.max(...d.weeklyShare))} weeks, longest ${d.weeklyShare.length - 1} weeks`).join('; ')}.`;
  return svgDocument({ id, title: 'How long people waited, by design', desc, width, height, body: axis + lines.join('') });
}

/** Win-probability ratio of holding k accounts against one, per design (log scale; 1 = no advantage). */
export function kAdvantageChart(designs: DesignSummary[], id = 'lottery-k-advantage'): string {
  const ks = [...new Set(designs.flatMap((d) => d.k.map((k) => k.k)))].filter((k) => k > 1);
  const width = 760;
  const left = 230;
  const groupH = 14 * ks.length + 16;
  const top = 40;
  const height = top + designs.length * groupH + 50;
  const maxRatio = Math.max(2, ...designs.flatMap((d) => d.k.map((k) => (Number.isFinite(k.ratio.high) ? k.ratio.high : 1))));
  const logMax = Math.log10(maxRatio * 1.2);
  const x = (ratio: number) => left + (Math.log10(Math.max(ratio, 0.1)) + 1) / (logMax + 1) * (width - left - 60);
  const rows = designs.map((d, i) => {
    const y0 = top + i * groupH;
    const bars = ks.map((k, j) => {
      const s = d.k.find((v) => v.k === k);
      const y = y0 + j * 14;
      const c = COLOURS[j % COLOURS.length];
      if (!s || !Number.isFinite(s.ratio.mean)) return `<text x="${left + 4}" y="${y + 10}">k = ${k}: n/a</text>`;
      const whisker = s.ratio.high > s.ratio.low ? `<line x1="${x(s.ratio.low)}" x2="${x(s.ratio.high)}" y1="${y + 6}" y2="${y + 6}" stroke="#1b1b1b"/>` : '';
      return `<rect x="${x(0.1)}" y="${y}" width="${Math.max(0, x(s.ratio.mean) - x(0.1))}" height="11" fill="${c}"/>${whisker}<text x="${Math.max(x(s.ratio.mean), x(s.ratio.high)) + 4}" y="${y + 10}">×${fmt(s.ratio.mean, s.ratio.mean < 10 ? 2 : 0)}</text>`;
    });
    return `<g><text x="${left - 8}" y="${y0 + 12}" text-anchor="end">${e(label(d.title))}</text>${bars.join('')}</g>`;
  });
  const one = `<line x1="${x(1)}" x2="${x(1)}" y1="${top - 8}" y2="${height - 44}" stroke="#b50909" stroke-dasharray="4 3"/><text x="${x(1)}" y="${height - 30}" text-anchor="middle">×1 (no advantage)</text>`;
  const legend = ks.map((k, j) => `<rect x="${left + j * 110}" y="12" width="12" height="11" fill="${COLOURS[j % COLOURS.length]}"/><text x="${left + j * 110 + 16}" y="22">${e(`k = ${k} accounts`)}</text>`).join('');
  const desc = `How many times more often a person holding k accounts wins on a day than a person with one account (mean over seeds, line: 95 % interval; log scale; 1 means no advantage). ${designs.map((d) => `${d.title}: ${d.k.filter((k) => k.k > 1).map((k) => `k=${k.k} ×${fmt(k.ratio.mean, 2)}`).join(', ')}`).join('; ')}.`;
  return svgDocument({ id, title: 'Advantage of holding several accounts, by design', desc, width, height, body: legend + one + rows.join('') });
}
