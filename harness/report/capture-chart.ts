/**
 * The capture-acceptance chart (pure): a persona's capture grid — Monk Skin Tone × lighting,
 * accepted / attempts per cell — as a dot plot with Wilson 95 % intervals, one panel per lighting,
 * and the same numbers as a table. The chart is data → SVG: role="img" with <title>/<desc>, every
 * text escaped; the table is the accessible equivalent. The numbers come from harness/camera/stats.ts,
 * as the capture-parity audit's do.
 */
import type { CaptureFacts } from '../camera/capture-runner.ts';
import { h } from './safe-text.ts';
import { parityRows, PARITY_THRESHOLD } from '../camera/stats.ts';

/** Ratio to the best tone under the same lighting below which a tone is marked (four-fifths rule, as an analogy). */
export const CHART_PARITY_THRESHOLD = PARITY_THRESHOLD;

export interface CaptureRow {
  lighting: string;
  mst: number;
  accepted: number;
  rejected: number;
  noResult: number;
  /** Captures that reached a verdict (accepted + rejected). */
  attempts: number;
  rate: number;
  low: number;
  high: number;
  ratioToBest: number | null;
  marked: boolean;
}

/** One row per planned cell (lighting × tone), in lighting order then tone order. */
export function captureRows(facts: CaptureFacts): CaptureRow[] {
  const lightings = [...new Set([...(facts.lightings ?? []), ...facts.attempts.map((a) => a.lighting)])];
  return parityRows(facts)
    .sort((a, b) => lightings.indexOf(a.lighting) - lightings.indexOf(b.lighting) || a.mst - b.mst)
    .map((r) => ({ lighting: r.lighting, mst: r.mst, accepted: r.accepted, rejected: r.rejected, noResult: r.noResult, attempts: r.attempts, rate: r.rate, low: r.low, high: r.high, ratioToBest: r.ratioToBest, marked: r.flagged }));
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The dot plot: one panel per lighting, tones 1–10 along, acceptance 0–100 % up, Wilson interval as a line. */
export function captureChartSvg(facts: CaptureFacts, id: string): string {
  const rows = captureRows(facts);
  const lightings = [...new Set(rows.map((r) => r.lighting))];
  const tones = [...new Set(rows.map((r) => r.mst))];
  const panelW = 300;
  const panelH = 170;
  const cols = Math.min(2, Math.max(1, lightings.length));
  const gridRows = Math.ceil(lightings.length / cols);
  const left = 48;
  const top = 56;
  const width = left + cols * (panelW + 20);
  const height = top + gridRows * (panelH + 56) + 10;
  const panels = lightings.map((lighting, i) => {
    const px = left + (i % cols) * (panelW + 20);
    const py = top + Math.floor(i / cols) * (panelH + 56);
    const x = (j: number) => px + 14 + (j + 0.5) * ((panelW - 28) / Math.max(1, tones.length));
    const y = (v: number) => py + panelH - v * panelH;
    const here = rows.filter((r) => r.lighting === lighting);
    const best = Math.max(0, ...here.filter((r) => r.attempts > 0).map((r) => r.rate));
    const grid = [0, 0.5, 1].map((v) => `<line x1="${px}" x2="${px + panelW}" y1="${y(v)}" y2="${y(v)}" stroke="#dddddd"/><text x="${px - 4}" y="${y(v) + 4}" text-anchor="end">${v * 100} %</text>`).join('');
    const threshold = best > 0 ? `<line x1="${px}" x2="${px + panelW}" y1="${y(best * CHART_PARITY_THRESHOLD)}" y2="${y(best * CHART_PARITY_THRESHOLD)}" stroke="#b50909" stroke-dasharray="4 3"/>` : '';
    const marks = here.map((r) => {
      const cx = x(tones.indexOf(r.mst));
      const label = `<text x="${cx}" y="${py + panelH + 16}" text-anchor="middle">${r.mst}</text>`;
      if (r.attempts === 0) return `${label}<text x="${cx}" y="${y(0.5)}" text-anchor="middle" fill="#4a4a4a">?</text>`;
      const whisker = `<line x1="${cx}" x2="${cx}" y1="${y(r.low)}" y2="${y(r.high)}" stroke="#4a4a4a" stroke-width="2"/>`;
      const dot = r.marked
        ? `<path d="M${cx} ${y(r.rate) - 7}L${cx + 7} ${y(r.rate)}L${cx} ${y(r.rate) + 7}L${cx - 7} ${y(r.rate)}Z" fill="#b50909"/>`
        : `<circle cx="${cx}" cy="${y(r.rate)}" r="5" fill="#1a4fd6"/>`;
      return label + whisker + dot;
    }).join('');
    return `<g><text x="${px}" y="${py - 10}" font-weight="bold">${h(lighting)} light</text><rect x="${px}" y="${py}" width="${panelW}" height="${panelH}" fill="none" stroke="#b3b3b3"/>${grid}${threshold}${marks}<text x="${px + panelW / 2}" y="${py + panelH + 34}" text-anchor="middle">Monk Skin Tone</text></g>`;
  }).join('');
  const legend = `<circle cx="${left + 6}" cy="18" r="5" fill="#1a4fd6"/><text x="${left + 16}" y="22">accepted share (line: 95 % interval)</text><path d="M${left + 256} 11L${left + 263} 18L${left + 256} 25L${left + 249} 18Z" fill="#b50909"/><text x="${left + 268}" y="22">below 0.8 × best tone (dashed)</text>${rows.some((r) => r.attempts === 0) ? `<text x="${left + 470}" y="22">? no verdict (not counted)</text>` : ''}`;
  const marked = rows.filter((r) => r.marked);
  const desc = `Share of photos accepted per Monk Skin Tone under each lighting (${facts.attemptsPerCell} attempts per cell, synthetic stimulus ${facts.stimulus}). ${lightings.map((l) => `${l}: ${rows.filter((r) => r.lighting === l).map((r) => `tone ${r.mst} ${r.accepted}/${r.attempts}`).join(', ')}`).join('; ')}. ${marked.length ? `Below 0.8 of the best tone: ${marked.map((r) => `tone ${r.mst} under ${r.lighting}`).join(', ')}.` : 'No tone is below 0.8 of the best tone under its lighting.'}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${h(id)}-title ${h(id)}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">
<title id="${h(id)}-title">Photo acceptance by skin tone and lighting</title>
<desc id="${h(id)}-desc">${h(desc)}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>${legend}${panels}</svg>`;
}

/** The chart's numbers as a table: a row per tone, a column per lighting, every cell's counts, interval and ratio. */
export function captureTable(facts: CaptureFacts, caption: string): string {
  const rows = captureRows(facts);
  const lightings = [...new Set(rows.map((r) => r.lighting))];
  const tones = [...new Set(rows.map((r) => r.mst))];
  const cell = (r: CaptureRow | undefined) => {
    if (!r) return '<td>not planned</td>';
    const verdict = r.attempts ? `${r.accepted} / ${r.attempts} accepted (${pct(r.rate)}; 95 % interval ${pct(r.low)} – ${pct(r.high)}; ratio to best ${r.ratioToBest === null ? 'n/a' : r.ratioToBest.toFixed(2)}${r.marked ? ', below 0.8' : ''})` : 'no verdict';
    return `<td${r.marked ? ' class="marked"' : ''}>${verdict}${r.noResult ? `; ${r.noResult} without result` : ''}</td>`;
  };
  return `<table class="data"><caption>${h(caption)}</caption><thead><tr><th scope="col">Monk Skin Tone</th>${lightings.map((l) => `<th scope="col">${h(l)} light</th>`).join('')}</tr></thead><tbody>${tones
    .map((mst) => `<tr><th scope="row">${mst}</th>${lightings.map((l) => cell(rows.find((r) => r.lighting === l && r.mst === mst))).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
