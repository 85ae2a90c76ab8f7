/**
 * The one way gatherers read the event listeners of page elements: over CDP, with
 * DOMDebugger.getEventListeners, which sees listeners added with addEventListener and on* handlers
 * (not a framework's delegated handlers: React listens on its root). Remote objects are released
 * and a session the helper opened is detached here, once.
 *
 * "Could not read" is its own result (`read: false`, with why): an unread page must not look like a
 * page without listeners.
 */
import type { CDPSession, Page } from 'playwright';
import { DOM_PATH_SOURCE } from './in-page.ts';

/** Per index of the selected elements, the listener types it has (in CDP's order, once each); only elements with at least one (matching) type. */
export type ListenerTypes = Map<number, string[]>;
export type ListenerRead = { read: true; elements: number; types: ListenerTypes } | { read: false; reason: string };

export interface ListenerOptions {
  /** Only these event types count; an element with none of them is left out. */
  types?: Iterable<string>;
  /**
   * A function declaration run in the page on the selected elements once their listeners are read
   * (or could not be): `this` is the array, the arguments are (types by index as a plain object,
   * read, ...args), `__porticoDomPath` is in scope. Its value comes back as `value`.
   */
  then?: { fn: string; args?: unknown[] };
}

export interface ListenerResult<V> {
  listeners: ListenerRead;
  /** The `then` function's value; absent when the elements could not be selected or it threw (see `thenError`). */
  value?: V;
  thenError?: string;
}

/**
 * `select` is an in-page expression whose value is an array (or array-like) of elements; index i of
 * the result is index i of that array (null entries are skipped).
 */
export async function readEventListeners<V = unknown>(target: Page | CDPSession, select: string, options: ListenerOptions = {}): Promise<ListenerResult<V>> {
  let cdp: CDPSession;
  const own = !isSession(target);
  try { cdp = own ? await (target as Page).context().newCDPSession(target as Page) : (target as CDPSession); }
  catch (e) { return { listeners: { read: false, reason: `no CDP session: ${message(e)}` } }; }
  // The array and the element handles Runtime.getProperties gives share this group: released together.
  const objectGroup = `portico-event-listeners-${++groups}`;
  let objectId: string | undefined;
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: select, objectGroup });
    if (exceptionDetails || !result.objectId) return { listeners: { read: false, reason: `selecting the elements failed: ${exceptionDetails?.exception?.description ?? exceptionDetails?.text ?? `got ${result.type}`}` } };
    objectId = result.objectId;
    const listeners = await readAll(cdp, objectId, options.types ? new Set(options.types) : null);
    if (!options.then) return { listeners };
    const byIndex = listeners.read ? Object.fromEntries(listeners.types) : {};
    const fn = `function (...a) { const __porticoDomPath = (${DOM_PATH_SOURCE}); return (${options.then.fn}).apply(this, a); }`;
    try {
      const out = await cdp.send('Runtime.callFunctionOn', {
        objectId, returnByValue: true, functionDeclaration: fn,
        arguments: [{ value: byIndex }, { value: listeners.read }, ...(options.then.args ?? []).map((value) => ({ value }))],
      });
      if (out.exceptionDetails) return { listeners, thenError: out.exceptionDetails.exception?.description ?? out.exceptionDetails.text };
      return { listeners, value: out.result.value as V };
    } catch (e) {
      return { listeners, thenError: message(e) };
    }
  } catch (e) {
    return { listeners: { read: false, reason: message(e) } };
  } finally {
    if (objectId) await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
    if (own) await cdp.detach().catch(() => undefined);
  }
}

async function readAll(cdp: CDPSession, arrayId: string, only: Set<string> | null): Promise<ListenerRead> {
  try {
    const { result: props } = await cdp.send('Runtime.getProperties', { objectId: arrayId, ownProperties: true });
    const types: ListenerTypes = new Map();
    let elements = 0;
    for (const prop of props) {
      if (!/^\d+$/.test(prop.name) || !prop.value?.objectId) continue;
      elements++;
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: prop.value.objectId });
      const t = [...new Set(listeners.map((l) => l.type).filter((x) => !only || only.has(x)))];
      if (t.length) types.set(Number(prop.name), t);
    }
    return { read: true, elements, types };
  } catch (e) {
    return { read: false, reason: `reading listeners failed: ${message(e)}` };
  }
}

let groups = 0;
const isSession = (t: Page | CDPSession): t is CDPSession => typeof (t as CDPSession).send === 'function' && typeof (t as Page).goto !== 'function';
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
