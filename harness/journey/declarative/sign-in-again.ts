import type { StepContext } from '../types.ts';
import { lostEntries, snapshotForm, type FormSnapshot } from '../form-state.ts';
import { SESSION_ENDED } from '../linger.ts';
import { inLanguage, type DeclarativeStep, type DeclarativeTarget } from './schema.ts';

/** What the person sent from each page of the flow (by path), as they last sent it: after signing in again it must be there. */
const SENT = 'sentForms';
const pathOf = (url: string) => new URL(url).pathname;

/**
 * Around a form step's click: what is on the form is what the person sends — unless the page went
 * elsewhere by itself while they waited (signed out), and nothing was sent.
 */
export async function sending(ctx: StepContext, send: () => Promise<void>): Promise<void> {
  const snapshot = await snapshotForm(ctx.page).catch(() => null);
  const path = pathOf(ctx.page.url());
  await send();
  if (snapshot && Object.keys(snapshot).length && !ctx.state.lingerNavigatedTo) ((ctx.state[SENT] as Record<string, FormSnapshot>) ??= {})[path] = snapshot;
}

/** Whether the page is the one the app shows to sign in again (`session.signIn.shows`). */
async function asksToSignIn(ctx: StepContext, t: DeclarativeTarget, lang: string): Promise<boolean> {
  const shows = t.session!.signIn!.shows;
  await ctx.page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
  const el = shows.heading ? ctx.page.getByRole('heading', { level: 1, name: inLanguage(shows.heading, lang) }) : ctx.page.getByText(inLanguage(shows.text!, lang));
  return el.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
}

/**
 * After waiting on a form past the session's end (the time-limits persona), the app asks the
 * person to sign in again: they do, with the description's `session.signIn.steps` (`run`), and
 * whatever they had sent must still be there where the app takes them (2.2.5, keyed "session"):
 * a page of this flow they sent before, or the form itself when they sent it after the time-out.
 * What they had only typed on a form the app closed by itself after a warning they did not answer
 * is not judged. Then they go back to the form, fill it in again and send it (`resend`), so the
 * step goes on. False when the app did not ask them to sign in (the session had not ended).
 */
export async function signInAgain(
  ctx: StepContext, t: DeclarativeTarget, s: DeclarativeStep, formUrl: string, lang: string,
  run: (step: DeclarativeStep) => Promise<void>, resend: () => Promise<void>,
): Promise<boolean> {
  if (ctx.state.lingerEntered === undefined || !t.session?.signIn) return false;
  // Still on the form's own page (a refused form, or the sign-in form itself): not sent to sign in again.
  await ctx.page.waitForURL((u) => u.pathname !== pathOf(formUrl), { timeout: 5_000 }).catch(() => undefined);
  if (pathOf(ctx.page.url()) === pathOf(formUrl) || !(await asksToSignIn(ctx, t, lang))) return false;
  ctx.state[SESSION_ENDED] = true;
  ctx.actor.log.push('the session had ended: sign in again');
  // The sign-in steps are steps like any other: keep what this step's own checks rely on across them.
  const kept = { lingerEntered: ctx.state.lingerEntered, leftEmpty: ctx.state.leftEmpty };
  let from = pathOf(ctx.page.url());
  for (const step of t.session.signIn.steps) { from = pathOf(ctx.page.url()); await run(step); }
  Object.assign(ctx.state, kept);
  // Where the app takes them once signed in: its page, drawn (a page drawn by script has its heading then).
  await ctx.page.waitForURL((u) => u.pathname !== from, { timeout: 10_000 }).catch(() => undefined);
  await ctx.page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
  await ctx.page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  const here = pathOf(ctx.page.url());
  const before = (ctx.state[SENT] as Record<string, FormSnapshot> | undefined)?.[here];
  const lost = before ? lostEntries(before, await snapshotForm(ctx.page).catch(() => ({}))) : [];
  ctx.record('signedInAgain', { landedOn: here, compared: before ? Object.keys(before).length : 0, lost });
  if (lost.length) {
    ctx.observe({
      ruleId: 'time-limit-data-lost',
      key: 'session',
      message: `After the session ended and the person signed in again, the app took them to ${here}, and what they had sent there was gone: ${lost.slice(0, 4).map((l) => `${l.label} "${l.before}" → ${l.after === null ? 'empty' : `"${l.after}"`}`).join(', ')}${lost.length > 4 ? ` and ${lost.length - 4} more` : ''}.`,
      wcag: ['2.2.5'],
      impact: 'critical',
      selector: 'session-sign-in',
    });
  }
  if (pathOf(ctx.page.url()) !== pathOf(formUrl)) await ctx.actor.goto(formUrl);
  await resend();
  return true;
}
