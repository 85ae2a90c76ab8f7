import type { Page } from 'playwright';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/**
 * Shared layout measurement for the low-vision probes (reflow, text-resize, text-spacing).
 *
 * `measureLayout` runs IN the page (it is passed to page.evaluate, so it is self-contained): it
 * walks the rendered DOM once and returns plain JSON describing
 *  - text clipped by its own box (overflow hidden/clip, or text-overflow: ellipsis, with
 *    scrollWidth/scrollHeight beyond clientWidth/clientHeight),
 *  - boxes that extend beyond the viewport's inline edges (content pushed off-screen),
 *  - text that overlaps other text (line boxes of two unrelated text elements intersecting),
 *  - what was deliberately not judged (data tables, pre/code, media, own scroll regions, content
 *    hidden off-screen on purpose such as skip links and visually-hidden text), with the reason.
 */

/** One measurement of the page's layout (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type LayoutMeasure = ArtifactOf<'reflow'>['narrow'];
export type LayoutIssue = LayoutMeasure['clipped'][number];
export type LayoutIssueKind = LayoutIssue['kind'];

export interface MeasureOptions {
  tolerance: number;
  maxItems: number;
  offScreen: boolean;
  overlaps: boolean;
}

/** Runs in the page. Keep it self-contained: no closures over module scope. */
export function measureLayout(opts: MeasureOptions): LayoutMeasure {
  const tol = opts.tolerance;
  const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'title', 'br', 'wbr', 'option', 'optgroup', 'datalist', 'source', 'track', 'param']);
  const MEDIA = new Set(['img', 'svg', 'canvas', 'video', 'audio', 'iframe', 'object', 'embed', 'picture', 'map', 'math']);
  const CODE = new Set(['pre', 'code', 'kbd', 'samp']);
  const pathOf = __porticoDomPath;
  const { norm, truncate, clip } = __portico;
  const textOf = (el: Element) => clip((el as HTMLElement).innerText ?? el.textContent, 120);
  const snippetOf = (el: Element) => {
    const html = el.outerHTML;
    const end = html.indexOf('>');
    return truncate(end >= 0 ? html.slice(0, end + 1) : html, 160);
  };
  const round = (r: DOMRect) => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });
  const docEl = document.documentElement;
  const vw = docEl.clientWidth;
  const scrollX = window.scrollX;
  const scrollY = window.scrollY;
  const visuallyHidden = (el: Element, cs: CSSStyleDeclaration, r: DOMRect) => {
    if (r.width <= 1 || r.height <= 1) return true;
    if (cs.clip && cs.clip !== 'auto' && /rect\(\s*0(px)?[ ,]+0(px)?/.test(cs.clip)) return true;
    if (cs.clipPath && /inset\(\s*(50%|100%)/.test(cs.clipPath)) return true;
    return false;
  };
  const hasOwnText = (el: Element) => {
    for (const n of Array.from(el.childNodes)) if (n.nodeType === 3 && norm(n.nodeValue).length > 0) return true;
    return false;
  };
  const clipped: LayoutIssue[] = [];
  const offScreen: LayoutIssue[] = [];
  const exempt: LayoutIssue[] = [];
  const textEls: Array<{ el: Element; rects: DOMRect[] }> = [];
  let elements = 0;
  const issue = (kind: LayoutIssueKind, el: Element, r: DOMRect, extra: Partial<LayoutIssue> = {}): LayoutIssue => ({
    kind, domPath: pathOf(el), tag: el.localName, text: textOf(el), snippet: snippetOf(el), rect: round(r), ...extra,
  });
  // state: exempted (reason) and whether an ancestor already accounts for overflow of this subtree.
  const walk = (el: Element, exemptReason: string | null, accounted: boolean) => {
    const tag = el.localName;
    if (SKIP.has(tag)) return;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return;
    elements++;
    const r = el.getBoundingClientRect();
    const hiddenVis = cs.visibility === 'hidden' || cs.visibility === 'collapse';
    const vh = visuallyHidden(el, cs, r);
    const hasText = norm((el as HTMLElement).innerText ?? el.textContent).length > 0;
    let reason = exemptReason;
    if (!reason) {
      if (MEDIA.has(tag) || el.getAttribute('role') === 'img' || el.getAttribute('role') === 'application') reason = `${tag === 'map' ? 'map' : 'media'} (<${tag}>) may need two-dimensional layout`;
      else if (CODE.has(tag)) reason = `preformatted/code (<${tag}>) may need two-dimensional layout`;
      else if (tag === 'table' && (el.querySelector('th') || (el as HTMLTableElement).rows?.[0]?.cells.length > 2) && el.getAttribute('role') !== 'presentation') reason = 'data table (two-dimensional by nature)';
    }
    const positioned = cs.position === 'absolute' || cs.position === 'fixed';
    const left = r.left + scrollX;
    const right = r.right + scrollX;
    const outsideEntirely = right <= 0 || left >= vw;
    let nextAccounted = accounted;
    if (!hiddenVis && !vh) {
      // Off-screen: the box extends past the viewport's inline edges (outermost element only).
      if (opts.offScreen && !accounted && (right > vw + tol || left < -tol) && r.width > 0 && r.height > 0) {
        if (positioned && outsideEntirely) {
          // Deliberately parked off-screen (skip links, off-canvas menus): not reading content.
          nextAccounted = true;
        } else if (reason) {
          exempt.push(issue('off-screen', el, r, { reason }));
          nextAccounted = true;
        } else if (hasText || el.children.length > 0) {
          offScreen.push(issue('off-screen', el, r));
          nextAccounted = true;
        }
      }
      // Clipped: the element hides overflowing content of its own.
      const ox = cs.overflowX;
      const oy = cs.overflowY;
      const hidesX = ox === 'hidden' || ox === 'clip';
      const hidesY = oy === 'hidden' || oy === 'clip';
      const ellipsis = cs.textOverflow === 'ellipsis' && ox !== 'visible';
      const lineClamp = (cs as unknown as Record<string, string>).webkitLineClamp;
      const overX = el.scrollWidth > el.clientWidth + tol;
      const overY = el.scrollHeight > el.clientHeight + tol;
      const scrollsX = ox === 'auto' || ox === 'scroll';
      if (hasText && ((hidesX && overX) || (hidesY && overY) || (ellipsis && overX) || (lineClamp && lineClamp !== 'none' && overY))) {
        const box = { clientWidth: el.clientWidth, scrollWidth: el.scrollWidth, clientHeight: el.clientHeight, scrollHeight: el.scrollHeight, overflowX: ox, overflowY: oy, textOverflow: cs.textOverflow };
        if (reason) exempt.push(issue('clipped', el, r, { box, reason }));
        else clipped.push(issue('clipped', el, r, { box }));
      }
      if (scrollsX && overX && !reason && tag !== 'html' && tag !== 'body') {
        // Its own horizontal scroll region: children are reachable by scrolling that region.
        exempt.push(issue('off-screen', el, r, { reason: 'own horizontal scroll region (content reachable by scrolling it)', box: { clientWidth: el.clientWidth, scrollWidth: el.scrollWidth, clientHeight: el.clientHeight, scrollHeight: el.scrollHeight, overflowX: ox, overflowY: oy, textOverflow: cs.textOverflow } }));
        nextAccounted = true;
      }
      if (hidesX && tag !== 'html' && tag !== 'body') nextAccounted = true;
      if (opts.overlaps && !reason && cs.opacity !== '0' && hasOwnText(el) && textEls.length < 1500) {
        const rects: DOMRect[] = [];
        for (const n of Array.from(el.childNodes)) {
          if (n.nodeType !== 3 || norm(n.nodeValue).length === 0) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const lr of Array.from(range.getClientRects())) if (lr.width > 1 && lr.height > 1 && rects.length < 40) rects.push(lr);
        }
        if (rects.length) textEls.push({ el, rects });
      }
    }
    for (const child of Array.from(el.children)) walk(child, reason, nextAccounted);
  };
  if (document.body) walk(document.body, null, false);
  // html/body themselves: clipping at the root means content cut off with no way to scroll to it.
  const rootCs = getComputedStyle(docEl);
  const bodyCs = document.body ? getComputedStyle(document.body) : rootCs;
  const rootHidesX = ['hidden', 'clip'].includes(rootCs.overflowX) || ['hidden', 'clip'].includes(bodyCs.overflowX);

  const overlaps: LayoutIssue[] = [];
  let overlapCount = 0;
  if (opts.overlaps) {
    const minOverlap = 3;
    for (let i = 0; i < textEls.length; i++) {
      const a = textEls[i];
      for (let j = i + 1; j < textEls.length; j++) {
        const b = textEls[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        let hit: DOMRect | null = null;
        for (const ra of a.rects) {
          for (const rb of b.rects) {
            const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (w > minOverlap && h > minOverlap) { hit = ra; break; }
          }
          if (hit) break;
        }
        if (hit) {
          overlapCount++;
          if (overlaps.length < opts.maxItems) {
            overlaps.push(issue('overlap', a.el, a.el.getBoundingClientRect(), { other: { domPath: pathOf(b.el), tag: b.el.localName, text: textOf(b.el) } }));
          }
        }
      }
    }
  }
  const scrollWidth = Math.max(docEl.scrollWidth, document.body?.scrollWidth ?? 0);
  const counts = { clipped: clipped.length, offScreen: offScreen.length, overlaps: overlapCount, exempt: exempt.length, elements, textElements: textEls.length };
  void scrollY;
  return {
    viewport: { width: window.innerWidth, height: window.innerHeight, devicePixelRatio: window.devicePixelRatio },
    document: { clientWidth: vw, scrollWidth: rootHidesX ? docEl.scrollWidth : scrollWidth, scrollHeight: docEl.scrollHeight, direction: rootCs.direction, clipsX: rootHidesX },
    horizontalOverflow: Math.max(0, (rootHidesX ? docEl.scrollWidth : scrollWidth) - vw),
    clipped: clipped.slice(0, opts.maxItems),
    offScreen: offScreen.slice(0, opts.maxItems),
    overlaps,
    exempt: exempt.slice(0, opts.maxItems),
    counts,
  };
}

/** Waits for the page to lay out again after a viewport/style change (two animation frames, fonts). */
export async function settleLayout(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    try { await (document as Document & { fonts?: FontFaceSet }).fonts?.ready; } catch { /* no fonts API */ }
  });
}

export async function measure(page: Page, opts: Partial<MeasureOptions> = {}): Promise<LayoutMeasure> {
  return evaluateInPage(page, measureLayout, { tolerance: 2, maxItems: 40, offScreen: true, overlaps: true, ...opts });
}

/** Issues present after a change that were not there before (keyed by kind, element and the other element). */
export function newIssues(before: LayoutIssue[], after: LayoutIssue[]): LayoutIssue[] {
  const key = (i: LayoutIssue) => `${i.kind}|${i.domPath}|${i.other?.domPath ?? ''}`;
  const seen = new Set(before.map(key));
  // An overlap is symmetric: A/B before = B/A after.
  for (const i of before) if (i.other) seen.add(`${i.kind}|${i.other.domPath}|${i.domPath}`);
  return after.filter((i) => !seen.has(key(i)));
}

/** The viewport as the page sees it (Playwright's setting, or the window's when the context has none). */
export async function currentViewport(page: Page): Promise<{ width: number; height: number }> {
  const vp = page.viewportSize();
  if (vp) return vp;
  return page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
}

export function describeIssue(i: LayoutIssue): string {
  const where = `<${i.tag}> ${i.domPath}`;
  const text = i.text ? ` "${i.text}"` : '';
  if (i.kind === 'clipped' && i.box) {
    return `clipped${text} at ${where}: box ${i.box.clientWidth}×${i.box.clientHeight}px, content needs ${i.box.scrollWidth}×${i.box.scrollHeight}px (overflow ${i.box.overflowX}/${i.box.overflowY}${i.box.textOverflow === 'ellipsis' ? ', ellipsis' : ''})`;
  }
  if (i.kind === 'overlap' && i.other) return `text${text} at ${where} overlaps <${i.other.tag}> "${i.other.text}" (${i.other.domPath})`;
  return `${i.kind}${text} at ${where}: box x=${i.rect.x} width=${i.rect.width}px${i.reason ? ` (not judged: ${i.reason})` : ''}`;
}
