/**
 * Element crops: for the elements the engines flagged at a checkpoint, the element's box (a fact,
 * in page CSS pixels) and a PNG of a clip of the page around it, taken by Chromium itself
 * (`page.screenshot({ clip, fullPage })`: there is no image library in node_modules). Reporters
 * draw the outline over the crop from the box (harness/report/crop.ts). Cheap by construction:
 * only elements that a finding can cite (axe violations and incomplete, HTML_CodeSniffer errors
 * and warnings, keyboard pointer-only controls), at most `max` per checkpoint, one small
 * screenshot each. The clip never leaves the page; an element without a box gets no crop.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright';
import { evaluateInPage } from './in-page.ts';

export interface Box { x: number; y: number; width: number; height: number }

/** One flagged element, cropped by Chromium at the checkpoint (artifact key `elementCrops`). */
export interface ElementCrop {
  domPath: string;
  /** Run-relative path of the cropped PNG (the clip of the page). */
  path: string;
  /** The element's box and the clip, both in page (document) CSS pixels. */
  box: Box;
  clip: Box;
}

/** The artifact `elementCrops` as the gatherer records it. */
export interface ElementCropsArtifact {
  crops: ElementCrop[];
  /** Flagged elements without a crop: not found, no box, outside the page, over the cap. */
  skipped: Array<{ domPath: string; why: string }>;
  /** How long finding the boxes and taking the crops took. */
  ms?: number;
}

export interface ElementCropOptions {
  /** Directory the PNGs go into (the checkpoint's evidence directory). */
  dir: string;
  /** The run directory: crop paths are recorded relative to it. */
  outDir: string;
  /** Crops per checkpoint (default 8). */
  max?: number;
  /** CSS pixels of page around the element (default 32). */
  pad?: number;
  /** Per screenshot (default 5 s). */
  timeoutMs?: number;
}

/** The distinct element paths a finding could cite, in the order the engines reported them. */
export function flaggedDomPaths(gathered: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (p: unknown) => { if (typeof p === 'string' && p && !out.includes(p)) out.push(p); };
  const axe = gathered.axe as { violations?: Array<{ nodes?: Array<{ domPath?: string | null }> }>; incomplete?: Array<{ nodes?: Array<{ domPath?: string | null }> }> } | undefined;
  for (const rule of [...(axe?.violations ?? []), ...(axe?.incomplete ?? [])]) for (const n of rule.nodes ?? []) add(n.domPath);
  const htmlcs = gathered.htmlcs as { issues?: Array<{ type?: string; domPath?: string | null }> } | undefined;
  for (const i of htmlcs?.issues ?? []) if (i.type === 'error' || i.type === 'warning') add(i.domPath);
  const keyboard = gathered.keyboard as { pointerOnly?: Array<{ domPath?: string }> } | undefined;
  for (const p of keyboard?.pointerOnly ?? []) add(p.domPath);
  return out;
}

/** Pads the box and keeps the clip inside the page; undefined when the element has no visible box on the page. */
export function clipAround(box: Box, page: { width: number; height: number }, pad: number): Box | undefined {
  if (!(box.width > 0 && box.height > 0 && page.width > 0 && page.height > 0)) return undefined;
  const x1 = Math.max(0, Math.floor(box.x - pad));
  const y1 = Math.max(0, Math.floor(box.y - pad));
  const x2 = Math.min(page.width, Math.ceil(box.x + box.width + pad));
  const y2 = Math.min(page.height, Math.ceil(box.y + box.height + pad));
  // Clips wider or taller than a readable crop keep the element's start in view.
  const w = Math.min(x2 - x1, 1200);
  const h = Math.min(y2 - y1, 900);
  if (w < 1 || h < 1) return undefined;
  return { x: x1, y: y1, width: w, height: h };
}

export async function gatherElementCrops(page: Page, domPaths: string[], o: ElementCropOptions): Promise<ElementCropsArtifact> {
  const started = performance.now();
  const max = o.max ?? 8;
  const pad = o.pad ?? 32;
  const result: ElementCropsArtifact = { crops: [], skipped: [] };
  if (!domPaths.length) return result;
  const wanted = domPaths.slice(0, max);
  for (const p of domPaths.slice(max)) result.skipped.push({ domPath: p, why: `over the cap of ${max} crops per checkpoint` });
  const facts = await evaluateInPage(page, (paths: string[]) => {
    const doc = document.documentElement;
    const size = { width: Math.max(doc.scrollWidth, document.body?.scrollWidth ?? 0, doc.clientWidth), height: Math.max(doc.scrollHeight, document.body?.scrollHeight ?? 0, doc.clientHeight) };
    const boxes = paths.map((path) => {
      let el: Element | null = null;
      try { el = document.querySelector(path); } catch { el = null; }
      // The path must name this very element (a page could make a selector match another).
      if (!el || __porticoDomPath(el) !== path) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    return { size, boxes };
  }, wanted);
  await mkdir(o.dir, { recursive: true });
  for (let i = 0; i < wanted.length; i++) {
    const box = facts.boxes[i];
    if (!box) { result.skipped.push({ domPath: wanted[i], why: 'not found in the page' }); continue; }
    const clip = clipAround(box, facts.size, pad);
    if (!clip) { result.skipped.push({ domPath: wanted[i], why: 'no visible box on the page' }); continue; }
    const file = join(o.dir, `element-${String(result.crops.length + 1).padStart(2, '0')}.png`);
    const ok = await page.screenshot({ path: file, clip, fullPage: true, timeout: o.timeoutMs ?? 5000 }).then(() => true, () => false);
    if (!ok) { result.skipped.push({ domPath: wanted[i], why: 'the screenshot failed' }); continue; }
    const crop: ElementCrop = { domPath: wanted[i], path: relative(o.outDir, file).split('\\').join('/'), box, clip };
    result.crops.push(crop);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
