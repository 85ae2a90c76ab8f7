import type { Page } from 'playwright';
import type { AxeRuleArtifact } from './types.ts';
import { evaluateInPage } from './in-page.ts';
import type { ArtifactOf } from '../artifacts/schemas.ts';

/**
 * What is really behind text that axe could not judge (its "needs review" color-contrast: a
 * background image or gradient, an element over it, a pseudo-element…): the text's own boxes are
 * shot with the text made transparent, and every background pixel under the text is compared with
 * the text colour (blended over that pixel by its alpha and the opacity of the element and its
 * ancestors). Facts only — the contrast range, the font size and weight; the axe audit judges.
 * Schema (and each field's meaning): harness/artifacts/schemas.ts, axe.contrastSamples.
 */
export type ContrastSample = NonNullable<ArtifactOf<'axe'>['contrastSamples']>[number];

const CONTRAST_RULES = new Set(['color-contrast', 'color-contrast-enhanced']);
const MAX_SAMPLES = 40;
const MARK = 'data-portico-contrast';

interface Prepared { rect?: { x: number; y: number; width: number; height: number }; foreground?: [number, number, number, number]; fontSizePx?: number; fontWeight?: number; shadowOrStroke?: boolean; unmeasured?: string }

export async function gatherContrastSamples(page: Page, incomplete: readonly AxeRuleArtifact[]): Promise<ContrastSample[]> {
  const byPath = new Map<string, { selector: string; ruleIds: string[]; domPath: string | null }>();
  for (const rule of incomplete) {
    if (!CONTRAST_RULES.has(rule.id)) continue;
    for (const node of rule.nodes) {
      const key = node.domPath ?? JSON.stringify(node.target);
      const seen = byPath.get(key);
      if (seen) { if (!seen.ruleIds.includes(rule.id)) seen.ruleIds.push(rule.id); continue; }
      // Only elements in the top document: a frame's or shadow tree's text is not shot here.
      const selector = node.target.length === 1 && typeof node.target[0] === 'string' ? node.target[0] : '';
      byPath.set(key, { selector, ruleIds: [rule.id], domPath: node.domPath ?? null });
    }
  }
  const samples: ContrastSample[] = [];
  if (byPath.size === 0) return samples;
  const scroll = await page.evaluate(() => [window.scrollX, window.scrollY] as const);
  for (const item of [...byPath.values()].slice(0, MAX_SAMPLES)) {
    const sample: ContrastSample = { ruleIds: item.ruleIds, domPath: item.domPath };
    samples.push(sample);
    if (!item.selector) { sample.unmeasured = 'inside a frame or shadow tree'; continue; }
    try {
      const prepared = await evaluateInPage(page, prepare, { selector: item.selector, mark: MARK });
      Object.assign(sample, { foreground: prepared.foreground, fontSizePx: prepared.fontSizePx, fontWeight: prepared.fontWeight, shadowOrStroke: prepared.shadowOrStroke });
      if (!prepared.rect) { sample.unmeasured = prepared.unmeasured ?? 'no text box'; continue; }
      const png = await page.screenshot({ clip: prepared.rect, animations: 'disabled', caret: 'hide', timeout: 10_000 });
      const measured = await evaluateInPage(page, measure, { png: png.toString('base64'), foreground: prepared.foreground! });
      Object.assign(sample, measured);
    } catch (error) {
      sample.unmeasured = `not measured: ${(error as Error).message.split('\n')[0]}`;
    } finally {
      await evaluateInPage(page, restore, { mark: MARK }).catch(() => {});
    }
  }
  await page.evaluate(([x, y]) => window.scrollTo(x, y), scroll).catch(() => {});
  return samples;
}

/** In the page: the text's boxes, its colour as drawn; hides the element's text (and shadows) for the shot. */
function prepare({ selector, mark }: { selector: string; mark: string }): Prepared {
  let el: Element | null = null;
  try { el = document.querySelector(selector); } catch { return { unmeasured: 'selector did not resolve' }; }
  if (!el) return { unmeasured: 'element not found' };
  const style = getComputedStyle(el);
  const parse = (c: string): [number, number, number, number] | null => {
    const m = c.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
    if (!m) return null;
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  };
  const colour = parse(style.color);
  const fontSizePx = parseFloat(style.fontSize);
  const fontWeight = Number(style.fontWeight) || (style.fontWeight === 'bold' ? 700 : 400);
  if (!colour) return { fontSizePx, fontWeight, unmeasured: `text colour ${style.color} not read` };
  let opacity = 1;
  for (let n: Element | null = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity) || 0;
  const foreground: [number, number, number, number] = [colour[0], colour[1], colour[2], colour[3] * opacity];
  const shadowOrStroke = [el, ...el.querySelectorAll('*')].some((n) => {
    const s = getComputedStyle(n);
    return (s.textShadow !== 'none' && s.textShadow !== '') || (parseFloat(s.webkitTextStrokeWidth) || 0) > 0;
  });
  el.scrollIntoView({ block: 'center', inline: 'center' });
  // The boxes of the element's own text (its direct text nodes: a descendant's text has its own colour and node).
  const rects: DOMRect[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.textContent?.trim() || t.parentNode !== el) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push(r);
  }
  if (rects.length === 0) return { foreground, fontSizePx, fontWeight, shadowOrStroke, unmeasured: 'no text of its own' };
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const left = Math.max(0, Math.min(...rects.map((r) => r.left)));
  const top = Math.max(0, Math.min(...rects.map((r) => r.top)));
  const right = Math.min(vw, Math.max(...rects.map((r) => r.right)));
  const bottom = Math.min(vh, Math.max(...rects.map((r) => r.bottom)));
  if (right - left < 1 || bottom - top < 1) return { foreground, fontSizePx, fontWeight, shadowOrStroke, unmeasured: 'text not in the viewport' };
  el.setAttribute(mark, '');
  const hide = document.createElement('style');
  hide.setAttribute(mark, 'style');
  hide.textContent = `[${mark}], [${mark}] * { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; caret-color: transparent !important; }`;
  document.head.append(hide);
  return { rect: { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) }, foreground, fontSizePx, fontWeight, shadowOrStroke };
}

function restore({ mark }: { mark: string }): void {
  for (const n of document.querySelectorAll(`[${mark}]`)) {
    if (n.localName === 'style' && n.getAttribute(mark) === 'style') n.remove();
    else n.removeAttribute(mark);
  }
}

/** In the page: decodes the shot and compares the text colour with every pixel of it. */
async function measure({ png, foreground }: { png: string; foreground: [number, number, number, number] }): Promise<{ pixels: number; minContrast: number; maxContrast: number }> {
  const img = new Image();
  img.src = `data:image/png;base64,${png}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
  const lin = (v: number) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const lum = (r: number, gr: number, b: number) => 0.2126 * lin(r) + 0.7152 * lin(gr) + 0.0722 * lin(b);
  const [fr, fg, fb, fa] = foreground;
  let min = Infinity, max = 0;
  const seen = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    let c = seen.get(key);
    if (c === undefined) {
      const br = data[i], bg = data[i + 1], bb = data[i + 2];
      const lb = lum(br, bg, bb);
      const lt = lum(fa * fr + (1 - fa) * br, fa * fg + (1 - fa) * bg, fa * fb + (1 - fa) * bb);
      c = (Math.max(lb, lt) + 0.05) / (Math.min(lb, lt) + 0.05);
      seen.set(key, c);
    }
    if (c < min) min = c;
    if (c > max) max = c;
  }
  return { pixels: data.length / 4, minContrast: Math.round(min * 1000) / 1000, maxContrast: Math.round(max * 1000) / 1000 };
}
