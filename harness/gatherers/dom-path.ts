import type { Page } from 'playwright';
import { evaluateInPage } from './in-page.ts';

/**
 * Canonical element paths, computed in the live page. Every engine names elements its own way
 * (axe: short unique selectors; pa11y: `html > body > …`; Lighthouse: child-index paths), so each
 * reported element is resolved to one path — `html>body>main:nth-of-type(1)>…` — the join key that
 * lets one violation seen by three engines become one finding.
 */
export type ElementRef =
  | { kind: 'selector'; selector: string | string[] }
  | { kind: 'lighthouse-path'; path: string; selector?: string };

export async function resolveDomPaths(page: Page, refs: ElementRef[]): Promise<Array<string | null>> {
  if (refs.length === 0) return [];
  return evaluateInPage(page, (items) => {
    const pathOf = __porticoDomPath;
    function bySelector(selector: string | string[]): Element | null {
      // axe gives an array for elements inside iframes / shadow roots: walk into each.
      const chain = Array.isArray(selector) ? selector : [selector];
      let root: Document | ShadowRoot | null = document;
      let el: Element | null = null;
      for (let i = 0; i < chain.length; i++) {
        const sel = chain[i];
        if (!root || typeof sel !== 'string') return null;
        try { el = root.querySelector(sel); } catch { return null; }
        if (!el) return null;
        if (i < chain.length - 1) {
          root = (el as HTMLIFrameElement).contentDocument ?? el.shadowRoot ?? null;
        }
      }
      return el;
    }
    function byLighthousePath(path: string): Element | null {
      // Lighthouse's path: "1,HTML,1,BODY,0,DIV" — pairs of (index among siblings skipping
      // whitespace-only text nodes, nodeName).
      const tokens = path.split(',');
      let node: Node = document;
      for (let i = 0; i + 1 < tokens.length; i += 2) {
        const wanted = Number(tokens[i]);
        const name = tokens[i + 1];
        let index = -1;
        let found: Node | null = null;
        for (const child of Array.from(node.childNodes)) {
          if (child.nodeType === 3 && (child.nodeValue ?? '').trim() === '') continue;
          index++;
          if (index === wanted) { found = child; break; }
        }
        if (!found || found.nodeName !== name) return null;
        node = found;
      }
      return node.nodeType === 1 ? (node as Element) : null;
    }
    return items.map((ref) => {
      const el = ref.kind === 'selector' ? bySelector(ref.selector) : (byLighthousePath(ref.path) ?? (ref.selector ? bySelector(ref.selector) : null));
      return el ? pathOf(el) : null;
    });
  }, refs);
}
