import type { Page } from 'playwright';
import { evaluateInPage } from './in-page.ts';
import { readEventListeners } from './event-listeners.ts';
import type { FocusStop, KeyboardArtifact } from './types.ts';

/** In-page description of the focused element (or null when focus is on <body>/nothing). */
async function describeActive(page: Page) {
  return evaluateInPage(page, () => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || el.getAttribute('placeholder') || '').replace(/\s+/g, ' ').trim().slice(0, 120);
    // How much of the element is covered by something else (e.g. a sticky header): sample a 5×5 grid.
    let covered = 0, samples = 0;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
      const x = r.left + ((i + 0.5) * r.width) / 5, y = r.top + ((j + 0.5) * r.height) / 5;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) { samples++; covered++; continue; }
      const hit = document.elementFromPoint(x, y);
      samples++;
      if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) covered++;
    }
    return {
      domPath: __porticoDomPath(el),
      tag: el.localName,
      role: el.getAttribute('role'),
      name,
      rect: r.width || r.height ? { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height } : null,
      obscured: samples ? covered / samples : 0,
    };
  });
}

/**
 * Does the element look different focused and unfocused? First its computed focus styles (cheap);
 * when those are identical, its pixels (PNG bytes equal ⇔ pixels equal), which also catches
 * indicators drawn by pseudo-elements or parents.
 */
async function focusIsVisible(page: Page, rect: NonNullable<FocusStop['rect']>): Promise<boolean | null> {
  const handle = await page.evaluateHandle(() => document.activeElement);
  try {
    const stylesDiffer = await handle.evaluate((node) => {
      const el = node as HTMLElement | null;
      if (!el) return false;
      const props = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow', 'border-top-color', 'border-bottom-color', 'border-bottom-width', 'background-color', 'color', 'text-decoration-line'];
      // An indicator may be drawn by a pseudo-element (::after ring) outside the element's own box.
      const pseudo = ['box-shadow', 'outline-style', 'outline-color', 'border-top-color', 'background-color', 'opacity', 'content'];
      const snap = () => {
        const cs = getComputedStyle(el);
        const extra = ['::before', '::after'].map((pe) => { const ps = getComputedStyle(el, pe); return pseudo.map((p) => ps.getPropertyValue(p)).join(','); }).join('|');
        return props.map((p) => cs.getPropertyValue(p)).join('|') + '||' + extra;
      };
      const focused = snap();
      el.blur();
      const blurred = snap();
      el.focus();
      const outlineNone = getComputedStyle(el).outlineStyle === 'none' || getComputedStyle(el).outlineWidth === '0px';
      // An outline that is "none" in both states does not count as a difference of the outline.
      return focused !== blurred && !(outlineNone && focused.replace(/^[^|]*\|[^|]*\|[^|]*\|[^|]*/, '') === blurred.replace(/^[^|]*\|[^|]*\|[^|]*\|[^|]*/, ''));
    });
    if (stylesDiffer) return true;
    // A ring drawn outside the box (outline-offset, box-shadow spread) is part of what the person sees.
    const pad = 16;
    const viewport = page.viewportSize();
    const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
    const clip = { x: Math.max(0, rect.x - scroll.x - pad), y: Math.max(0, rect.y - scroll.y - pad), width: rect.width + 2 * pad, height: rect.height + 2 * pad };
    if (!viewport || clip.width < 1 || clip.height < 1 || clip.x >= viewport.width || clip.y >= viewport.height) return null;
    clip.width = Math.min(clip.width, viewport.width - clip.x);
    clip.height = Math.min(clip.height, viewport.height - clip.y);
    const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    await handle.evaluate((el) => (el as HTMLElement | null)?.blur());
    const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    // Put focus back the way a keyboard user left it (focus-visible heuristics follow the last key press).
    await handle.evaluate((el) => (el as HTMLElement | null)?.focus());
    return !focused.equals(blurred);
  } finally {
    await handle.dispose();
  }
}

export interface KeyboardOptions {
  maxPresses?: number;
  /** Compare each focused element's pixels with and without focus (2.4.7). */
  checkFocusVisibility?: boolean;
}

/**
 * Walks the page with Tab only, as a keyboard user would, from the top of the document: records the
 * focus sequence, whether focus is visible and unobscured at each stop, what could not be reached,
 * controls that only a pointer can operate, and cycles that Tab and Shift+Tab cannot leave.
 */
export async function gatherKeyboard(page: Page, options: KeyboardOptions = {}): Promise<KeyboardArtifact> {
  const checkVisible = options.checkFocusVisibility ?? true;
  // Embedded frames often render their controls from script after the page itself has loaded (a
  // widget that fetches its content): walk them as a person meets them, once they have settled.
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  if (frames.length > 0) {
    await Promise.all(frames.map((f) => f.waitForLoadState('load', { timeout: 3000 }).catch(() => undefined)));
    // Settled: the frames' focusable controls are there and their number stopped changing (at most ~2 s).
    const count = () => Promise.all(frames.map((f) => f.evaluate(() => document.querySelectorAll('a[href],button,input,select,textarea,[tabindex]').length).catch(() => -1)));
    let last = await count();
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(200);
      const now = await count();
      const same = now.every((n, j) => n === last[j]);
      last = now;
      if (same && now.every((n) => n !== 0)) break;
    }
  }
  const census = await evaluateInPage(page, () => {
    const pathOf = __porticoDomPath;
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      // checkVisibility: content of a closed <details> (content-visibility: hidden) has a box yet Tab skips it.
      return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0 && !el.closest('[inert],[hidden]') && (el.checkVisibility?.() ?? true);
    };
    const nameOf = (el: Element) => (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 120);
    const focusableSel = 'a[href],button,input:not([type=hidden]),select,textarea,summary,iframe,[tabindex],[contenteditable=""],[contenteditable=true],audio[controls],video[controls]';
    const tabbable = Array.from(document.querySelectorAll(focusableSel)).filter((el) => {
      const t = el.getAttribute('tabindex');
      return visible(el) && !(el as HTMLButtonElement).disabled && (t === null || Number(t) >= 0);
    });
    // An open modal dialog makes the rest of the page unreachable on purpose.
    const modal = (document.querySelector('dialog:modal') ?? Array.from(document.querySelectorAll('[aria-modal="true"]')).find((d) => visible(d))) ?? null;
    const pointerOnly = Array.from(document.querySelectorAll('body *')).filter((el) => {
      if (el.matches(focusableSel) || el.closest('a[href],button,label,summary,select')) return false;
      if (!visible(el)) return false;
      const hasHandler = el.hasAttribute('onclick') || typeof (el as HTMLElement).onclick === 'function' || ['button', 'link', 'checkbox', 'tab', 'menuitem'].includes(el.getAttribute('role') ?? '');
      return hasHandler;
    });
    return {
      tabbable: tabbable.map((el) => {
        // Tab enters a group of radios once (arrow keys move within it): its members share a group key.
        const radio = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `${el.form ? pathOf(el.form) : ''}#${el.name}` : null;
        return { domPath: pathOf(el), tag: el.localName, name: nameOf(el), ...(radio ? { radioGroup: radio } : {}), ...(modal && !modal.contains(el) ? { behindModal: true } : {}) };
      }),
      modalPath: modal ? pathOf(modal) : null,
      pointerOnly: pointerOnly.map((el) => ({
        domPath: pathOf(el), tag: el.localName, name: nameOf(el), html: el.outerHTML.slice(0, 300),
        via: [...(el.hasAttribute('onclick') || typeof (el as HTMLElement).onclick === 'function' ? ['onclick attribute'] : []), ...(el.getAttribute('role') ? [`role=${el.getAttribute('role')}`] : [])],
        containsFocusable: Boolean(el.querySelector(focusableSel)),
      })),
    };
  });
  const listeners = await listenerHandlers(page);
  const known = new Set(census.pointerOnly.map((p) => p.domPath));
  for (const l of listeners ?? []) {
    const seen = census.pointerOnly.find((p) => p.domPath === l.domPath);
    if (seen) seen.via = [...new Set([...seen.via, ...(l.via ?? [])])];
    else if (!known.has(l.domPath)) census.pointerOnly.push({ ...l, via: l.via ?? [], containsFocusable: Boolean(l.containsFocusable) });
  }

  // Start from the top of the document. Blurring alone is not enough: Chromium keeps the blurred
  // element as the starting point of sequential navigation, so a page that focuses something on
  // load (GOV.UK's error summary) would be walked from there and its header never reached. A
  // script-focusable marker at the start of <body> moves that point to the top; it is removed at
  // the first press (a modal page keeps its own focus: the marker cannot take it from inside).
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    // An SVG or XML document has no <body>, and what it creates is not HTML: no marker there.
    if (!document.body) return;
    const start = document.createElementNS('http://www.w3.org/1999/xhtml', 'span') as HTMLSpanElement;
    start.tabIndex = -1;
    start.setAttribute('data-portico-walk-start', '');
    start.style.cssText = 'position:absolute;top:0;left:0;width:1px;height:1px;overflow:hidden';
    document.body.prepend(start);
    start.focus({ preventScroll: true });
  });
  const removeStart = () => page.evaluate(() => document.querySelector('[data-portico-walk-start]')?.remove()).catch(() => undefined);
  const maxPresses = options.maxPresses ?? Math.min(400, census.tabbable.length * 2 + 10);
  const modalPaths = census.modalPath;
  let fullPass = false;
  let framePresses = 0;
  /** Inside the frame focus is in: the elements focused there since focus entered it, in order. */
  const frameSeen: string[] = [];
  const sequence: FocusStop[] = [];
  const seenAt = new Map<string, number>();
  let trap: KeyboardArtifact['trap'] = null;
  let presses = 0;
  while (presses < maxPresses) {
    await page.keyboard.press('Tab');
    presses++;
    if (presses === 1) await removeStart();
    const active = await describeActive(page);
    if (!active) {
      if (sequence.length > 0) { fullPass = true; break; } // focus left the content after the last stop: a full pass
      continue;
    }
    // Inside an iframe, document.activeElement stays the <iframe> while Tab moves through the frame's
    // own controls: the same stop again and again is focus travelling inside it, not a cycle. What is
    // focused inside the frame tells the two apart: focus that comes back to an element of the frame
    // before leaving it is cycling there (a widget that cancels Tab keeps it on one element).
    if (active.tag === 'iframe') {
      const inner = await frameFocus(page);
      const last = sequence[sequence.length - 1];
      if (last && last.domPath === active.domPath) {
        if (inner !== null && frameSeen.includes(inner)) {
          const cycle = frameSeen.slice(frameSeen.indexOf(inner));
          let escaped = false;
          for (let i = 0; i < cycle.length + 2 && !escaped; i++) {
            await page.keyboard.press('Shift+Tab');
            const back = await describeActive(page);
            if (!back || back.domPath !== active.domPath) { escaped = true; break; }
            const backInner = await frameFocus(page);
            if (backInner === null || !cycle.includes(backInner)) escaped = true;
          }
          if (!escaped) {
            trap = { domPaths: [active.domPath], escapedWithShiftTab: false, inFrame: { frame: active.domPath, domPaths: cycle },
              ...(modalPaths && active.domPath.startsWith(modalPaths + '>') ? { insideModal: true } : {}) };
            fullPass = true;
            break;
          }
          frameSeen.length = 0;
        }
        if (inner !== null) frameSeen.push(inner);
        if (++framePresses <= 200) continue;
      } else {
        frameSeen.length = 0;
        if (inner !== null) frameSeen.push(inner);
      }
    } else frameSeen.length = 0;
    framePresses = 0;
    const previous = seenAt.get(active.domPath);
    if (previous !== undefined) {
      // Back at an element before leaving the page's content: focus is cycling. Try Shift+Tab out.
      const cycle = sequence.slice(previous).map((s) => s.domPath ?? '');
      let escaped = false;
      for (let i = 0; i < cycle.length + 2 && !escaped; i++) {
        await page.keyboard.press('Shift+Tab');
        const back = await describeActive(page);
        if (!back || !cycle.includes(back.domPath)) escaped = true;
      }
      const reachedGroups = new Set(census.tabbable.filter((x) => x.radioGroup && seenAt.has(x.domPath)).map((x) => x.radioGroup));
      const unvisited = census.tabbable.some((x) => !seenAt.has(x.domPath) && !(x.radioGroup && reachedGroups.has(x.radioGroup)));
      // A page that wraps focus through ALL its content is not a trap; a cycle that leaves content
      // unreachable and that Shift+Tab cannot leave is (2.1.2).
      if (unvisited && !escaped) trap = { domPaths: cycle, escapedWithShiftTab: escaped, ...(modalPaths && cycle.every((c) => c.startsWith(modalPaths + '>')) ? { insideModal: true } : {}) };
      fullPass = !unvisited || trap !== null;
      break;
    }
    seenAt.set(active.domPath, sequence.length);
    const stop: FocusStop = { index: sequence.length, ...active, visibleFocus: null };
    if (checkVisible && active.rect) {
      // Blurring and refocusing an <iframe> resets what is focused inside it (the frame's document
      // takes focus and Tab would go on from there): put focus back on the frame's own element.
      const innerHandle = active.tag === 'iframe' ? await innerActive(page) : null;
      stop.visibleFocus = await focusIsVisible(page, active.rect);
      if (innerHandle) {
        await innerHandle.evaluate((el) => { if (el && el !== el.ownerDocument.body) (el as HTMLElement).focus({ preventScroll: true }); }).catch(() => undefined);
        await innerHandle.dispose().catch(() => undefined);
      }
    }
    sequence.push(stop);
  }
  // A radio is reached when Tab reached its group: the browser puts one radio of a group in the Tab order.
  const groupsReached = new Set(census.tabbable.filter((x) => x.radioGroup && seenAt.has(x.domPath)).map((x) => x.radioGroup));
  const unreached = census.tabbable.filter((x) => !seenAt.has(x.domPath) && !(x.radioGroup && groupsReached.has(x.radioGroup)));
  if (presses === 0) await removeStart();
  const capped = !fullPass && presses >= maxPresses;
  return { presses, sequence, unreached, pointerOnly: census.pointerOnly, trap, ...(capped ? { capped } : {}), ...(listeners === null ? { listenersUnread: true } : {}) };
}

/** A handle on the element focused inside the focused <iframe> (null when it cannot be read). */
async function innerActive(page: Page) {
  const outer = await page.evaluateHandle(() => document.activeElement);
  try {
    const frame = await outer.asElement()?.contentFrame();
    return frame ? await frame.evaluateHandle(() => document.activeElement as Element | null) : null;
  } catch {
    return null;
  } finally {
    await outer.dispose().catch(() => undefined);
  }
}

/**
 * The element focused inside the focused <iframe> (its DOM path in the frame's document, nested frames
 * joined by " >> "), or null when the frame cannot be read or its document itself has focus.
 */
async function frameFocus(page: Page): Promise<string | null> {
  let handle = await page.evaluateHandle(() => document.activeElement);
  const parts: string[] = [];
  try {
    for (let depth = 0; depth < 4; depth++) {
      const frame = await handle.asElement()?.contentFrame();
      if (!frame) break;
      const next = await frame.evaluateHandle(() => document.activeElement);
      const desc = await next.evaluate((el) => {
        if (!el || el === document.body || el === document.documentElement) return null;
        const path: string[] = [];
        for (let n: Element | null = el; n && n !== document.documentElement; n = n.parentElement) {
          const p: Element | null = n.parentElement;
          const i = p ? Array.from(p.children).filter((c) => c.localName === n!.localName).indexOf(n) + 1 : 1;
          path.unshift(n.id ? `${n.localName}#${n.id}` : `${n.localName}:nth-of-type(${i})`);
        }
        return { path: path.join('>'), iframe: el.localName === 'iframe' };
      }).catch(() => null);
      await handle.dispose();
      handle = next;
      if (!desc) return parts.length ? parts.join(' >> ') : null;
      parts.push(desc.path);
      if (!desc.iframe) break;
    }
    return parts.length ? parts.join(' >> ') : null;
  } catch {
    return null;
  } finally {
    await handle.dispose().catch(() => undefined);
  }
}

const POINTER_EVENTS = new Set(['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'dblclick']);

/**
 * Elements that cannot take focus but have pointer handlers added with addEventListener (Vue,
 * Angular, plain JS) — read over CDP with DOMDebugger.getEventListeners — or a React onClick prop
 * (React delegates to its root, so the element itself has no listener). Facts only; the audit
 * judges. Null when the listeners could not be read.
 */
async function listenerHandlers(page: Page): Promise<KeyboardArtifact['pointerOnly'] | null> {
  const focusableSel = 'a[href],button,input:not([type=hidden]),select,textarea,summary,iframe,[tabindex],[contenteditable=""],[contenteditable=true],audio[controls],video[controls]';
  const select = `Array.from(document.querySelectorAll('body *')).filter((el) => {
    if (el.matches(${JSON.stringify(focusableSel)}) || el.closest('a[href],button,label,summary,select')) return false;
    const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0 && !el.closest('[inert],[hidden]');
  }).slice(0, 1500)`;
  // The details only for elements that have a pointer listener (or a React onClick).
  const describe = `function (listeners, read, focusableSel) {
    const out = [];
    this.forEach((el, i) => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      const react = key && el[key] ? ['onClick', 'onMouseDown', 'onPointerDown', 'onTouchStart'].filter((h) => typeof el[key][h] === 'function') : [];
      if (!(i in listeners) && react.length === 0) return;
      out.push({ i, domPath: __porticoDomPath(el), tag: el.localName, name: (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 120), html: el.outerHTML.slice(0, 300), react, containsFocusable: Boolean(el.querySelector(focusableSel)) });
    });
    return out;
  }`;
  type Row = { i: number; domPath: string; tag: string; name: string; html: string; react: string[]; containsFocusable: boolean };
  const { listeners, value } = await readEventListeners<Row[]>(page, select, { types: POINTER_EVENTS, then: { fn: describe, args: [focusableSel] } });
  if (!listeners.read || !value) return null;
  return value.map((v) => ({ domPath: v.domPath, tag: v.tag, name: v.name, html: v.html, via: [...(listeners.types.get(v.i) ?? []).map((t) => `listener:${t}`), ...v.react.map((h) => `framework:${h}`)], containsFocusable: v.containsFocusable }));
}
