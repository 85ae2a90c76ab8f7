import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Page } from 'playwright';
import { DOM_PATH_SOURCE, evaluateInPage } from '../in-page.ts';
import type { Probe } from '../../journey/types.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/**
 * What a screen reader would announce on this page, read from the browser's accessibility tree:
 * Playwright's ARIA snapshot (YAML of roles and names, the reading order) plus the document title,
 * language, headings outline, landmarks, the focused element and the live regions present.
 *
 * Roles, names, heading levels and landmarks come from Chromium's own accessibility tree (CDP
 * `Accessibility.getFullAXTree`), so they are what assistive technology receives; when CDP is not
 * available (another browser) they fall back to a DOM approximation and `source` says so.
 */

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type TranscriptArtifact = ArtifactOf<'transcript'>;
export type TranscriptHeading = TranscriptArtifact['headings'][number];
export type TranscriptLandmark = TranscriptArtifact['landmarks'][number];
export type TranscriptFocus = NonNullable<TranscriptArtifact['focused']>;
export type TranscriptLiveRegion = TranscriptArtifact['liveRegions'][number];

export const SNAPSHOT_LIMIT = 30_000;
/** Phrases read at most: a whole registration form is about 200. */
export const SPOKEN_LIMIT = 2_000;
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
    const { hiddenFromAll } = __portico;
    const clip = (s: string) => __portico.clip(s, textLimit);
    const implicit: Record<string, string> = { alert: 'assertive', status: 'polite', log: 'polite', marquee: 'off', timer: 'off' };
    const live = Array.from(document.querySelectorAll('[aria-live], [role~="alert"], [role~="status"], [role~="log"], output'))
      .filter((el) => !hiddenFromAll(el))
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
      .filter((el) => !hiddenFromAll(el))
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
      .filter((el) => !hiddenFromAll(el))
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

let vsrScript: string | null = null;

/**
 * Guidepup's Virtual Screen Reader as a classic script: its browser build is an ES module whose
 * last statement exports the screen reader; that statement becomes an assignment to a global of
 * the isolated world it runs in (the page's own scripts cannot see or replace it).
 */
export function virtualScreenReaderScript(): string {
  if (vsrScript) return vsrScript;
  const file = createRequire(import.meta.url).resolve('@guidepup/virtual-screen-reader/browser.js');
  const src = readFileSync(file, 'utf8');
  const m = /export\s*\{([^}]*)\};?\s*(\/\*[\s\S]*?\*\/\s*)?(\/\/# sourceMappingURL=\S*\s*)?$/.exec(src);
  if (!m) throw new Error(`${file}: no final export statement (the browser build changed shape)`);
  const exported = m[1].split(',').map((p) => p.trim().split(/\s+as\s+/)).map(([local, name]) => `${JSON.stringify(name ?? local)}: ${local}`).join(', ');
  vsrScript = `${src.slice(0, m.index)}\n;globalThis.__porticoVsr = { ${exported} };\n`;
  return vsrScript;
}

/** Reads the page from top to bottom with the Virtual Screen Reader (next, next, … until "end of document"). */
async function speakWithVirtualScreenReader(cdp: CDPSession): Promise<{ spoken: string[]; truncated: boolean }> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'portico-virtual-screen-reader' });
  const injected = await cdp.send('Runtime.evaluate', { expression: virtualScreenReaderScript(), contextId: executionContextId });
  if (injected.exceptionDetails) throw new Error(injected.exceptionDetails.exception?.description?.split('\n')[0] ?? injected.exceptionDetails.text);
  const read = await cdp.send('Runtime.evaluate', {
    contextId: executionContextId, awaitPromise: true, returnByValue: true,
    expression: `(async (limit) => {
      const v = globalThis.__porticoVsr.virtual;
      await v.start({ container: document.body, displayCursor: false });
      let truncated = true;
      try {
        for (let i = 0; i < limit; i++) {
          await v.next();
          if ((await v.lastSpokenPhrase()) === 'end of document') { truncated = false; break; }
        }
        return { spoken: await v.spokenPhraseLog(), truncated };
      } finally { await v.stop(); }
    })(${SPOKEN_LIMIT})`,
  });
  if (read.exceptionDetails) throw new Error(read.exceptionDetails.exception?.description?.split('\n')[0] ?? read.exceptionDetails.text);
  return read.result.value as { spoken: string[]; truncated: boolean };
}

/**
 * When the Virtual Screen Reader cannot run: the accessibility tree in reading order, each node
 * said as a screen reader would ("heading, Create your account, level 1", "textbox, Email, required").
 */
export function phrasesFromTree(nodes: AxNode[]): string[] {
  const out: string[] = [];
  for (const n of readingOrder(nodes)) {
    if (n.ignored) continue;
    const role = String(n.role?.value ?? '');
    const name = String(n.name?.value ?? '').replace(/\s+/g, ' ').trim();
    if (role === 'StaticText' || role === 'InlineTextBox') {
      if (name && out.at(-1)?.includes(name) !== true) out.push(name);
      continue;
    }
    if (['generic', 'none', 'RootWebArea', 'LineBreak', 'paragraph', 'ListMarker'].includes(role) && !name) continue;
    const state = [
      axProp(n, 'level') !== undefined && role === 'heading' ? `level ${axProp(n, 'level')}` : '',
      axProp(n, 'invalid') && axProp(n, 'invalid') !== 'false' ? 'invalid' : '',
      axProp(n, 'required') ? 'required' : '',
      axProp(n, 'checked') !== undefined ? (axProp(n, 'checked') === 'true' ? 'checked' : 'not checked') : '',
      axProp(n, 'disabled') ? 'disabled' : '',
    ].filter(Boolean);
    out.push([role === 'RootWebArea' ? 'document' : role, name, ...state].filter(Boolean).join(', '));
    if (out.length >= SPOKEN_LIMIT) break;
  }
  return out;
}

export async function gatherTranscript(page: Page): Promise<TranscriptArtifact> {
  const notes: string[] = [];
  const dom = await domFacts(page);
  let ariaSnapshot = '';
  try {
    // An SVG document has no <body>: its root is what a screen reader reads.
    const root = (await page.locator('body').count()) ? 'body' : ':root';
    ariaSnapshot = await page.locator(root).ariaSnapshot({ timeout: 10_000 });
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
    spoken: [],
    spokenBy: 'none',
    spokenTruncated: false,
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
    let speech: Pick<TranscriptArtifact, 'spoken' | 'spokenBy' | 'spokenTruncated'>;
    try {
      const r = await speakWithVirtualScreenReader(cdp);
      speech = { spoken: r.spoken, spokenBy: 'virtual-screen-reader', spokenTruncated: r.truncated };
    } catch (error) {
      notes.push(`Virtual Screen Reader could not run (${(error as Error).message.split('\n')[0]}): phrases built from the accessibility tree`);
      const spoken = phrasesFromTree(nodes);
      speech = { spoken, spokenBy: 'accessibility-tree', spokenTruncated: spoken.length >= SPOKEN_LIMIT };
    }
    return { ...base, headings, landmarks, focused, source: 'cdp', axNodeCount: live.length, ...speech };
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
