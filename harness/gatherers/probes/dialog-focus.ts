/**
 * Dialog focus (2.4.3): where focus goes when a modal dialog closes. For the page's controls that
 * open a dialog, the probe focuses the control, presses Enter as a keyboard user would, and when a
 * modal dialog opened (a <dialog> shown modal, or a visible [aria-modal=true] / role=dialog that was
 * not visible before) records where focus went inside it, presses Escape, and records whether the
 * dialog closed and which element has focus afterwards. Facts only; the dialog-focus-return audit
 * judges them (ARIA APG dialog pattern: focus returns to the element that opened the dialog).
 *
 * Which controls are tried: those that say they open a dialog (aria-haspopup=dialog, aria-controls,
 * a data-* target or href="#id" naming a dialog), then — only when the page holds a closed dialog —
 * links and buttons with a click listener (DOMDebugger over CDP) whose name shares a word with a
 * closed dialog's name, at most MAX in all. Submit buttons
 * of forms are never pressed. While the probe runs, the default action of a click and of a form
 * submit is cancelled (a window listener that runs after the page's own), so a control that does
 * not open a dialog cannot navigate away. Focus is put back where it was.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import { readEventListeners } from '../event-listeners.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

const MAX = 6;

/** What the probe records (schema and each field's meaning: harness/artifacts/barrier-schemas.ts). */
export type DialogFocusArtifact = ArtifactOf<'dialog-focus'>;
export type DialogFocusTrial = DialogFocusArtifact['trials'][number];

/** In-page: candidate openers, each marked with data-portico-dialog-candidate=<n>. */
function candidates(max: number) {
  const pathOf = __porticoDomPath;
  const visible = (el: Element) => { const s = getComputedStyle(el); const r = el.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0 && !el.closest('[inert],[hidden]'); };
  const dialogs = Array.from(document.querySelectorAll('dialog, [role=dialog], [role=alertdialog], [aria-modal=true]'));
  const closed = dialogs.filter((d) => !(d instanceof HTMLDialogElement ? d.open : visible(d)));
  const isDialog = (id: string | null | undefined) => { if (!id) return false; const t = document.getElementById(id.replace(/^#/, '')); return Boolean(t && dialogs.includes(t)); };
  const controls = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, [role=button], input[type=button]')).filter((el) => visible(el) && !(el as HTMLButtonElement).disabled && !el.closest('dialog, [role=dialog], [role=alertdialog], [aria-modal=true]'));
  const isSubmit = (el: HTMLElement) => (el instanceof HTMLButtonElement && el.type === 'submit' && el.form !== null) || (el instanceof HTMLInputElement && el.type === 'submit');
  const declared = controls.filter((el) => !isSubmit(el) && (el.getAttribute('aria-haspopup') === 'dialog' || isDialog(el.getAttribute('aria-controls')) || (el.getAttribute('href')?.startsWith('#') && isDialog(el.getAttribute('href'))) || Array.from(el.attributes).some((a) => a.name.startsWith('data-') && isDialog(a.value))));
  // A control that does not say it opens a dialog is pressed only when its name shares a word with a
  // closed dialog's name ("Sign out" / "Are you sure you want to sign out?"): pressing any button with
  // a listener would act on the page (take a photo, send a form by script).
  const words = (t: string | null | undefined) => new Set((t ?? '').toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
  const dialogName = (d: Element) => { const ids = d.getAttribute('aria-labelledby'); return d.getAttribute('aria-label') || (ids ? ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '') || d.querySelector('h1,h2,h3,h4,h5,h6')?.textContent || ''; };
  const dialogWords = closed.map((d) => words(dialogName(d)));
  const sharesWord = (el: HTMLElement) => { const own = words(el.getAttribute('aria-label') || el.textContent); return dialogWords.some((w) => [...own].some((x) => w.has(x))); };
  const rest = closed.length ? controls.filter((el) => !isSubmit(el) && !declared.includes(el) && sharesWord(el)) : [];
  document.querySelectorAll('[data-portico-dialog-candidate]').forEach((el) => el.removeAttribute('data-portico-dialog-candidate'));
  const out = [...declared, ...rest].map((el, i) => {
    const row = { i, declared: i < declared.length, domPath: pathOf(el), tag: el.localName, name: (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80), snippet: el.outerHTML.slice(0, 200) };
    el.setAttribute('data-portico-dialog-candidate', String(i));
    return row;
  });
  return { closedDialogs: closed.length, candidates: out.slice(0, max * 20) };
}

/** In-page: the open modal dialog (path, name, native) and the focused element, or null. */
function openModal() {
  const pathOf = __porticoDomPath;
  const visible = (el: Element) => { const s = getComputedStyle(el); const r = el.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0; };
  const native = document.querySelector('dialog:modal');
  // A <dialog> that is not open counts when the page's CSS shows it (GOV.UK publishing components' modal dialogue shows its wrapper, never calls showModal()).
  const aria = native ?? Array.from(document.querySelectorAll('[aria-modal=true], [role=dialog], [role=alertdialog]')).find((d) => visible(d) && !d.hasAttribute('data-portico-dialog-was-open')) ?? null;
  const d = aria;
  const a = document.activeElement;
  const focus = !a || a === document.body || a === document.documentElement ? null : { domPath: pathOf(a), tag: a.localName, name: (a.getAttribute('aria-label') || a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80) };
  if (!d) return { dialog: null, focus, focusInside: false };
  const label = d.getAttribute('aria-labelledby');
  // Unnamed (a GOV.UK modal dialogue has no aria-label): its first heading, as candidates() reads it.
  const name = (d.getAttribute('aria-label') || (label ? document.getElementById(label)?.textContent : '') || d.querySelector('h1,h2,h3,h4,h5,h6')?.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return { dialog: { domPath: pathOf(d), tag: d.localName, name, native: d instanceof HTMLDialogElement && d.open }, focus, focusInside: Boolean(a && d.contains(a)) };
}

export async function gatherDialogFocus(page: Page): Promise<DialogFocusArtifact> {
  // Dialogs already showing (a time-out warning, a cookie banner) are not ones the probe opened.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('dialog[open], [aria-modal=true], [role=dialog], [role=alertdialog]')) {
      const s = getComputedStyle(d); if (s.display !== 'none' && s.visibility !== 'hidden' && d.getBoundingClientRect().width > 0) d.setAttribute('data-portico-dialog-was-open', '');
    }
  });
  const found = await evaluateInPage(page, candidates, MAX);
  const artifact: DialogFocusArtifact = { schema: 'portico.probe.dialog-focus/1', closedDialogs: found.closedDialogs, trials: [] };
  const already = await evaluateInPage(page, openModal);
  if (already.dialog) return artifact; // a modal is open: the page behind it cannot be operated
  // Undeclared candidates are tried only if they have a click listener of their own.
  const withListener = await clickListeners(page, found.candidates.filter((c) => !c.declared).map((c) => c.i));
  const tryList = found.candidates.filter((c) => c.declared || withListener?.has(c.i)).slice(0, MAX);
  if (tryList.length === 0) return artifact;
  const url = page.url().split('#')[0];
  const restore = await page.evaluateHandle(() => document.activeElement);
  await page.evaluate(() => {
    const guard = (e: Event) => e.preventDefault();
    (window as unknown as { __porticoDialogGuard?: (e: Event) => void }).__porticoDialogGuard = guard;
    window.addEventListener('click', guard);
    window.addEventListener('submit', guard);
  });
  try {
    for (const c of tryList) {
      const trial: DialogFocusTrial = { opener: { domPath: c.domPath, tag: c.tag, name: c.name, snippet: c.snippet }, opened: false };
      const el = page.locator(`[data-portico-dialog-candidate="${c.i}"]`);
      if (await el.count() !== 1) continue;
      await el.focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(250);
      if (page.url().split('#')[0] !== url) {
        // A script moved the page on: go back so the journey goes on from the page it was on.
        trial.navigated = true; artifact.trials.push(trial);
        await page.goBack({ waitUntil: 'load', timeout: 10_000 }).catch(() => undefined);
        if (page.url().split('#')[0] !== url) await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
        break;
      }
      const open = await evaluateInPage(page, openModal);
      if (!open.dialog) { artifact.trials.push(trial); continue; }
      trial.opened = true;
      trial.dialog = open.dialog;
      trial.focusOnOpen = open.focus?.domPath ?? null;
      trial.focusInsideOnOpen = open.focusInside;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(250);
      const after = await evaluateInPage(page, openModal);
      trial.closedWithEscape = after.dialog === null;
      if (after.dialog) {
        // Escape did not close it: close it the way a script would, so the page is left as found; where focus lands then says nothing.
        await page.evaluate(() => { for (const d of document.querySelectorAll('dialog')) if (d.open && !d.hasAttribute('data-portico-dialog-was-open')) d.close(); });
      } else {
        trial.focusAfterClose = after.focus;
        trial.openerPresent = await el.isVisible().catch(() => false);
      }
      artifact.trials.push(trial);
      if (after.dialog) break;
    }
  } finally {
    await page.evaluate(() => {
      const w = window as unknown as { __porticoDialogGuard?: (e: Event) => void };
      if (w.__porticoDialogGuard) { window.removeEventListener('click', w.__porticoDialogGuard); window.removeEventListener('submit', w.__porticoDialogGuard); delete w.__porticoDialogGuard; }
      document.querySelectorAll('[data-portico-dialog-candidate]').forEach((x) => x.removeAttribute('data-portico-dialog-candidate'));
      document.querySelectorAll('[data-portico-dialog-was-open]').forEach((x) => x.removeAttribute('data-portico-dialog-was-open'));
    }).catch(() => undefined);
    await restore.evaluate((a) => { (document.activeElement as HTMLElement | null)?.blur(); if (a && a !== document.body) (a as HTMLElement).focus({ preventScroll: true }); }).catch(() => undefined);
    await restore.dispose().catch(() => undefined);
  }
  return artifact;
}

/** Indices (data-portico-dialog-candidate) of candidates with a click/keydown listener of their own; null when they could not be read. */
async function clickListeners(page: Page, indices: number[]): Promise<Set<number> | null> {
  if (indices.length === 0) return new Set();
  const select = `${JSON.stringify(indices)}.map((i) => document.querySelector('[data-portico-dialog-candidate="' + i + '"]'))`;
  const { listeners } = await readEventListeners(page, select, { types: ['click', 'keydown'] });
  return listeners.read ? new Set([...listeners.types.keys()].map((k) => indices[k]!)) : null;
}

export const dialogFocusProbe: Probe = {
  id: 'dialog-focus',
  description: 'Opens the page’s dialogs with Enter, closes them with Escape, and records where focus goes (2.4.3).',
  gather: (page) => gatherDialogFocus(page),
};
