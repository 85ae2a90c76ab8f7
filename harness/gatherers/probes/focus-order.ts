/**
 * Focus order (2.4.3): the page's sequential focus navigation order as the HTML rules define it
 * (positive tabindex first, ascending, then tabindex 0 / native focusables in DOM order), each
 * stop's box in page coordinates, and the elements with a positive tabindex. Read from the DOM, no
 * key pressed (the keyboard walk records what Tab really does). Facts only; the focus-order
 * audit looks for stops that jump against the reading order.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type FocusOrderArtifact = ArtifactOf<'focus-order'>;
export type FocusOrderStop = FocusOrderArtifact['stops'][number];

function read(limit: number): Omit<FocusOrderArtifact, 'schema'> {
  const pathOf = __porticoDomPath;
  const SEL = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable=true], audio[controls], video[controls]';
  const focusables: Array<{ el: HTMLElement; tabindex: number; domIndex: number }> = [];
  let domIndex = 0;
  for (const el of document.querySelectorAll<HTMLElement>(SEL)) {
    if ((el as HTMLInputElement).disabled || el.closest('[inert], [hidden]')) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (el.tabIndex < 0) continue;
    focusables.push({ el, tabindex: el.tabIndex, domIndex: domIndex++ });
  }
  const positive = focusables.filter((f) => f.tabindex > 0).sort((a, b) => a.tabindex - b.tabindex || a.domIndex - b.domIndex);
  const rest = focusables.filter((f) => f.tabindex === 0);
  const stops = [...positive, ...rest].slice(0, limit).map(({ el, tabindex, domIndex: i }) => {
    const r = el.getBoundingClientRect();
    const html = el.outerHTML;
    return {
      domPath: pathOf(el), tag: el.localName, tabindex, domIndex: i,
      name: __portico.norm(el.getAttribute('aria-label') || el.innerText || (el as HTMLInputElement).value || el.getAttribute('title') || '').slice(0, 60),
      box: { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), width: Math.round(r.width), height: Math.round(r.height) },
      snippet: html.slice(0, 160),
    };
  });
  return { dir: getComputedStyle(document.body ?? document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr', stops, positiveTabindex: positive.length };
}

export async function gatherFocusOrder(page: Page): Promise<FocusOrderArtifact> {
  return { schema: 'portico.probe.focus-order/1', ...(await evaluateInPage(page, read, 300)) };
}

export const focusOrderProbe: Probe = {
  id: 'focus-order',
  description: 'Sequential focus order (positive tabindex first, then DOM order) with each stop’s position (2.4.3).',
  gather: (page) => gatherFocusOrder(page),
};
