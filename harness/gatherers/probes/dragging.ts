/**
 * Dragging movements (2.5.7): the controls a person operates by dragging, and what else in their
 * widget a single pointer could use instead. Facts only; the dragging audit judges.
 *
 * A control is recorded when the page says it is dragged:
 * - `draggable="true"` or a `dragstart` listener (HTML drag and drop);
 * - a pointer-down listener (`pointerdown`, `mousedown`, `touchstart`, read over CDP with
 *   DOMDebugger.getEventListeners on the element or the two elements above it — sortable libraries
 *   listen on the list) on an element that also looks dragged: `cursor: grab/move/…-resize`,
 *   `touch-action: none`, or `role="slider"` (a custom slider's thumb).
 * Native `<input type=range>` is not recorded: the browser's own slider moves when its track is
 * clicked. For each control: its widget (the list of sibling items, or the slider's track), the
 * single-pointer controls in the widget and around it (buttons, links, fields, with their names),
 * the click / pointer listeners on the track, and whether it takes keyboard focus (not enough for
 * 2.5.7, which asks for a single pointer).
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { readEventListeners } from '../event-listeners.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type DraggingArtifact = ArtifactOf<'dragging'>;
export type DragWidget = DraggingArtifact['widgets'][number];
export type DragControlNear = DragWidget['controls'][number];

const DOWN = ['pointerdown', 'mousedown', 'touchstart'];
const TRACK = ['click', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend'];

/** In the page: candidates (by attribute or style) and the two elements above each, to read their listeners. */
const CANDIDATES = `(() => {
  const out = new Set();
  const dragCursor = /^(grab|grabbing|move|ew-resize|ns-resize|col-resize|row-resize|all-scroll)$/;
  const all = Array.from(document.querySelectorAll('body *')).slice(0, 3000);
  for (const el of all) {
    if (el.matches('input, select, textarea, option')) continue;
    if (el.closest('[hidden],[inert]')) continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    if (el.getAttribute('draggable') === 'true' || el.getAttribute('role') === 'slider' || dragCursor.test(s.cursor) || s.touchAction === 'none') out.add(el);
    if (out.size >= 200) break;
  }
  const nodes = [];
  for (const el of out) nodes.push(el, el.parentElement, el.parentElement && el.parentElement.parentElement);
  return nodes;
})()`;

function judgeInPage(this: Array<Element | null>, listeners: Record<number, string[]>, read: boolean, DOWN: string[], TRACK: string[]) {
  const pathOf = __porticoDomPath;
  const dragCursor = /^(grab|grabbing|move|ew-resize|ns-resize|col-resize|row-resize|all-scroll)$/;
  const text = (el: Element) => (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('title') || (el as HTMLInputElement).value || el.getAttribute('alt') || '').replace(/\s+/g, ' ').trim().slice(0, 80);
  const named = (el: Element) => {
    const by = el.getAttribute('aria-labelledby');
    const lab = by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() : '';
    const img = el.querySelector('img[alt], svg[aria-label]');
    return (lab || text(el) || (img ? img.getAttribute('alt') || img.getAttribute('aria-label') || '' : '')).replace(/\s+/g, ' ').trim().slice(0, 80);
  };
  const dragged: Array<{ el: Element; how: string[] }> = [];
  for (let i = 0; i < this.length; i += 3) {
    const el = this[i]!;
    const how: string[] = [];
    if (el.getAttribute('draggable') === 'true') how.push('draggable');
    const at = ['self', 'parent', 'grandparent'];
    let down = false;
    for (let k = 0; k < 3; k++) {
      for (const t of listeners[i + k] ?? []) {
        if (t === 'dragstart' && k === 0) how.push('listener:dragstart@self');
        if (DOWN.includes(t)) { how.push(`listener:${t}@${at[k]}`); down = true; }
      }
    }
    const s = getComputedStyle(el);
    const looks: string[] = [];
    if (dragCursor.test(s.cursor)) looks.push(`cursor:${s.cursor}`);
    if (s.touchAction === 'none') looks.push('touch-action:none');
    if (el.getAttribute('role') === 'slider') looks.push('role=slider');
    // A pointer-down listener counts only on something that looks dragged; without listeners read, a slider role still does.
    const isDrag = how.includes('draggable') || how.includes('listener:dragstart@self') || (down && looks.length > 0) || (!read && looks.includes('role=slider'));
    if (isDrag) dragged.push({ el, how: [...new Set([...how, ...looks])] });
  }
  const CONTROL = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=link], [role=spinbutton], [role=combobox]';
  const usable = (c: Element) => { const s = getComputedStyle(c); const r = c.getBoundingClientRect(); return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0 && !(c as HTMLInputElement).disabled; };
  const seen = new Set<Element>();
  const widgets = [];
  for (const d of dragged) {
    if (seen.has(d.el)) continue;
    const parent = d.el.parentElement!;
    const slider = d.el.getAttribute('role') === 'slider';
    const siblings = slider ? [d] : dragged.filter((o) => o.el.parentElement === parent && o.el.getAttribute('role') !== 'slider');
    for (const s of siblings) seen.add(s.el);
    const sortable = !slider && siblings.length > 1;
    const widget = sortable ? parent : d.el;
    // Around the widget: the list and its parent, or the slider's track and the element holding it.
    // Not past a page region: the main content or a whole form is not the widget's surroundings.
    const near = parent;
    const above = near.parentElement;
    const scope = above && !above.matches('body, main, form, section, article, aside, nav, [role=main], [role=region], [role=form], [role=dialog]') ? above : near;
    const items = siblings.map((s) => s.el);
    const controls = [...scope.querySelectorAll(CONTROL)]
      .filter((c) => usable(c) && !items.includes(c) && c.getAttribute('role') !== 'slider' && c.getAttribute('type') !== 'submit')
      .slice(0, 40)
      .map((c) => ({ domPath: pathOf(c), tag: c.localName, role: c.getAttribute('role') ?? '', type: c.getAttribute('type') ?? '', name: named(c), inItem: items.some((it) => it.contains(c)) }));
    const track: string[] = [];
    if (!sortable) {
      const i = this.indexOf(d.el);
      for (const t of listeners[i + 1] ?? []) if (TRACK.includes(t)) track.push(`${t}@parent`);
      for (const t of listeners[i + 2] ?? []) if (TRACK.includes(t)) track.push(`${t}@grandparent`);
    }
    const tabindex = d.el.getAttribute('tabindex');
    widgets.push({
      domPath: pathOf(widget), kind: slider ? 'slider' : sortable ? 'sortable' : 'draggable', how: [...new Set(siblings.flatMap((s) => s.how))],
      items: siblings.length, name: sortable ? (widget.getAttribute('aria-label') ?? '') : named(d.el),
      snippet: (slider ? d.el : widget).outerHTML.slice(0, 200), controls, track: [...new Set(track)],
      keyboard: (tabindex !== null && Number(tabindex) >= 0) || (listeners[this.indexOf(d.el)] ?? []).includes('keydown'),
    });
  }
  return { nativeRanges: document.querySelectorAll('input[type=range]').length, widgets };
}

export async function gatherDragging(page: Page): Promise<DraggingArtifact> {
  const { listeners, value, thenError } = await readEventListeners<Omit<DraggingArtifact, 'schema' | 'listenersRead'>>(page, CANDIDATES, {
    then: { fn: judgeInPage.toString(), args: [DOWN, TRACK] },
  });
  if (value === undefined) throw new Error(`dragging: ${thenError ?? (listeners.read ? 'no value' : listeners.reason)}`);
  return { schema: 'portico.probe.dragging/1', listenersRead: listeners.read, ...value };
}

export const draggingProbe: Probe = {
  id: 'dragging',
  description: 'Controls operated by dragging (draggable, pointer-down listeners on grab/slider elements) and the single-pointer controls beside them (2.5.7).',
  gather: (page) => gatherDragging(page),
};
