/**
 * The words a page guides a person with: its headings, the labels and legends of its fields, the
 * texts of its buttons and links, and the sentences of its visible instructions (paragraphs, list
 * items, hints, labels, legends, table cells), split into sentences. Facts only; the
 * sensory-instructions (1.3.3) and descriptive-labels (2.4.6) audits read them.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type PageTextArtifact = ArtifactOf<'page-text'>;
export type PageTextItem = PageTextArtifact['labels'][number];

function read(limit: number): Omit<PageTextArtifact, 'schema'> {
  const pathOf = __porticoDomPath;
  const { norm } = __portico;
  // Its own predicate: more than 1 px each way (a 1 px "screen-reader only" box is not shown), and no [hidden] / aria-hidden subtree.
  const shown = (el: Element) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el); return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && !el.closest('[hidden], [aria-hidden=true]'); };
  const item = (el: Element, text: string) => ({ domPath: pathOf(el), tag: el.localName, text: text.slice(0, 240) });
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')].filter(shown).slice(0, limit)
    .map((h) => ({ ...item(h, norm((h as HTMLElement).innerText)), level: Number(h.getAttribute('aria-level')) || Number(h.localName.slice(1)) || 2 }));
  const labels = [...document.querySelectorAll('label, legend')].filter(shown).slice(0, limit).map((l) => item(l, norm((l as HTMLElement).innerText)));
  const controls = [...document.querySelectorAll('button, a[href], [role=button], input[type=submit], input[type=button]')].filter(shown).slice(0, limit)
    .map((c) => item(c, norm((c as HTMLElement).innerText || (c as HTMLInputElement).value)));
  const sentences: PageTextItem[] = [];
  for (const el of document.querySelectorAll('p, li, label, legend, td, th, dd, figcaption, caption, [class*=hint], [id*=hint], div, span')) {
    if (sentences.length >= limit || !shown(el)) continue;
    if (getComputedStyle(el).display.startsWith('inline')) continue; // read with the block around it
    // Only the element's own text (its block children are read on their own).
    let own = '';
    for (const n of el.childNodes) {
      if (n.nodeType === 3) own += n.textContent;
      else if (n.nodeType === 1 && getComputedStyle(n as Element).display.startsWith('inline') && !(n as Element).matches('button, input, select, textarea')) own += (n as HTMLElement).innerText;
    }
    own = norm(own);
    if (own.length < 8) continue;
    for (const s of own.split(/(?<=[.!?。؟])\s+/)) if (s.length >= 8 && sentences.length < limit) sentences.push(item(el, s));
  }
  return { lang: document.documentElement.lang || '', headings, labels, controls, sentences };
}

export async function gatherPageText(page: Page): Promise<PageTextArtifact> {
  return { schema: 'portico.probe.page-text/1', ...(await evaluateInPage(page, read, 300)) };
}

export const pageTextProbe: Probe = {
  id: 'page-text',
  description: 'Headings, field labels, button and link texts and instruction sentences of the page (1.3.3, 2.4.6).',
  gather: (page) => gatherPageText(page),
};
