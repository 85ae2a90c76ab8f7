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

/**
 * The helpers probes share in the page, bound as `__portico` by `evaluateInPage` (and by
 * `IN_PAGE_PRELUDE` for code sent as source over CDP). Runs in the page: self-contained, no
 * closures over module scope. The visibility predicates differ on purpose — each says what it
 * means; pick the one whose meaning the probe's facts need, never "whichever is close".
 */
function porticoInPage() {
  /** Whitespace runs collapsed to one space, trimmed; null / undefined give ''. */
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  /** At most `n` characters, the last one '…' when cut. Whitespace is left as it is. */
  const truncate = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  /** `norm`, then at most `n` characters (default 200), the last one '…' when cut. */
  const clip = (s: string | null | undefined, n = 200): string => truncate(norm(s), n);
  /** The normalised text of the elements an ID-reference list names (aria-labelledby, aria-describedby); missing ids are skipped. */
  const idRefText = (ids: string | null | undefined): string =>
    norm((ids ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  /** The normalised text of a control's <label> elements ('' when it has none or cannot have any). */
  const labelText = (el: Element): string => norm(Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent).join(' '));

  /**
   * Not rendered: it or an ancestor has the `hidden` attribute (even restyled to show) or
   * display:none, or it is visibility:hidden (inherited from an ancestor too). aria-hidden does not
   * count: the element is still drawn. Opacity, clipping, size and position do not count either.
   */
  const notRendered = (el: Element): boolean => {
    for (let n: Element | null = el; n; n = n.parentElement) {
      if ((n as HTMLElement).hidden || getComputedStyle(n).display === 'none') return true;
    }
    return getComputedStyle(el).visibility === 'hidden';
  };
  /** Hidden from everyone: `notRendered`, or inside aria-hidden="true" (gone from the accessibility tree too). */
  const hiddenFromAll = (el: Element): boolean => notRendered(el) || el.closest('[aria-hidden="true"]') !== null;
  /**
   * Has a box: a layout box of non-zero width and height, and computed visibility not 'hidden'.
   * display:none (on it or an ancestor) leaves no box. Says nothing of aria-hidden, the `hidden`
   * attribute restyled to show, inert, opacity, clipping ("screen-reader only" 1 px boxes pass) or
   * being scrolled / positioned off-screen.
   */
  const hasBox = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  /** `hasBox`, and in no [hidden] or [inert] subtree: drawn, and a person can act on it. */
  const hasOperableBox = (el: Element): boolean => hasBox(el) && !el.closest('[hidden],[inert]');

  return { norm, truncate, clip, idRefText, labelText, notRendered, hiddenFromAll, hasBox, hasOperableBox };
}

/** What `__portico` holds in evaluated code. */
export type PorticoInPage = ReturnType<typeof porticoInPage>;

/**
 * The in-page bindings as statements, for code sent as source text (CDP Runtime.evaluate /
 * Runtime.callFunctionOn): put it first inside the function or IIFE body.
 */
export const IN_PAGE_PRELUDE = `const __porticoDomPath = (${DOM_PATH_SOURCE}); const __portico = (${porticoInPage.toString()})();`;

declare global {
  /**
   * Bound by `evaluateInPage` as a local of the evaluated code — never read from the page's
   * globals, which the page controls (a page that replaced a global helper could make two
   * different elements share a path, and so merge findings that are not the same).
   */
  const __porticoDomPath: (el: Element) => string;
  /** The shared in-page helpers (`porticoInPage` above), bound like `__porticoDomPath`. */
  const __portico: PorticoInPage;
}

/**
 * `page.evaluate(fn, arg)` with the in-page helpers in scope as local bindings the page cannot
 * reach. `fn` must be self-contained (as for page.evaluate) and `arg` JSON-serialisable.
 */
export async function evaluateInPage<R, A = undefined>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const argument = arg === undefined ? '' : JSON.stringify(arg);
  const expression = `(() => { ${IN_PAGE_PRELUDE} return (${fn.toString()})(${argument}); })()`;
  return (await page.evaluate(expression)) as R;
}
