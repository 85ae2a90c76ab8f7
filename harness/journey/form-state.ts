/**
 * What a person has entered in the forms on a page, by the label they read: the facts that data-loss
 * checks compare (after a dropped connection, after a time-out and signing in again). Target-agnostic:
 * every visible, labelled text field, select, checkbox and radio; passwords and hidden fields are
 * left out (a page may rightly forget a password).
 */
import type { BrowserContext, Page } from 'playwright';

export type FormSnapshot = Record<string, string>;

/** The entered values on the page, keyed by accessible label (with its group's legend when it has one). */
export async function snapshotForm(page: Page): Promise<FormSnapshot> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const labelOf = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string => {
      const aria = el.getAttribute('aria-label');
      if (aria) return aria.trim();
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
      const labels = el.labels ? [...el.labels].map((l) => text(l)).join(' ') : '';
      return labels || el.getAttribute('placeholder') || el.name || el.id || '';
    };
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (['hidden', 'password', 'submit', 'button', 'reset', 'image', 'file'].includes(type)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
      const legend = text(el.closest('fieldset')?.querySelector('legend'));
      const key = `${legend ? `${legend} › ` : ''}${labelOf(el)}`;
      if (!key) continue;
      if (el instanceof HTMLInputElement && (type === 'checkbox' || type === 'radio')) {
        if (el.checked) out[key] = 'checked';
        continue;
      }
      if (el instanceof HTMLSelectElement) {
        if (el.value) out[key] = text(el.selectedOptions[0]) || el.value;
        continue;
      }
      if (el.value) out[key] = el.value;
    }
    return out;
  });
}

/** Labels whose entered value is gone or changed in `after`. */
export function lostEntries(before: FormSnapshot, after: FormSnapshot): Array<{ label: string; before: string; after: string | null }> {
  return Object.entries(before)
    .filter(([label, value]) => after[label] !== value)
    .map(([label, value]) => ({ label, before: value, after: after[label] ?? null }));
}

export interface OfflineSubmitFacts {
  before: FormSnapshot;
  after: FormSnapshot;
  lost: Array<{ label: string; before: string; after: string | null }>;
  /** Where the person was once the connection was back: the app's own page, or the browser's error page. */
  landedOn: 'app' | 'browser-error';
  /** What the person did to get back to the form. */
  /** How the person got back to the form: it stayed; Back from the browser's page; or Back led elsewhere and they opened the form's address again. */
  wayBack: 'none' | 'back' | 'reopened';
  url: string;
  /** Requests the page tried to make while offline (all failed as a dropped connection does). */
  requestsWhileOffline: number;
  /** navigator.onLine as the page saw it while offline. */
  pageSawOffline: boolean;
}

/**
 * The connection drops just as the person sends the form: offline, submit, online again, then back
 * to the form the way a person would (Back from the browser's error page), and compare what is still
 * there with what was entered. `submit` presses the form's own send control.
 */
export async function submitWhileOffline(page: Page, context: BrowserContext, submit: () => Promise<void>, options: { offlineMs?: number } = {}): Promise<OfflineSubmitFacts> {
  const before = await snapshotForm(page);
  const formUrl = page.url();
  // setOffline makes the page see the connection drop (navigator.onLine, offline events); the route
  // makes sure no request gets through whatever other network emulation is in force (a CDP
  // throttle set on another session can otherwise keep the connection up).
  let requestsWhileOffline = 0;
  const cut = (route: import('playwright').Route) => {
    requestsWhileOffline++;
    return route.abort('internetdisconnected');
  };
  await context.setOffline(true);
  await context.route('**/*', cut);
  let pageSawOffline = false;
  try {
    pageSawOffline = await page.evaluate(() => navigator.onLine === false).catch(() => false);
    await submit().catch(() => undefined);
    await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(options.offlineMs ?? 500);
  } finally {
    await context.unroute('**/*', cut);
    await context.setOffline(false);
  }
  const landedOn = page.url().startsWith('chrome-error:') || page.url() === 'about:blank' ? 'browser-error' : 'app';
  let wayBack: OfflineSubmitFacts['wayBack'] = 'none';
  if (landedOn === 'browser-error' || page.url() !== formUrl) {
    wayBack = 'back';
    await page.goBack({ waitUntil: 'load' }).catch(() => undefined);
    // A form that posts to its own address: the failed send can take the form's place in the
    // history, so Back leads to the page before it. The person opens the form again; what is
    // compared is that form, never whatever page Back reached.
    if (page.url() !== formUrl) {
      wayBack = 'reopened';
      await page.goto(formUrl, { waitUntil: 'load' }).catch(() => undefined);
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    }
  }
  const after = await snapshotForm(page).catch(() => ({}) as FormSnapshot);
  return { before, after, lost: lostEntries(before, after), landedOn, wayBack, url: page.url(), requestsWhileOffline, pageSawOffline };
}
