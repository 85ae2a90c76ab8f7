import type { Locator, Page } from 'playwright';
import type { Actor, ActorKind, Scope } from './types.ts';

/** A step could not be done the way this person operates a page: they are blocked here. */
export class BlockedError extends Error {
  readonly how: string;
  /**
   * What the block is filed under. Absent: the persona's own way of operating failed (Tab never
   * reached it, no control has that name) and the persona's criteria apply. Present: the cause is
   * known and stated (an image CAPTCHA: 1.1.1) or unknown (the expected page never came: no
   * criterion is claimed; the checkpoint's audits of the page they are on name it).
   */
  readonly cites?: { wcag: string[]; other?: string[] };
  /** What stopped them, as data (a field, a control), when the step knows it: the finding's key. */
  readonly key?: string;
  constructor(message: string, how: string, cites?: { wcag: string[]; other?: string[] }, key?: string) {
    super(message);
    this.how = how;
    this.cites = cites;
    this.key = key;
  }
}

/** A journey that could not go on for a reason the harness does not attribute to a criterion. */
export const UNATTRIBUTED_BLOCK = { wcag: [], other: ['blocked: the journey could not continue (see what the page says)'] };

type Role = Parameters<Actor['click']>[0];
const ACTION_TIMEOUT = 5_000;

function root(page: Page, scope?: Scope): Page | Locator {
  return scope?.within ? page.getByRole('group', { name: scope.within }) : page;
}

/**
 * The description names a control the page does not have — for anyone, by any means. That is the
 * step (or the target description) being wrong for this page, not a barrier the person meets: the
 * step is incomplete. (Not a BlockedError, so the journey runner records it as incomplete.)
 */
export class MissingControlError extends Error {
  constructor(what: string) {
    super(`the description names a control the page does not have: ${what}`);
  }
}

/**
 * Is the control there for a sighted person — words a person would take for it, shown on the page
 * as a control or as the label of one (a clickable styled div, a text beside a field)? Only then
 * is "no control with that role and name" the page's fault (4.1.2 for the screen-reader user).
 */
async function shownOnPage(page: Page, words: string | RegExp): Promise<boolean> {
  // The words as words: "Eta" (state) is not shown by "Detay" or "Etap".
  const shownAs = typeof words === 'string' ? asWholeWords(words) : words;
  // Words shown inside a field: its placeholder, or the option a closed list shows.
  const placeholders = page.getByPlaceholder(shownAs);
  for (let i = 0; i < Math.min(await placeholders.count(), 5); i++) if (await placeholders.nth(i).isVisible().catch(() => false)) return true;
  const wanted = { source: shownAs.source, flags: shownAs.flags };
  const shownInList = await page.evaluate((w) => Array.from(document.querySelectorAll('select')).some((s) => {
    const text = (s.selectedOptions[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const r = s.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && new RegExp(w.source, w.flags).test(text);
  }), wanted).catch(() => false);
  if (shownInList) return true;
  const texts = page.getByText(shownAs);
  const n = Math.min(await texts.count(), 10);
  // A control's words, not a sentence that happens to contain them ("press Continue below").
  const short = typeof words === 'string' ? words.length + 30 : 120;
  for (let i = 0; i < n; i++) {
    const t = texts.nth(i);
    if (!(await t.isVisible().catch(() => false))) continue;
    const text = ((await t.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
    if (text.length <= short) return true;
  }
  return false;
}

/** A case-insensitive pattern for these words not inside longer words (letters and digits of any script). */
export function asWholeWords(words: string): RegExp {
  const escaped = words.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The one element a person means. Not finding it is a barrier only when the control is there
 * visually or by its words but has no usable role or name: for the screen-reader user that is
 * 4.1.2 (the persona's criteria); for a sighted user it is another problem the page's audits name.
 * When the page does not have it at all, the step is incomplete (MissingControlError).
 */
async function exactlyOne(locator: Locator, what: string, how: string, lookupIsTheBarrier = false, shownAs?: string | RegExp): Promise<Locator> {
  const count = await locator.count();
  if (count === 1) return locator;
  if (count === 0) {
    if (shownAs !== undefined && !(await shownOnPage(locator.page(), shownAs))) throw new MissingControlError(what);
    throw new BlockedError(`could not find ${what}`, how, lookupIsTheBarrier && shownAs !== undefined ? undefined : UNATTRIBUTED_BLOCK);
  }
  // Several matches: a visible one first (e.g. a label repeated in a hidden template).
  const visible = locator.filter({ visible: true });
  if ((await visible.count()) >= 1) return visible.first();
  throw new BlockedError(`${what} matches ${count} elements, none visible`, how, lookupIsTheBarrier ? undefined : UNATTRIBUTED_BLOCK);
}

/** How long a person waits for a control that is there to become visible and enabled (a camera warming up, a script starting). */
const USABLE_WAIT_MS = 5_000;

/**
 * What the person meets before acting: a control that is there but still hidden (for a sighted
 * user) or disabled after USABLE_WAIT_MS is a barrier on the page. Checked first, so that when
 * Playwright's own action then times out, it is the harness that could not act — the run is
 * incomplete, not the person blocked.
 */

async function usable(el: Locator, what: string, how: string, bySight: boolean): Promise<Locator> {
  const ready = async () => (!bySight || (await el.isVisible())) && (await el.isEnabled());
  for (const until = Date.now() + USABLE_WAIT_MS; !(await ready()) && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
  if (bySight && !(await el.isVisible())) throw new BlockedError(`${what} is on the page but not visible`, how, UNATTRIBUTED_BLOCK);
  if (!(await el.isEnabled())) throw new BlockedError(`${what} is disabled`, how, UNATTRIBUTED_BLOCK);
  return el;
}

const TEXT_ROLES = ['textbox', 'searchbox', 'spinbutton', 'combobox'] as const;

/**
 * What a screen reader offers: the field whose accessible name matches — from its label, or, when
 * that is all there is, from aria-label, title or placeholder (Chromium's name computation).
 */
async function byAccessibleName(scope: Page | Locator, name: string | RegExp, roles: readonly string[]): Promise<Locator> {
  const byLabel = await preferExact((exact) => scope.getByLabel(name, { exact }), name);
  if ((await byLabel.count()) > 0) return byLabel;
  for (const role of roles) {
    const byRole = await preferExact((exact) => scope.getByRole(role as 'textbox', { name, exact }), name);
    if ((await byRole.count()) > 0) return byRole;
  }
  return byLabel;
}

const describe = (label: string | RegExp) => (typeof label === 'string' ? `"${label}"` : String(label));

/**
 * The control a person means when a name is part of another's: "البلد" (country) is how
 * "البلدة أو المدينة" (town or city) begins, "Email" how "Email again" does. Someone looking for a
 * field by its words takes the one whose words are exactly those; only when none is, any whose
 * words contain them (Playwright's default substring match).
 */
async function preferExact(make: (exact: boolean) => Locator, name: string | RegExp): Promise<Locator> {
  if (typeof name !== 'string') return make(false);
  const exact = make(true);
  return (await exact.count()) > 0 ? exact : make(false);
}

/**
 * Screen-reader user: finds everything through the accessibility tree — form fields by their
 * label, controls by role and accessible name — never by CSS, text position or coordinates.
 */
export function screenReaderActor(page: Page): Actor {
  const log: string[] = [];
  const how = 'by role and accessible name';
  return {
    kind: 'screen-reader', page, log,
    async goto(path) { log.push(`open ${path}`); await page.goto(path); },
    async fill(label, value, scope?: Scope) {
      const el = await usable(await exactlyOne(await byAccessibleName(root(page, scope), label, TEXT_ROLES), `a field named ${describe(label)}`, how, true, label), `the field ${describe(label)}`, how, false);
      log.push(`type into field ${describe(label)}`);
      await el.fill(value, { timeout: ACTION_TIMEOUT });
    },
    async select(label, option, scope?: Scope) {
      const el = await usable(await exactlyOne(await byAccessibleName(root(page, scope), label, ['combobox', 'listbox']), `a list named ${describe(label)}`, how, true, label), `the list ${describe(label)}`, how, false);
      log.push(`choose ${String(option)} in ${describe(label)}`);
      await el.selectOption(optionArg(option), { timeout: ACTION_TIMEOUT });
    },
    async check(label, scope?: Scope) {
      // A description's `check` is a checkbox or a radio button: both are "checked" by name.
      const boxes = root(page, scope).getByRole('checkbox', { name: label });
      const choice = (await boxes.count()) > 0 ? boxes : root(page, scope).getByRole('radio', { name: label });
      const el = await usable(await exactlyOne(choice, `a checkbox or radio button named ${describe(label)}`, how, true, label), `the choice ${describe(label)}`, how, false);
      log.push(`check ${describe(label)}`);
      await el.check({ timeout: ACTION_TIMEOUT });
    },
    async click(role, name) {
      const el = await usable(await exactlyOne(page.getByRole(role, { name }), `a ${role} named ${describe(name)}`, how, true, name), `the ${role} ${describe(name)}`, how, false);
      log.push(`activate ${role} ${describe(name)}`);
      await el.click({ timeout: ACTION_TIMEOUT });
    },
  } as Actor;
}

/**
 * Sighted pointer user: reads labels, or a placeholder when that is all there is, and clicks what
 * looks clickable (a styled div with the right text works for them).
 */
export function pointerActor(page: Page): Actor {
  const log: string[] = [];
  const how = 'by sight with a pointer';
  const field = async (label: string | RegExp, scope?: Scope) => {
    const byLabel = await preferExact((exact) => root(page, scope).getByLabel(label, { exact }), label);
    const el = (await byLabel.count()) > 0
      ? await exactlyOne(byLabel, `a field labelled ${describe(label)}`, how)
      : await exactlyOne(await preferExact((exact) => root(page, scope).getByPlaceholder(label, { exact }), label), `a field labelled or marked ${describe(label)}`, how, false, label);
    return usable(el, `the field ${describe(label)}`, how, true);
  };
  return {
    kind: 'pointer', page, log,
    async goto(path) { log.push(`open ${path}`); await page.goto(path); },
    async fill(label, value, scope?: Scope) { log.push(`type into ${describe(label)}`); await (await field(label, scope)).fill(value, { timeout: ACTION_TIMEOUT }); },
    async select(label, option, scope?: Scope) { log.push(`choose ${String(option)} in ${describe(label)}`); await (await field(label, scope)).selectOption(optionArg(option), { timeout: ACTION_TIMEOUT }); },
    async check(label, scope?: Scope) {
      log.push(`tick ${describe(label)}`);
      const box = await preferExact((exact) => root(page, scope).getByLabel(label, { exact }), label);
      await (await usable(await exactlyOne(box, `a checkbox ${describe(label)}`, how, false, label), `the checkbox ${describe(label)}`, how, false)).check({ timeout: ACTION_TIMEOUT });
    },
    async click(role, name) {
      log.push(`click ${describe(name)}`);
      const byRole = page.getByRole(role, { name });
      if ((await byRole.count()) > 0) { await (await usable(await exactlyOne(byRole, `${role} ${describe(name)}`, how), `the ${role} ${describe(name)}`, how, true)).click({ timeout: ACTION_TIMEOUT }); return; }
      // A sighted user clicks the words they see, whatever element carries them.
      await (await usable(await exactlyOne(page.getByText(name, { exact: typeof name === 'string' }), `something that reads ${describe(name)}`, how, false, name), `${describe(name)}`, how, true)).click({ timeout: ACTION_TIMEOUT });
    },
  } as Actor;
}

/**
 * Keyboard-only user: sees the page, but moves only with Tab / Shift+Tab and operates with
 * Enter, Space, arrows and typing. A control Tab never reaches blocks them.
 */
export function keyboardActor(page: Page): Actor {
  const log: string[] = [];
  const how = 'with the keyboard only (Tab, Enter, Space, arrows)';
  const tabTo = async (target: Locator, what: string) => {
    // Tab passes over a control still disabled or hidden: wait for it as for anyone, so "Tab never reached it" means what it says.
    await usable(target, what, how, true);
    const handle = await target.elementHandle({ timeout: ACTION_TIMEOUT });
    if (!handle) throw new BlockedError(`could not find ${what}`, how);
    const limit = (await page.evaluate(() => document.querySelectorAll('a[href],button,input,select,textarea,[tabindex]').length)) * 2 + 10;
    for (let i = 0; i < limit; i++) {
      if (await handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
      await page.keyboard.press('Tab');
    }
    throw new BlockedError(`Tab never reached ${what} (${limit} presses)`, how);
  };
  const visibleField = async (label: string | RegExp, scope?: Scope) => {
    const byLabel = await preferExact((exact) => root(page, scope).getByLabel(label, { exact }), label);
    if ((await byLabel.count()) > 0) return exactlyOne(byLabel, `a field labelled ${describe(label)}`, how);
    return exactlyOne(await preferExact((exact) => root(page, scope).getByPlaceholder(label, { exact }), label), `a field labelled or marked ${describe(label)}`, how, false, label);
  };
  return {
    kind: 'keyboard', page, log,
    async goto(path) { log.push(`open ${path}`); await page.goto(path); },
    async fill(label, value, scope?: Scope) {
      const el = await visibleField(label, scope);
      await tabTo(el, `the field ${describe(label)}`);
      log.push(`Tab to ${describe(label)}, type`);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(value);
    },
    async select(label, option, scope?: Scope) {
      const el = await visibleField(label, scope);
      await tabTo(el, `the list ${describe(label)}`);
      log.push(`Tab to ${describe(label)}, arrow to ${String(option)}`);
      const wanted = optionArg(option);
      // An option the list does not have is the description's mistake, not a keyboard barrier (2.1.1).
      const offered = await el.evaluate((s, w) => Array.from((s as HTMLSelectElement).options ?? []).some((o) => ('value' in w ? o.value === w.value : o.label.trim() === w.label)), wanted);
      if (!offered) throw new MissingControlError(`an option ${JSON.stringify(wanted)} in ${describe(label)}`);
      for (let i = 0; i < 400; i++) {
        const matches = await el.evaluate((s, w) => {
          const o = (s as HTMLSelectElement).selectedOptions[0];
          return !!o && ('value' in w ? o.value === w.value : o.label.trim() === w.label);
        }, wanted);
        if (matches) return;
        await page.keyboard.press(i < 200 ? 'ArrowDown' : 'ArrowUp');
      }
      throw new BlockedError(`could not choose ${String(option)} in ${describe(label)} with the arrow keys`, how);
    },
    async check(label, scope?: Scope) {
      const el = await exactlyOne(await preferExact((exact) => root(page, scope).getByLabel(label, { exact }), label), `a checkbox ${describe(label)}`, how, false, label);
      const group = await el.evaluate((e) => (e instanceof HTMLInputElement && e.type === 'radio' && e.name ? e.name : null));
      if (group) {
        // A radio group is one Tab stop; the arrow keys move (and check) within it.
        const inGroup = () => page.evaluate((n) => { const a = document.activeElement; return a instanceof HTMLInputElement && a.type === 'radio' && a.name === n; }, group);
        const limit = (await page.evaluate(() => document.querySelectorAll('a[href],button,input,select,textarea,[tabindex]').length)) * 2 + 10;
        let i = 0;
        for (; i < limit && !(await inGroup()); i++) await page.keyboard.press('Tab');
        if (!(await inGroup())) throw new BlockedError(`Tab never reached the radio group of ${describe(label)} (${limit} presses)`, how);
        log.push(`Tab to the group of ${describe(label)}, arrows to it`);
        const size = await page.evaluate((n) => document.querySelectorAll(`input[type=radio][name="${CSS.escape(n)}"]`).length, group);
        for (let k = 0; k <= size * 2 && !(await el.isChecked()); k++) {
          if (k === 0 && (await el.evaluate((e) => e === document.activeElement))) await page.keyboard.press('Space');
          else await page.keyboard.press('ArrowDown');
        }
        if (!(await el.isChecked())) throw new BlockedError(`could not choose ${describe(label)} with the arrow keys`, how);
        return;
      }
      await tabTo(el, `the checkbox ${describe(label)}`);
      log.push(`Tab to ${describe(label)}, Space`);
      if (!(await el.isChecked())) await page.keyboard.press('Space');
    },
    async click(role, name) {
      const byRole = page.getByRole(role, { name });
      const el = (await byRole.count()) > 0
        ? await exactlyOne(byRole, `${role} ${describe(name)}`, how)
        : await exactlyOne(page.getByText(name, { exact: typeof name === 'string' }), `something that reads ${describe(name)}`, how, false, name);
      await tabTo(el, `${role} ${describe(name)}`);
      log.push(`Tab to ${describe(name)}, Enter`);
      await page.keyboard.press(role === 'checkbox' || role === 'radio' ? 'Space' : 'Enter');
    },
  } as Actor;
}

function optionArg(option: string | { value: string } | { label: string }): { value: string } | { label: string } {
  return typeof option === 'string' ? { label: option } : option;
}

export function actorFor(kind: ActorKind, page: Page): Actor {
  return kind === 'keyboard' ? keyboardActor(page) : kind === 'screen-reader' ? screenReaderActor(page) : pointerActor(page);
}
