/**
 * Target size (2.5.8, minimum 24 × 24 CSS px): every visible pointer target (links, buttons, form
 * controls, ARIA widgets), and for each one smaller than 24 px in either dimension, the facts its
 * exceptions turn on:
 * - its box, and the boxes of the other targets near it (the spacing exception: a 24 px circle
 *   centred on it must not meet another target, nor another small target's circle);
 * - whether it is a link inside a sentence or block of text (the inline exception);
 * - whether its size is the browser's own for that control, unmodified by the author (the
 *   user-agent exception): compared with the same control made inside a shadow root, where the
 *   page's styles do not reach.
 * Facts only; the target-size audit does the geometry and judges.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type TargetSizeArtifact = ArtifactOf<'target-size'>;
export type SmallTarget = TargetSizeArtifact['small'][number];
export type TargetBox = SmallTarget['box'];

function measure(): Omit<TargetSizeArtifact, 'schema'> {
  const pathOf = __porticoDomPath;
  const { norm } = __portico;
  const MIN = 24;
  const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], [role=option], [role=slider], [tabindex]:not([tabindex="-1"])';
  const round = (n: number) => Math.round(n * 10) / 10;
  const boxes: Array<{ el: Element; box: TargetBox }> = [];
  for (const el of document.querySelectorAll(SEL)) {
    if ((el as HTMLInputElement).disabled) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.pointerEvents === 'none') continue;
    // The box a pointer can hit: an inline link broken over lines is judged by its first line box.
    const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const r = rects.length > 1 && cs.display === 'inline' ? rects[0] : el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue; // visually hidden (skip links until focused…)
    if (r.right < 0 || r.bottom < -window.scrollY || r.left > document.documentElement.scrollWidth) continue;
    // A control inside another target (an icon in a button) is part of it.
    if (el.parentElement?.closest(SEL) && !el.matches('input, select, textarea')) continue;
    boxes.push({ el, box: { x: round(r.left + window.scrollX), y: round(r.top + window.scrollY), width: round(r.width), height: round(r.height) } });
  }
  // What the browser draws for a control the author did not size: made in a shadow root.
  const host = document.createElementNS('http://www.w3.org/1999/xhtml', 'div') as HTMLDivElement;
  host.style.cssText = 'position:absolute;left:-9999px;top:0';
  (document.body ?? document.documentElement).appendChild(host);
  const shadow = host.attachShadow({ mode: 'closed' });
  const defaultSize = (el: Element): { w: number; h: number } | null => {
    if (!el.matches('input, select, button')) return null;
    const twin = document.createElement(el.localName) as HTMLInputElement;
    const type = el.getAttribute('type');
    if (type) twin.setAttribute('type', type);
    if (el.localName === 'button') twin.textContent = (el as HTMLElement).innerText;
    shadow.appendChild(twin);
    const r = twin.getBoundingClientRect();
    twin.remove();
    return { w: r.width, h: r.height };
  };
  const small: SmallTarget[] = [];
  const isSmall = (b: TargetBox) => b.width < MIN - 0.05 || b.height < MIN - 0.05;
  for (const { el, box } of boxes) {
    if (!isSmall(box)) continue;
    const cs = getComputedStyle(el);
    let inline = false;
    if (el.localName === 'a' && cs.display === 'inline') {
      // In a sentence or block of text: its block has text of its own outside the link.
      let block: Element | null = el.parentElement;
      while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
      if (block) {
        // SVG elements (an <a> inside an <svg>, the <svg> block itself) have no innerText.
        const textOf = (n: Element) => norm((n as HTMLElement).innerText ?? n.textContent);
        const text = textOf(block);
        const own = textOf(el);
        inline = text.replace(own, '').replace(/[\s\p{P}]/gu, '').length > 0;
      }
    }
    const d = defaultSize(el);
    const uaDefault = !!d && Math.abs(d.w - box.width) < 0.5 && Math.abs(d.h - box.height) < 0.5 && !cs.getPropertyValue('appearance').includes('none');
    const neighbours = boxes.filter((o) => o.el !== el && !el.contains(o.el) && !o.el.contains(el)
      && o.box.x < box.x + box.width + MIN && o.box.x + o.box.width > box.x - MIN && o.box.y < box.y + box.height + MIN && o.box.y + o.box.height > box.y - MIN)
      .slice(0, 12).map((o) => ({ domPath: pathOf(o.el), box: o.box, small: isSmall(o.box) }));
    const html = el.outerHTML;
    small.push({
      domPath: pathOf(el), tag: el.localName, role: el.getAttribute('role') ?? '', box, inline, uaDefault, neighbours,
      name: norm(el.getAttribute('aria-label') || ((el as HTMLElement).innerText ?? el.textContent) || el.getAttribute('title') || (el as HTMLInputElement).value || '').slice(0, 80),
      snippet: html.slice(0, 160),
    });
    if (small.length >= 200) break;
  }
  host.remove();
  return { viewport: { width: innerWidth, height: innerHeight }, targets: boxes.length, small };
}

export async function gatherTargetSize(page: Page): Promise<TargetSizeArtifact> {
  return { schema: 'portico.probe.target-size/1', ...(await evaluateInPage(page, measure)) };
}

export const targetSizeProbe: Probe = {
  id: 'target-size',
  description: 'Pointer targets under 24 × 24 CSS px, with their neighbours, inline position and browser-default size (2.5.8).',
  gather: (page) => gatherTargetSize(page),
};
