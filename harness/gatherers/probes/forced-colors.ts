/**
 * Forced colours (Windows High Contrast and the like): the person's own palette replaces the
 * author's colours. Emulates `forced-colors: active` (page.emulateMedia) and records, against the
 * same page in its own colours, what stops being visible:
 *
 * - controls that had a visible boundary (border, or a background distinct from what is around them)
 *   and have none once backgrounds are forced (1.4.11);
 * - icons that vanish: inline SVG whose fill/stroke is hard-coded (not currentColor) and ends up
 *   within 3:1 of the forced background, and background-image / <img> icons of controls with no
 *   text, whose opaque pixels end up within 3:1 of the forced background (the pixels are read back
 *   from a canvas; cross-origin images are "unknown", never "vanished") (1.4.11);
 * - text under `forced-color-adjust: none` whose own colours are below 4.5:1 against what is now
 *   behind it (1.4.3);
 * - focus indicators that vanish: the first Tab stops are focused in both modes; an indicator that
 *   is visible in the author's colours (outline, border or background change, box-shadow) and
 *   nothing in forced colours (box-shadow is forced to none) (2.4.7).
 *
 * Facts only; the forced-colors audit judges. The emulation and the focus are put back afterwards.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type ForcedColorsArtifact = ArtifactOf<'forced-colors'>;
export type ForcedControl = ForcedColorsArtifact['lostBoundary'][number];
export type ForcedIcon = ForcedColorsArtifact['vanishedIcons'][number];
export type ForcedText = ForcedColorsArtifact['adjustNoneLowContrast'][number];
export type ForcedFocus = ForcedColorsArtifact['lostFocus'][number];

interface Snapshot {
  controls: Record<string, { boundary: boolean; info: ForcedControl }>;
  icons: Record<string, { contrast: number | null; info: ForcedControl; kind: ForcedIcon['kind'] }>;
  adjustNone: ForcedText[];
  canvas: string;
}

/** Runs in the page (self-contained). */
async function measurePage(): Promise<Snapshot> {
  const pathOf = __porticoDomPath;
  const { norm } = __portico;
  const parse = (c: string): [number, number, number, number] | null => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a: number[], b: number[]) => { const x = lum(a); const y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  // An HTML element even in an SVG document (whose createElement makes elements with no style).
  const probe = document.createElementNS('http://www.w3.org/1999/xhtml', 'div') as HTMLDivElement;
  probe.style.cssText = 'position:absolute;width:1px;height:1px;background-color:Canvas;color:CanvasText';
  document.documentElement.appendChild(probe);
  const canvasColour = parse(getComputedStyle(probe).backgroundColor) ?? [255, 255, 255, 1];
  probe.remove();
  const bgOf = (el: Element | null): number[] => {
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return canvasColour;
  };
  // A box, and not (all but) transparent itself: an ancestor's opacity is not looked at.
  const visible = (el: Element) => __portico.hasBox(el) && Number(getComputedStyle(el).opacity) > 0.05;
  const info = (el: Element): ForcedControl => {
    const html = el.outerHTML;
    return { domPath: pathOf(el), tag: el.localName, name: norm(el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('title') || (el as HTMLInputElement).placeholder || '').slice(0, 80), snippet: html.slice(0, Math.min(html.length, 160)) };
  };
  const hasBorder = (cs: CSSStyleDeclaration, around: number[]) =>
    (['Top', 'Right', 'Bottom', 'Left'] as const).some((s) => {
      const style = cs.getPropertyValue(`border-${s.toLowerCase()}-style`);
      const width = parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`));
      const colour = parse(cs.getPropertyValue(`border-${s.toLowerCase()}-color`));
      return style !== 'none' && style !== 'hidden' && width >= 1 && colour !== null && colour[3] > 0.3 && contrast(colour, around) >= 1.5;
    });
  const snapshot: Snapshot = { controls: {}, icons: {}, adjustNone: [], canvas: getComputedStyle(document.documentElement).backgroundColor };

  const CONTROLS = 'button, input:not([type=hidden]):not([type=image]), select, textarea, [role=button], [role=textbox], [role=combobox], [role=checkbox], [role=radio], [role=switch], [role=tab]';
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    const around = bgOf(el.parentElement);
    const own = parse(cs.backgroundColor);
    const bgDistinct = own !== null && own[3] > 0.5 && contrast(own, around) >= 1.5;
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    // Native checkboxes and radios draw their own box in either mode.
    const native = el.localName === 'input' && (type === 'checkbox' || type === 'radio' || type === 'range' || type === 'color');
    snapshot.controls[pathOf(el)] = { boundary: native || bgDistinct || hasBorder(cs, around) || outline, info: info(el) };
  }

  // Icons: inline SVG and image icons of controls and links, or marked as images.
  const ICON_HOSTS = 'button, a[href], [role=button], [role=link], [role=img], [role=tab], [role=menuitem]';
  const paintContrast = (svg: SVGElement, bg: number[]): number | null => {
    let best: number | null = null;
    for (const shape of svg.querySelectorAll('path, circle, rect, ellipse, polygon, polyline, line, text, use')) {
      const cs = getComputedStyle(shape);
      for (const paint of [cs.fill, cs.stroke]) {
        const c = parse(paint);
        if (!c || c[3] < 0.3) continue;
        if (paint === cs.stroke && parseFloat(cs.strokeWidth) <= 0) continue;
        const k = contrast(c, bg);
        best = best === null ? k : Math.max(best, k);
      }
    }
    return best;
  };
  const pixelContrast = async (src: string, w: number, h: number, bg: number[]): Promise<number | null> => {
    const img = new Image();
    img.decoding = 'sync';
    const loaded = new Promise<boolean>((resolve) => { img.onload = () => resolve(true); img.onerror = () => resolve(false); });
    img.src = src;
    if (!(await loaded)) return null;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.min(256, Math.round(w)));
    canvas.height = Math.max(1, Math.min(256, Math.round(h)));
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    let data: Uint8ClampedArray;
    try { data = g.getImageData(0, 0, canvas.width, canvas.height).data; } catch { return null; }
    let best = 1;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 128) continue;
      const a = data[i + 3] / 255;
      const px = [0, 1, 2].map((c) => data[i + c] * a + bg[c] * (1 - a));
      best = Math.max(best, contrast(px, bg));
    }
    return best;
  };
  const seen = new Set<Element>();
  for (const host of document.querySelectorAll(ICON_HOSTS)) {
    if (!visible(host)) continue;
    const text = norm((host as HTMLElement).innerText);
    for (const svg of host.matches('svg') ? [host as unknown as SVGElement] : [...host.querySelectorAll('svg')]) {
      if (seen.has(svg) || !visible(svg)) continue;
      seen.add(svg);
      // An icon beside text that names the control is decoration; an icon-only control depends on it.
      if (text && host.getAttribute('role') !== 'img') continue;
      snapshot.icons[pathOf(svg)] = { contrast: paintContrast(svg, bgOf(svg)), info: { ...info(host), domPath: pathOf(svg) }, kind: 'svg' };
    }
    if (text) continue;
    for (const el of [host, ...host.querySelectorAll('*')]) {
      if (seen.has(el) || !visible(el)) continue;
      const r = el.getBoundingClientRect();
      const bgImage = getComputedStyle(el).backgroundImage;
      const url = /url\("?([^")]+)"?\)/.exec(bgImage)?.[1];
      if (el.localName === 'img' && (el as HTMLImageElement).currentSrc) {
        seen.add(el);
        snapshot.icons[pathOf(el)] = { contrast: await pixelContrast((el as HTMLImageElement).currentSrc, r.width, r.height, bgOf(el.parentElement)), info: { ...info(host), domPath: pathOf(el) }, kind: 'img' };
      } else if (url) {
        seen.add(el);
        snapshot.icons[pathOf(el)] = { contrast: await pixelContrast(url, r.width, r.height, bgOf(el)), info: { ...info(host), domPath: pathOf(el) }, kind: 'background-image' };
      }
    }
  }

  // forced-color-adjust: none keeps the author's colours inside: their text must still read.
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el) as CSSStyleDeclaration & { forcedColorAdjust?: string };
    if (cs.forcedColorAdjust !== 'none' || !visible(el)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && norm(n.textContent));
    if (!ownText) continue;
    const fg = parse(cs.color);
    if (!fg) continue;
    const bg = bgOf(el);
    const k = contrast(fg, bg);
    const large = parseFloat(cs.fontSize) >= 24 || (parseFloat(cs.fontSize) >= 18.66 && Number(cs.fontWeight) >= 700);
    if (k < (large ? 3 : 4.5)) snapshot.adjustNone.push({ ...info(el), contrast: Math.round(k * 100) / 100, color: cs.color, background: `rgb(${bg.slice(0, 3).join(', ')})` });
  }
  return snapshot;
}

/** The focus indicator of the focused element, as a comparable string ('' = none). Runs in the page. */
function focusStyle(): { domPath: string; style: string; unfocused: string; info: ForcedControl } | null {
  const pathOf = __porticoDomPath;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const read = () => {
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1 ? `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}` : '';
    const shadow = cs.boxShadow && cs.boxShadow !== 'none' ? `shadow ${cs.boxShadow}` : '';
    return [outline, shadow, `border ${cs.borderTopWidth} ${cs.borderTopStyle} ${cs.borderTopColor} ${cs.borderBottomWidth} ${cs.borderBottomColor}`, `bg ${cs.backgroundColor}`, `text-decoration ${cs.textDecorationLine}`].join('; ');
  };
  const focused = read();
  // The same element without focus, for comparison (focus is put back right after).
  (el as HTMLElement).blur();
  const unfocused = read();
  (el as HTMLElement).focus({ preventScroll: true });
  const html = el.outerHTML;
  return { domPath: pathOf(el), style: focused, unfocused, info: { domPath: pathOf(el), tag: el.localName, name: __portico.norm((el as HTMLElement).innerText || el.getAttribute('aria-label') || '').slice(0, 80), snippet: html.slice(0, 160) } };
}

async function tabStops(page: Page, max: number): Promise<Map<string, { indicator: string; info: ForcedControl }>> {
  const out = new Map<string, { indicator: string; info: ForcedControl }>();
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur?.(); window.getSelection()?.removeAllRanges(); });
  await page.locator('body').focus({ timeout: 1_000 }).catch(() => undefined); // none in an SVG document
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const s = await evaluateInPage(page, focusStyle).catch(() => null);
    if (!s) continue;
    if (out.has(s.domPath)) break;
    // What changes on focus: the indicator is the difference between focused and not.
    const focusedParts = s.style.split('; ');
    const unfocusedParts = new Set(s.unfocused.split('; '));
    const indicator = focusedParts.filter((p) => p && !unfocusedParts.has(p)).join('; ');
    out.set(s.domPath, { indicator, info: s.info });
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.()).catch(() => undefined);
  return out;
}

export async function gatherForcedColors(page: Page, options: { focusStops?: number } = {}): Promise<ForcedColorsArtifact> {
  const maxFocus = options.focusStops ?? 25;
  const alreadyForced = await page.evaluate(() => matchMedia('(forced-colors: active)').matches);
  const empty: ForcedColorsArtifact = { schema: 'portico.probe.forced-colors/1', active: alreadyForced, alreadyForced, restored: true, checked: { controls: 0, icons: 0, adjustNone: 0, focusStops: 0 }, lostBoundary: [], vanishedIcons: [], unknownIcons: [], adjustNoneLowContrast: [], lostFocus: [] };
  if (alreadyForced) return empty;
  const normal = await evaluateInPage(page, measurePage);
  const normalFocus = await tabStops(page, maxFocus);
  let forced: Snapshot | undefined;
  let forcedFocus = new Map<string, { indicator: string; info: ForcedControl }>();
  let active = false;
  let restored = false;
  try {
    await page.emulateMedia({ forcedColors: 'active' });
    active = await page.evaluate(() => matchMedia('(forced-colors: active)').matches);
    if (active) {
      forced = await evaluateInPage(page, measurePage);
      forcedFocus = await tabStops(page, maxFocus);
    }
  } finally {
    await page.emulateMedia({ forcedColors: null });
    restored = !(await page.evaluate(() => matchMedia('(forced-colors: active)').matches).catch(() => true));
  }
  if (!active || !forced) return { ...empty, active: false, restored };
  const lostBoundary = Object.entries(normal.controls)
    .filter(([path, n]) => n.boundary && forced!.controls[path] && !forced!.controls[path].boundary)
    .map(([, n]) => n.info);
  const vanishedIcons: ForcedIcon[] = [];
  const unknownIcons: ForcedIcon[] = [];
  for (const [path, n] of Object.entries(normal.icons)) {
    const f = forced.icons[path];
    const normalContrast = n.contrast;
    const forcedContrast = f ? f.contrast : null;
    const icon: ForcedIcon = { ...n.info, kind: n.kind, normalContrast, forcedContrast };
    if (normalContrast === null) { if (n.kind !== 'svg') unknownIcons.push(icon); continue; }
    if (normalContrast < 3) continue; // not visible in the author's colours either: another audit's business
    if (!f || forcedContrast === null) {
      // Gone when forced (background-image dropped), or unreadable pixels.
      if (!f || f.kind !== 'svg') (f ? unknownIcons : vanishedIcons).push(icon);
      continue;
    }
    if (forcedContrast < 3) vanishedIcons.push(icon);
  }
  const lostFocus: ForcedFocus[] = [];
  for (const [path, n] of normalFocus) {
    const f = forcedFocus.get(path);
    if (!n.indicator || !f) continue;
    if (!f.indicator || /^shadow /.test(f.indicator) && !/outline|border|bg/.test(f.indicator)) lostFocus.push({ ...n.info, normal: n.indicator, forced: f.indicator || '(nothing changes on focus)' });
  }
  return {
    schema: 'portico.probe.forced-colors/1',
    active,
    alreadyForced,
    restored,
    checked: { controls: Object.keys(forced.controls).length, icons: Object.keys(normal.icons).length, adjustNone: forced.adjustNone.length, focusStops: forcedFocus.size },
    lostBoundary,
    vanishedIcons,
    unknownIcons,
    adjustNoneLowContrast: forced.adjustNone,
    lostFocus,
  };
}

export const forcedColorsProbe: Probe = {
  id: 'forced-colors',
  description: 'Forced colours (emulated forced-colors: active): controls, icons, focus indicators and text that stop being visible (1.4.11, 1.4.3, 2.4.7).',
  gather: (page) => gatherForcedColors(page),
};
