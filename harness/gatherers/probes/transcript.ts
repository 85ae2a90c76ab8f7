import type { CDPSession, Page } from 'playwright';
import { DOM_PATH_SOURCE, evaluateInPage } from '../in-page.ts';
import type { Probe } from '../../journey/types.ts';

/**
 * What a screen reader would announce on this page, read from the browser's accessibility tree:
 * Playwright's ARIA snapshot (YAML of roles and names, the reading order) plus the document title,
 * language, headings outline, landmarks, the focused element and the live regions present.
 *
 * Roles, names, heading levels and landmarks come from Chromium's own accessibility tree (CDP
 * `Accessibility.getFullAXTree`), so they are what assistive technology receives; when CDP is not
 * available (another browser) they fall back to a DOM approximation and `source` says so.
 */

export interface TranscriptHeading {
  level: number;
  text: string;
  domPath: string | null;
  /** Inside the main landmark. */
  inMain: boolean;
}

export interface TranscriptLandmark {
  role: string;
  name: string;
  domPath: string | null;
}

export interface TranscriptFocus {
  role: string;
  name: string;
  tag: string;
  domPath: string | null;
  inMain: boolean;
}

export interface TranscriptLiveRegion {
  /** Explicit or implicit role (alert, status, log, …), null for a bare aria-live. */
  role: string | null;
  /** polite | assertive (role=alert implies assertive, status/log polite). */
  live: string;
  atomic: boolean;
  text: string;
  domPath: string;
}

export interface TranscriptArtifact {
  url: string;
  title: string;
  lang: string | null;
  dir: string | null;
  /** Playwright's ARIA snapshot of <body>: what a screen reader reads, in order. Bounded. */
  ariaSnapshot: string;
  ariaSnapshotTruncated: boolean;
  headings: TranscriptHeading[];
  landmarks: TranscriptLandmark[];
  /** The focused element now; null when focus is on the document body. */
  focused: TranscriptFocus | null;
  liveRegions: TranscriptLiveRegion[];
  /** Where roles/names came from: the browser's accessibility tree, or a DOM approximation. */
  source: 'cdp' | 'dom';
  /** Number of nodes in the accessibility tree that are not ignored (0 when source is dom). */
  axNodeCount: number;
  notes: string[];
}

export const SNAPSHOT_LIMIT = 30_000;
const TEXT_LIMIT = 300;
const LIST_LIMIT = 200;

export const LANDMARK_ROLES = new Set(['banner', 'main', 'navigation', 'contentinfo', 'complementary', 'region', 'form', 'search']);

/** The canonical DOM path (same format as harness/gatherers/dom-path.ts), as a function source for CDP. */
export const PATH_OF_FUNCTION = `function () { return (${DOM_PATH_SOURCE})(this); }`;

export interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string; sources?: Array<{ type: string; attribute?: string; nativeSource?: string; value?: { value?: string }; superseded?: boolean; invalid?: boolean }> };
  properties?: Array<{ name: string; value: { value?: unknown } }>;
  parentId?: string;
  childIds?: string[];
  backendDOMNodeId?: number;
}

/** The accessibility tree's nodes in reading order (depth-first from the root), not CDP's list order. */
export function readingOrder(nodes: AxNode[]): AxNode[] {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const roots = nodes.filter((n) => !n.parentId || !byId.has(n.parentId));
  const out: AxNode[] = [];
  const seen = new Set<string>();
  const stack = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n.nodeId)) continue;
    seen.add(n.nodeId);
    out.push(n);
    const kids = (n.childIds ?? []).map((id) => byId.get(id)).filter((k): k is AxNode => Boolean(k));
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  for (const n of nodes) if (!seen.has(n.nodeId)) out.push(n);
  return out;
}

export async function openCdp(page: Page): Promise<CDPSession | null> {
  try {
    return await page.context().newCDPSession(page);
  } catch {
    return null;
  }
}

/** DOM path of the element behind an accessibility node (or null when it has none / it is gone). */
export async function domPathOfBackendNode(cdp: CDPSession, backendNodeId: number | undefined): Promise<string | null> {
  if (backendNodeId === undefined) return null;
  try {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    if (!object.objectId) return null;
    const r = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: PATH_OF_FUNCTION, returnByValue: true });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
    return typeof r.result.value === 'string' ? r.result.value : null;
  } catch {
    return null;
  }
}

export function axProp(node: AxNode, name: string): unknown {
  return node.properties?.find((p) => p.name === name)?.value?.value;
}

const clip = (s: string, n = TEXT_LIMIT) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

/** Live regions, title, lang: read from the DOM (the accessibility tree does not expose aria-live roots plainly). */
async function domFacts(page: Page) {
  return evaluateInPage(page, ({ textLimit, listLimit }) => {
    const pathOf = __porticoDomPath;
    function hiddenFromAt(el: Element): boolean {
      for (let n: Element | null = el; n; n = n.parentElement) {
        if (n.getAttribute('aria-hidden') === 'true' || (n as HTMLElement).hidden) return true;
        const cs = getComputedStyle(n);
        if (cs.display === 'none') return true;
      }
      return getComputedStyle(el).visibility === 'hidden';
    }
    const clip = (s: string) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > textLimit ? t.slice(0, textLimit - 1) + '…' : t; };
    const implicit: Record<string, string> = { alert: 'assertive', status: 'polite', log: 'polite', marquee: 'off', timer: 'off' };
    const live = Array.from(document.querySelectorAll('[aria-live], [role~="alert"], [role~="status"], [role~="log"], output'))
      .filter((el) => !hiddenFromAt(el))
      .slice(0, listLimit)
      .map((el) => {
        const role = (el.getAttribute('role') ?? '').split(/\s+/)[0] || (el.localName === 'output' ? 'status' : null);
        const attr = el.getAttribute('aria-live');
        return {
          role,
          live: attr ?? (role ? implicit[role] ?? 'off' : 'off'),
          atomic: el.getAttribute('aria-atomic') === 'true' || role === 'alert' || role === 'status',
          text: clip((el as HTMLElement).innerText ?? el.textContent ?? ''),
          domPath: pathOf(el),
        };
      })
      .filter((r) => r.live !== 'off');
    // DOM approximation of headings / landmarks / focus, used when CDP is unavailable.
    const headings = Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]'))
      .filter((el) => !hiddenFromAt(el))
      .slice(0, listLimit)
      .map((el) => ({
        level: Number(el.getAttribute('aria-level')) || (/^h[1-6]$/.test(el.localName) ? Number(el.localName[1]) : 2),
        text: clip(el.getAttribute('aria-label') ?? el.textContent ?? ''),
        domPath: pathOf(el),
        inMain: Boolean(el.closest('main,[role="main"]')),
      }));
    const landmarkOf = (el: Element): string | null => {
      const role = el.getAttribute('role');
      if (role) return role;
      const sectioning = el.parentElement?.closest('article,aside,main,nav,section');
      switch (el.localName) {
        case 'main': return 'main';
        case 'nav': return 'navigation';
        case 'aside': return 'complementary';
        case 'header': return sectioning ? null : 'banner';
        case 'footer': return sectioning ? null : 'contentinfo';
        case 'search': return 'search';
        case 'section': return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
        case 'form': return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'form' : null;
        default: return null;
      }
    };
    const landmarks = Array.from(document.querySelectorAll('main,nav,aside,header,footer,search,section,form,[role]'))
      .filter((el) => !hiddenFromAt(el))
      .map((el) => ({ role: landmarkOf(el), name: clip(el.getAttribute('aria-label') ?? ''), domPath: pathOf(el) }))
      .filter((l): l is { role: string; name: string; domPath: string } => Boolean(l.role && ['banner', 'main', 'navigation', 'contentinfo', 'complementary', 'region', 'form', 'search'].includes(l.role)))
      .slice(0, listLimit);
    const a = document.activeElement;
    const focused = a && a !== document.body && a !== document.documentElement
      ? {
        role: a.getAttribute('role') ?? a.localName,
        name: clip(a.getAttribute('aria-label') ?? (a as HTMLInputElement).labels?.[0]?.textContent ?? a.textContent ?? ''),
        tag: a.localName,
        domPath: pathOf(a),
        inMain: Boolean(a.closest('main,[role="main"]')),
      }
      : null;
    return {
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      dir: document.documentElement.getAttribute('dir'),
      live,
      headings,
      landmarks,
      focused,
    };
  }, { textLimit: TEXT_LIMIT, listLimit: LIST_LIMIT });
}

export async function gatherTranscript(page: Page): Promise<TranscriptArtifact> {
  const notes: string[] = [];
  const dom = await domFacts(page);
  let ariaSnapshot = '';
  try {
    ariaSnapshot = await page.locator('body').ariaSnapshot({ timeout: 10_000 });
  } catch (error) {
    notes.push(`ariaSnapshot failed: ${(error as Error).message.split('\n')[0]}`);
  }
  const truncated = ariaSnapshot.length > SNAPSHOT_LIMIT;
  if (truncated) ariaSnapshot = ariaSnapshot.slice(0, SNAPSHOT_LIMIT);

  const base: TranscriptArtifact = {
    url: page.url(),
    title: dom.title,
    lang: dom.lang,
    dir: dom.dir,
    ariaSnapshot,
    ariaSnapshotTruncated: truncated,
    headings: dom.headings,
    landmarks: dom.landmarks,
    focused: dom.focused,
    liveRegions: dom.live,
    source: 'dom',
    axNodeCount: 0,
    notes,
  };

  const cdp = await openCdp(page);
  if (!cdp) {
    notes.push('no CDP session: headings, landmarks and focus are a DOM approximation');
    return base;
  }
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const role = (n: AxNode) => String(n.role?.value ?? '');
    const inMain = (n: AxNode) => {
      for (let p = n.parentId ? byId.get(n.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) if (role(p) === 'main') return true;
      return false;
    };
    const live = readingOrder(nodes).filter((n) => !n.ignored);
    const headings: TranscriptHeading[] = [];
    const landmarks: TranscriptLandmark[] = [];
    for (const n of live) {
      const r = role(n);
      if (r === 'heading' && headings.length < LIST_LIMIT) {
        headings.push({ level: Number(axProp(n, 'level')) || 2, text: clip(String(n.name?.value ?? '')), domPath: await domPathOfBackendNode(cdp, n.backendDOMNodeId), inMain: inMain(n) });
      } else if (LANDMARK_ROLES.has(r) && landmarks.length < LIST_LIMIT && !((r === 'form' || r === 'region') && !String(n.name?.value ?? '').trim())) {
        landmarks.push({ role: r, name: clip(String(n.name?.value ?? '')), domPath: await domPathOfBackendNode(cdp, n.backendDOMNodeId) });
      }
    }
    let focused: TranscriptFocus | null = null;
    const active = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const objectId = active.result.objectId;
    if (objectId) {
      const { nodes: partial } = (await cdp.send('Accessibility.getPartialAXTree', { objectId, fetchRelatives: false })) as unknown as { nodes: AxNode[] };
      const [node] = partial;
      const pathR = await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: PATH_OF_FUNCTION, returnByValue: true });
      const tagR = await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: 'function () { return this.localName; }', returnByValue: true });
      const tag = String(tagR.result.value ?? '');
      if (node && tag !== 'body' && tag !== 'html') {
        const full = node.backendDOMNodeId !== undefined ? nodes.find((x) => x.backendDOMNodeId === node.backendDOMNodeId) : undefined;
        focused = {
          role: role(node) || tag,
          name: clip(String(node.name?.value ?? '')),
          tag,
          domPath: typeof pathR.result.value === 'string' ? pathR.result.value : null,
          inMain: full ? inMain(full) : Boolean(dom.focused?.inMain),
        };
      }
      await cdp.send('Runtime.releaseObject', { objectId }).catch(() => undefined);
    }
    return { ...base, headings, landmarks, focused, source: 'cdp', axNodeCount: live.length };
  } catch (error) {
    notes.push(`accessibility tree unavailable (${(error as Error).message.split('\n')[0]}): DOM approximation used`);
    return base;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export const transcriptProbe: Probe = {
  id: 'transcript',
  description: 'What a screen reader announces: ARIA snapshot, title, lang, headings outline, landmarks, focused element, live regions.',
  gather: (page) => gatherTranscript(page),
};
