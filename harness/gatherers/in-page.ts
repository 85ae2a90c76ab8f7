import type { Page } from 'playwright';

/**
 * The canonical element path every gatherer reports — `html>body:nth-of-type(1)>main:nth-of-type(1)>…`
 * — defined once. Functions passed to page.evaluate cannot share module code, so the definition is
 * bound into the evaluated code by `evaluateInPage`, where in-page code calls `__porticoDomPath(el)`.
 * It is the join key that merges engines' findings.
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
  /**
   * Bound by `evaluateInPage` as a local of the evaluated code — never read from the page's
   * globals, which the page controls (a page that replaced a global helper could make two
   * different elements share a path, and so merge findings that are not the same).
   */
  const __porticoDomPath: (el: Element) => string;
}

/**
 * `page.evaluate(fn, arg)` with the in-page helpers in scope as local bindings the page cannot
 * reach. `fn` must be self-contained (as for page.evaluate) and `arg` JSON-serialisable.
 */
export async function evaluateInPage<R, A = undefined>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const argument = arg === undefined ? '' : JSON.stringify(arg);
  const expression = `(() => { const __porticoDomPath = (${DOM_PATH_SOURCE}); return (${fn.toString()})(${argument}); })()`;
  return (await page.evaluate(expression)) as R;
}
