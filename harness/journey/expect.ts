import type { Page } from 'playwright';
import { BlockedError, UNATTRIBUTED_BLOCK } from './actors.ts';

/**
 * Where pages put "what went wrong": alerts, and the error messages and summaries of the design
 * systems people build with (GOV.UK Frontend, USWDS, Bootstrap, Angular Material, Django forms),
 * besides the plain class names. Not hints or "(required)" marks: a brand-red hint is no error.
 */
const PROBLEM_TEXT = [
  '[role=alert]', '.error', '.error-message', '.field-error', '[id$="-error"]', '.error-summary li', '.form-error',
  '.govuk-error-summary__list li', '.govuk-error-message', '.usa-error-message', '.invalid-feedback', 'mat-error', '.mat-mdc-form-field-error', '.errorlist li',
].join(', ');

/**
 * A field the page marks invalid: by aria-invalid, by the browser's own validation once the person
 * has touched it, or by a design system's error state on the field or its form group
 * (GOV.UK `govuk-input--error`, USWDS `usa-input--error`, Bootstrap `is-invalid` / `has-error`,
 * MDC `mdc-text-field--invalid`).
 */
export const INVALID_FIELD_STATE = '.is-invalid, [class*="input--error"], [class*="select--error"], [class*="textarea--error"], [class*="text-field--invalid"] *, .has-error *';

/** The words a person would read as "what went wrong" on the page they ended up on. */
export async function visibleProblems(page: Page): Promise<string[]> {
  return page.evaluate((PROBLEM_TEXT) => {
    const seen = new Set<string>();
    const texts: string[] = [];
    const add = (t: string | null | undefined) => {
      const s = (t ?? '').replace(/\s+/g, ' ').trim();
      if (s && !seen.has(s) && s.length < 300) { seen.add(s); texts.push(s); }
    };
    document.querySelectorAll(PROBLEM_TEXT).forEach((el) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      if (box.width > 0 && box.height > 0) add((el as HTMLElement).innerText ?? el.textContent);
    });
    return texts.slice(0, 8);
  }, PROBLEM_TEXT);
}

/**
 * After an action, the person expects to be on the page whose main heading reads `heading`.
 * If they are not, they are blocked — and the reason is what the page tells them.
 */
export async function expectArrival(page: Page, heading: string, after: string, timeoutMs = 8_000): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  try {
    await h1.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const actual = (await page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 1_000 }).catch(() => null))?.trim();
    const problems = await visibleProblems(page);
    throw new BlockedError(
      `after ${after}, expected the page "${heading}" but got ${actual ? `"${actual}"` : 'no main heading'}${problems.length ? `; the page says: ${problems.map((p) => `"${p}"`).join(', ')}` : ''}`,
      'following the journey',
      UNATTRIBUTED_BLOCK,
    );
  }
}

/** What the page says went wrong: its messages (error summary, alerts) and each invalid field with its own message. */
export async function whatThePageSays(page: Page): Promise<{ messages: string[]; fields: Array<{ field: string; message: string }> }> {
  const messages = await visibleProblems(page).catch(() => [] as string[]);
  const fields = await page.evaluate(({ INVALID_FIELD_STATE, PROBLEM_TEXT }) => {
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const out: Array<{ field: string; message: string }> = [];
    document.querySelectorAll('input, select, textarea').forEach((node) => {
      const el = node as HTMLInputElement;
      if (el.type === 'hidden') return;
      const invalid = el.getAttribute('aria-invalid') === 'true' || (el.willValidate && !el.validity.valid && el.matches(':user-invalid, [data-touched]')) || el.matches(INVALID_FIELD_STATE);
      if (!invalid) return;
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((i) => text(document.getElementById(i))).join(' ');
      const label = text(el.labels?.[0]) || labelledBy || el.getAttribute('aria-label') || el.name || el.id;
      // The field's error, not its hint: aria-errormessage first; of what describes it, not what is marked as a hint
      // ("For example, 4 27 1990"), unless it is also marked as an error.
      const ids = (el.getAttribute('aria-errormessage') || el.getAttribute('aria-describedby') || '').trim().split(/\s+/).filter(Boolean);
      const nodes = ids.map((i) => document.getElementById(i)).filter((n): n is HTMLElement => Boolean(n));
      const marks = (n: Element, re: RegExp) => re.test(`${n.id} ${n.getAttribute('class') ?? ''}`);
      const errorLike = (n: Element) => n.matches(PROBLEM_TEXT) || marks(n, /error|invalid/i);
      const described = nodes.filter((n) => errorLike(n) || !marks(n, /hint|help|description|form-text|instruction/i)).map(text).filter(Boolean).join(' ');
      out.push({ field: label, message: described || el.validationMessage || '' });
    });
    return out.slice(0, 8);
  }, { INVALID_FIELD_STATE, PROBLEM_TEXT }).catch(() => []);
  return { messages, fields };
}

/** "the page says: "…"; the field "Email" says "…"" — or '' when the page says nothing. */
export function quoteThePage(says: { messages: string[]; fields: Array<{ field: string; message: string }> }): string {
  const parts = [
    ...(says.messages.length ? [`the page says: ${says.messages.map((m) => `"${m}"`).join(', ')}`] : []),
    ...says.fields.map((f) => `the field "${f.field}" is marked invalid${f.message ? `: "${f.message}"` : ''}`),
  ];
  return parts.join('; ');
}

/** The step's own words for a harness that could not perform a check: the step is incomplete (never a barrier). */
export class CheckNotPerformed extends Error {}

export interface Arrival { url?: string; heading?: string; text?: string; timeout?: number }

/**
 * After an action, wait as a person would: for the navigation the click or Enter started, for the
 * page to settle, then for the URL, main heading and text the description expects. If they do not
 * come and the page says why (an error summary, an alert, an invalid field), the person is blocked
 * and the block quotes it and names the field. If they do not come and the page says nothing, the
 * harness cannot tell what happened: the step is incomplete.
 */
export async function expectPage(page: Page, want: Arrival, after: string, urlBefore?: string): Promise<void> {
  const timeout = want.timeout ?? 10_000;
  const end = Date.now() + timeout;
  const left = () => Math.max(500, end - Date.now());
  const missed: string[] = [];
  if (want.url) {
    const path = want.url;
    // Stop waiting as soon as the page has settled somewhere else and says what went wrong (a person reads it at once).
    let settledWithProblems = false;
    const arrived = page.waitForURL((u) => u.pathname.startsWith(path) || u.pathname + u.search === path, { timeout: left(), waitUntil: 'load' }).then(() => true, () => false);
    const problems = (async () => {
      await page.waitForLoadState('load', { timeout: left() }).catch(() => {});
      while (Date.now() < end) {
        await new Promise((r) => setTimeout(r, 750));
        if (new URL(page.url()).pathname.startsWith(path)) return false;
        const says = await whatThePageSays(page).catch(() => ({ messages: [], fields: [] }));
        if (says.messages.length || says.fields.length) { settledWithProblems = true; return false; }
      }
      return false;
    })();
    const ok = (await Promise.race([arrived, problems])) || (!settledWithProblems && (await arrived));
    if (!ok) missed.push(`to be at ${path} (still at ${new URL(page.url()).pathname})`);
  } else if (urlBefore) {
    // A navigation may have started: let it finish before reading the page.
    await page.waitForURL((u) => u.href !== urlBefore, { timeout: Math.min(1_500, left()) }).catch(() => {});
  }
  await page.waitForLoadState('load', { timeout: left() }).catch(() => {});
  if (!missed.length && want.heading) {
    const ok = await page.getByRole('heading', { level: 1, name: want.heading }).first().waitFor({ state: 'visible', timeout: left() }).then(() => true, () => false);
    if (!ok) {
      const actual = (await page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 500 }).catch(() => null))?.trim();
      missed.push(`the page "${want.heading}" (got ${actual ? `"${actual}"` : 'no main heading'})`);
    }
  }
  if (!missed.length && want.text) {
    const ok = await page.getByText(want.text).first().waitFor({ state: 'visible', timeout: left() }).then(() => true, () => false);
    if (!ok) missed.push(`to read "${want.text}"`);
  }
  if (!missed.length) return;
  const says = await whatThePageSays(page);
  const quoted = quoteThePage(says);
  if (quoted) {
    throw new BlockedError(`after ${after}, expected ${missed.join(' and ')}; ${quoted}`, 'following the target description', UNATTRIBUTED_BLOCK, says.fields[0]?.field);
  }
  throw new CheckNotPerformed(`after ${after}, expected ${missed.join(' and ')} within ${timeout / 1000} s, and the page says nothing about why: cannot tell whether the person is blocked`);
}
