/**
 * A person who needs more time: on a form step (a step the journey marks `form: true`) they fill in
 * the form, then stay on it — reading, looking documents up, interrupted — for longer than common
 * session limits before pressing the form's send button. Target-agnostic:
 *
 * - Time passes on the browser's clock (page.clock, installed before the first page loads), so the
 *   page's own timers — a warning, a countdown, a client-side sign-out — run as they would.
 * - A session the SERVER ends cannot be moved by the browser clock: when the target offers the
 *   `advanceClock` hook it is moved too (the one hook this needs); without it, a server-side expiry is
 *   not observable in a test's time, and "no warning" is cantTell rather than a barrier.
 * - Every chunk of time, it looks for a warning (a visible alertdialog, dialog or alert with text) and
 *   a way to extend inside it (a button). The person is away: they do not press it.
 *
 * Facts (records.linger) and a 2.2.1 observation when the time ran out with no warning or no way to
 * extend. What was entered is snapshotted first, so a later step can check it is kept after signing
 * in again (2.2.5).
 */
import type { JourneyObservation, StepContext } from './types.ts';
import { lostEntries, snapshotForm, type FormSnapshot } from './form-state.ts';
import type { Locator, Page } from 'playwright';

/** The person comes back at the warning and uses the described way to extend; a warning without it is noted. */
async function extendSession(page: Page, warning: Locator, control: NonNullable<LingerOptions['extend']>, elapsed: number, facts: LingerFacts) {
  const ext = (facts.extended ??= { control: `${control.role} "${control.name}"`, times: 0, missingAtSeconds: null, lost: [] });
  const inWarning = warning.getByRole(control.role, { name: control.name });
  const el = (await inWarning.count()) > 0 ? inWarning.first() : page.getByRole(control.role, { name: control.name }).filter({ visible: true }).first();
  if (!(await el.isVisible().catch(() => false))) { ext.missingAtSeconds ??= elapsed; return; }
  // A dialog still opening or closing can refuse the click: the person tries again at the next look.
  if (!(await el.click({ timeout: 5_000 }).then(() => true, () => false))) return;
  ext.times++;
  await page.waitForLoadState('load').catch(() => undefined);
}

/** Longer than common session limits (15–20 minutes): 25 minutes. */
export const DEFAULT_LINGER_SECONDS = 1500;

export interface LingerOptions {
  seconds?: number;
  /** How long the target says its session lasts (s), when the wait is bounded by it. */
  sessionLasts?: number;
  /** Time between looks at the page (default 30 s). */
  chunkSeconds?: number;
  /**
   * The control the target says extends the session (role and name). Given, the person comes back
   * at each warning and presses it (2.2.1: warned, with a simple action to extend), then goes on
   * waiting; afterwards what they entered must still be there. Not given, they are away throughout.
   */
  extend?: { role: 'button' | 'link' | 'checkbox' | 'radio' | 'tab' | 'menuitem'; name: string };
}

export interface LingerFacts {
  step: string;
  seconds: number;
  /** How long the target says its session lasts (s): the wait went just past it. */
  sessionLastsSeconds?: number;
  /** What had been entered before the pause. */
  entered: FormSnapshot;
  browserClock: boolean;
  /** Whether the target's server clock could be moved too (hook `advanceClock`). */
  serverClock: boolean;
  hooksUsed: string[];
  warning: { atSeconds: number; text: string; extend: string | null } | null;
  /** The page went elsewhere by itself during the pause (a client-side sign-out). */
  navigatedTo: string | null;
  /** With `extend`: how often the person pressed it, and whether a warning lacked it. */
  extended?: { control: string; times: number; missingAtSeconds: number | null; lost: Array<{ label: string; before: string; after: string | null }> };
}

export function lingerSeconds(options: LingerOptions | undefined, env = process.env): number {
  const fromEnv = Number(env.PORTICO_LINGER_SECONDS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : (options?.seconds ?? DEFAULT_LINGER_SECONDS);
}

/** A target that says how long its session lasts is waited past that (a tenth more, at least 10 s), not longer. */
export function lingerSecondsFor(options: LingerOptions | undefined, lastsSeconds: number | undefined, env = process.env): number {
  const seconds = lingerSeconds(options, env);
  return lastsSeconds ? Math.min(seconds, lastsSeconds + Math.max(10, Math.ceil(lastsSeconds / 10))) : seconds;
}

export async function lingerOnForm(ctx: StepContext, stepId: string, options: LingerOptions = {}): Promise<LingerFacts> {
  const { page } = ctx;
  const seconds = lingerSeconds(options);
  const chunk = options.chunkSeconds ?? 30;
  const entered = await snapshotForm(page).catch(() => ({}));
  const startUrl = page.url();
  const serverClock = typeof ctx.hooks.advanceClock === 'function';
  const facts: LingerFacts = { step: stepId, seconds, ...(options.sessionLasts ? { sessionLastsSeconds: options.sessionLasts } : {}), entered, browserClock: true, serverClock, hooksUsed: serverClock ? ['advanceClock'] : [], warning: null, navigatedTo: null };
  const warning = page.getByRole('alertdialog').or(page.getByRole('dialog')).or(page.getByRole('alert')).filter({ hasText: /\S/ });
  // What was already shown before any time passed (an error summary with role=alert) is not a time-out warning.
  const shownBefore = new Set(await warning.filter({ visible: true }).allTextContents().then((t) => t.map((x) => x.replace(/\s+/g, ' ').trim()), () => [] as string[]));
  const newWarning = warning.filter({ visible: true }).filter({ hasNotText: shownBefore.size ? new RegExp(`^\\s*(${[...shownBefore].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\s*$`) : /$^/ });
  for (let elapsed = 0; elapsed < seconds; ) {
    const dt = Math.min(chunk, seconds - elapsed);
    const t0 = Date.now();
    if (serverClock) await ctx.hooks.advanceClock!(dt);
    // The installed clock flows with real time too: move it only by what real time did not (a server clock that is the real one).
    await page.clock.runFor(Math.max(0, dt * 1000 - (Date.now() - t0))).catch(() => { facts.browserClock = false; });
    elapsed += dt;
    // Let the page's own requests (a status poll) land before looking.
    await page.waitForLoadState('load').catch(() => undefined);
    if (page.url() !== startUrl) {
      facts.navigatedTo = page.url();
      break;
    }
    if (!facts.warning || options.extend) {
      const visible = newWarning.first();
      if (await visible.isVisible().catch(() => false) && !facts.warning) {
        const text = ((await visible.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
        const button = visible.getByRole('button').first();
        const extend = (await button.count().catch(() => 0)) > 0 ? ((await button.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim() || '(unnamed button)' : null;
        facts.warning = { atSeconds: elapsed, text, extend };
      }
      if (options.extend && (await visible.isVisible().catch(() => false))) await extendSession(page, visible, options.extend, elapsed, facts);
    }
  }
  if (facts.extended && facts.navigatedTo === null) {
    const now = await snapshotForm(page).catch(() => ({}));
    facts.extended.lost = lostEntries(entered, now);
  }
  return facts;
}

/**
 * What the walker reports about the pause (2.2.1), once the step is over: nothing when warned with a
 * way to extend, nothing when no time limit was met (the form went through: no session ended), a
 * barrier when the session ended (the step says so, or the person was stopped) without a warning
 * offering more time, and cantTell when only the browser clock could move and nothing happened.
 */
export function lingerObservation(facts: LingerFacts, sessionEnded: boolean): JourneyObservation | null {
  const x = facts.extended;
  if (x && x.times > 0 && (facts.navigatedTo !== null || sessionEnded || x.lost.length)) {
    return {
      ruleId: 'time-limit-extend-failed',
      key: 'session',
      message: `The person pressed ${x.control} at the warning (${x.times} time(s)) but ${facts.navigatedTo !== null ? `was signed out anyway (the page went to ${facts.navigatedTo})` : x.lost.length ? `what they had entered was gone: ${x.lost.slice(0, 4).map((l) => `${l.label} "${l.before}" → ${l.after === null ? 'empty' : `"${l.after}"`}`).join(', ')}` : 'the session had ended when they sent the form'}.`,
      wcag: ['2.2.1'],
      impact: 'critical',
      selector: 'session-warning',
    };
  }
  if (facts.warning?.extend) return null;
  const minutes = Math.round(facts.seconds / 60);
  const ended = sessionEnded || facts.navigatedTo !== null || facts.warning !== null;
  if (!ended && facts.serverClock) return null;
  if (!ended) {
    return {
      ruleId: 'time-limit-no-warning',
      key: 'session',
      outcome: 'cantTell',
      message: `The person stayed ${minutes} minutes on the form and no warning appeared; the browser clock ran, but the target offers no way to move its server's clock, so whether the session ended is not known.`,
      wcag: ['2.2.1'],
      impact: 'critical',
      selector: 'session-warning',
    };
  }
  return {
    ruleId: 'time-limit-no-warning',
    key: 'session',
    message: facts.warning
      ? `A warning appeared after ${Math.round(facts.warning.atSeconds / 60)} minutes ("${facts.warning.text}") but offered no way to extend the time.`
      : `The person stayed ${facts.sessionLastsSeconds ? `${facts.seconds} s on the form (longer than the ${facts.sessionLastsSeconds} s the session lasts)` : `${minutes} minutes on the form (longer than common session limits)`}: no warning appeared and nothing offered more time${facts.navigatedTo ? `; the page went to ${facts.navigatedTo} by itself` : ''}. The session ends without notice.`,
    wcag: ['2.2.1'],
    impact: 'critical',
    selector: 'session-warning',
  };
}

/** The flag a flow sets (ctx.state) when it found the session had ended (it had to sign in again). */
export const SESSION_ENDED = 'sessionEnded';

/**
 * For the walker: on a form step, the first press of a button waits first (the person lingers
 * between filling in and sending). `finish(blocked)` undoes the wrapping and returns what to report.
 */
export function lingerBeforeSubmit(ctx: StepContext, stepId: string, options: LingerOptions, report: { record(key: string, value: unknown): void }): { finish(stepBlocked: boolean): JourneyObservation | null } {
  const actor = ctx.actor;
  const click = actor.click.bind(actor);
  let facts: LingerFacts | null = null;
  delete ctx.state[SESSION_ENDED];
  actor.click = async (role, name) => {
    if (!facts && role === 'button') {
      facts = await lingerOnForm(ctx, stepId, options);
      ctx.state.lingerEntered = facts.entered;
      ctx.state.lingerNavigatedTo = facts.navigatedTo;
      report.record('linger', facts);
      // The page went elsewhere by itself (signed out): the form is gone, there is nothing to send.
      if (facts.navigatedTo !== null) {
        actor.log.push(`the page went to ${facts.navigatedTo} by itself during the wait: the form was not sent`);
        return;
      }
    }
    return click(role, name);
  };
  return {
    finish(stepBlocked) {
      actor.click = click;
      return facts ? lingerObservation(facts, stepBlocked || ctx.state[SESSION_ENDED] === true) : null;
    },
  };
}
