import type { Page } from 'playwright';

/**
 * The canonical element path every gatherer reports — `html>body:nth-of-type(1)>main:nth-of-type(1)>…`
 * — defined once. Functions passed to page.evaluate cannot share module code, so the definition is
 * installed into the page (idempotently, per document) and in-page code calls
 * `globalThis.__porticoDomPath(el)`. It is the join key that merges engines' findings.
 */
export const DOM_PATH_SOURCE = `function porticoDomPath(el) {
  const parts = [];
  let node = el;
  while (node && node.nodeType === 1) {
    const tag = node.localName;
    const parent = node.parentElement;
    if (!parent) { parts.unshift(tag); break; }
    let index = 1;
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.localName === tag) index++;
    parts.unshift(tag + ':nth-of-type(' + index + ')');
    node = parent;
  }
  return parts.join('>');
}`;

declare global {
  // eslint-disable-next-line no-var
  var __porticoDomPath: (el: Element) => string;
}

/** Installs the in-page helpers into the page's current document (cheap; safe to call before every gather). */
export async function installInPageHelpers(page: Page): Promise<void> {
  await page.evaluate(`globalThis.__porticoDomPath = globalThis.__porticoDomPath || (${DOM_PATH_SOURCE});`);
}
