import { basename } from 'node:path';
import { afterRequestsSettle } from '../requests-settle.ts';
import { syntheticPhotoFile } from '../../camera/photo.ts';
import { captureIncomplete, runCaptureGrid, type CaptureStepSpec, type ResultMatcher } from '../../camera/capture-runner.ts';
import type { Locator, Page } from 'playwright';
import type { Step, StepContext } from '../types.ts';
import { expectPage, CheckNotPerformed, INVALID_FIELD_STATE } from '../expect.ts';
import { mailIdentity, waitForMessage } from '../../mail/types.ts';
import { snapshotForm } from '../form-state.ts';
import { checkKeptAfterRefusal } from './kept-after-refusal.ts';
import { interpolate, interpolateValue, lackingPart, SKIP } from './interpolate.ts';
import { BlockedError, MissingControlError } from '../actors.ts';
import { PURPOSES } from './purposes.ts';
import { SESSION_ENDED } from '../linger.ts';
import { chooseLanguage, localizePath } from './language.ts';
import { sendOffline } from './offline.ts';
import { sending, signInAgain } from './sign-in-again.ts';
import { checkLabel, checkOptional, inLanguage, list, ROLES, type DeclarativeStep, type DeclarativeTarget, type Words } from './schema.ts';

const LANGUAGE_PROBE = 'language';

/** The language this step is walked in (walk.ts puts the flow's in state.requestedLanguage). */
const langOf = (ctx: StepContext, s: DeclarativeStep) => s.language ?? String(ctx.state.requestedLanguage ?? ctx.locale);

export async function gotoInLanguage(ctx: StepContext, t: DeclarativeTarget, path: string, lang: string) {
  await chooseLanguage(ctx, t, lang, 'before-goto');
  // A page that draws itself in the browser (fetching its data after load) is audited once those
  // requests are done, not while it still says "Loading…".
  await afterRequestsSettle(ctx.page, () => ctx.actor.goto(localizePath(path, lang, t.languages?.choose)), { quietMs: 300, timeoutMs: 10_000 });
  await chooseLanguage(ctx, t, lang, 'after-goto');
}

/** A field the persona left empty because its data has no such part (no US address). */
interface LeftEmpty { label: string; within?: string; part: string }

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * The page refused the form: when fields this person left empty for want of a value they do not
 * have are demanded there (empty and required, or marked invalid), that is what blocks them. The
 * block names those fields, is keyed by the part of the persona's data they lack (usAddress →
 * "us-address") and cites what the persona says such a demand is (`lacks`). Otherwise null.
 */
async function demandedOfPersona(ctx: StepContext, error: BlockedError): Promise<BlockedError | null> {
  const left = (ctx.state.leftEmpty as LeftEmpty[] | undefined) ?? [];
  const lacks = ctx.persona.lacks as Record<string, { wcag: string[]; other?: string[] }> | undefined;
  if (!left.length) return null;
  const demanded: LeftEmpty[] = [];
  for (const f of left) {
    const scope = f.within ? ctx.page.getByRole('group', { name: f.within }) : ctx.page;
    const field = scope.getByLabel(f.label).first();
    if ((await field.count().catch(() => 0)) === 0) continue;
    const state = await field.evaluate((el, designSystemInvalid) => {
      const input = el as HTMLInputElement;
      return { empty: !input.value, required: input.required || el.getAttribute('aria-required') === 'true', invalid: el.getAttribute('aria-invalid') === 'true' || (input.willValidate && !input.validity.valid) || el.matches(designSystemInvalid) };
    }, INVALID_FIELD_STATE).catch(() => null);
    if (state?.empty && (state.required || state.invalid)) demanded.push(f);
  }
  if (!demanded.length) return null;
  const part = demanded[0].part;
  const cites = lacks?.[part] ?? error.cites;
  const names = demanded.map((d) => `"${d.label}"`).join(', ');
  return new BlockedError(
    `the form cannot be sent without ${kebab(part).replace(/-/g, ' ')}, which this person does not have: ${names} ${demanded.length === 1 ? 'is' : 'are'} demanded (${error.message.split('\n')[0]})`,
    error.how, cites, kebab(part),
  );
}

/**
 * A field or choice marked `optional` that the page does not have (its form changes with the
 * country or an earlier answer): the person goes on without it, and says so. Any other failure
 * (the field is there but cannot be used) stands.
 */
async function unlessAbsent(ctx: StepContext, optional: boolean | undefined, what: string, act: () => Promise<unknown>): Promise<void> {
  try {
    await act();
  } catch (error) {
    if (!optional || !(error instanceof MissingControlError)) throw error;
    ctx.actor.log.push(`the page does not ask for ${what}: go on without it (optional)`);
  }
}

/** Check, fill, select as the persona; a value the persona does not have (no US address) leaves the field empty. */
export async function fillStep(ctx: StepContext, s: Pick<DeclarativeStep, 'fill' | 'select' | 'check'>, override?: (value: string) => string | undefined) {
  const lang = String(ctx.state.requestedLanguage ?? ctx.locale);
  const w = (x: Words, l = lang) => inLanguage(x, l);
  // Choices first: a radio or checkbox often reveals the fields that follow it (conditional reveal).
  for (const c of list(s.check)) {
    const label = checkLabel(c);
    await unlessAbsent(ctx, checkOptional(c), `"${w(label)}"`, () => inPageLanguage(ctx, label, lang, (l) => ctx.actor.check(w(label, l))));
  }
  for (const f of list(s.fill)) {
    const v = override?.(f.value) ?? interpolateValue(f.value, ctx);
    if (v === SKIP) {
      ctx.actor.log.push(`leave ${JSON.stringify(w(f.label))} empty (this person has no value for it)`);
      const part = lackingPart(f.value, ctx.data);
      if (part) ((ctx.state.leftEmpty as LeftEmpty[]) ??= []).push({ label: w(f.label), within: f.within === undefined ? undefined : w(f.within), part });
      continue;
    }
    await unlessAbsent(ctx, f.optional, `"${w(f.label)}"`, () => inPageLanguage(ctx, f.label, lang, (l) => ctx.actor.fill(w(f.label, l), v, { within: f.within === undefined ? undefined : w(f.within, l) })));
  }
  for (const f of list(s.select)) {
    const v = interpolateValue(f.value ?? f.option!, ctx);
    if (v === SKIP) {
      ctx.actor.log.push(`leave ${JSON.stringify(w(f.label))} unchosen (this person has no value for it)`);
      const part = lackingPart(f.value ?? f.option!, ctx.data);
      if (part) ((ctx.state.leftEmpty as LeftEmpty[]) ??= []).push({ label: w(f.label), within: f.within === undefined ? undefined : w(f.within), part });
      continue;
    }
    await unlessAbsent(ctx, f.optional, `"${w(f.label)}"`, () => inPageLanguage(ctx, f.label, lang, (l) => ctx.actor.select(w(f.label, l), f.value === undefined ? v : { value: v }, { within: f.within === undefined ? undefined : w(f.within, l) })));
  }
}

/**
 * The words in another language the description gives that the page shows instead (the page, or
 * this part of it, is not in the language asked for), or null. Only words that differ from the
 * requested ones count.
 */
async function shownInAnotherLanguage(page: Page, words: Words, lang: string, heading = false): Promise<string | null> {
  if (typeof words === 'string') return null;
  const asked = inLanguage(words, lang);
  for (const [l, text] of Object.entries(words)) {
    if (l.split('-')[0] === lang.split('-')[0] || text === asked) continue;
    const found = heading ? page.getByRole('heading', { level: 1, name: text }) : page.getByText(text);
    if ((await found.filter({ visible: true }).count().catch(() => 0)) > 0) return l;
  }
  return null;
}

/**
 * Act with the words in the language asked for; when the page has no such control but shows the
 * same words in another language the description gives, the page is not in the person's language:
 * the person goes on with the words the page shows (said in the step's actions and recorded as a
 * fact; the checkpoint's language audits judge the page), so the journey reaches what follows.
 */
async function inPageLanguage<T>(ctx: StepContext, words: Words, lang: string, act: (lang: string) => Promise<T>): Promise<T> {
  try {
    return await act(lang);
  } catch (error) {
    if (!(error instanceof MissingControlError)) throw error;
    const other = await shownInAnotherLanguage(ctx.page, words, lang);
    if (!other) throw error;
    noteOtherLanguage(ctx, lang, other, inLanguage(words, other));
    return act(other);
  }
}

function noteOtherLanguage(ctx: StepContext, lang: string, other: string, text: string) {
  ctx.actor.log.push(`the page does not read in ${lang}: it shows "${text}" (${other})`);
  const seen = ((ctx.state.shownInAnotherLanguage as Array<{ asked: string; shown: string; words: string }>) ??= []);
  seen.push({ asked: lang, shown: other, words: text });
  ctx.record('shownInAnotherLanguage', [...seen]);
}

/**
 * The person stayed on the form past the time the session lasts (the real clock moved: the
 * target's advanceClock), then sent it and landed elsewhere, not on the page expected: the session
 * had ended. Said so (SESSION_ENDED, so the linger's own observation judges the warning: 2.2.1)
 * and a block keyed "session". Null when no such wait happened here, or the form's page stayed.
 */
async function sessionEndedBySending(ctx: StepContext, formUrl: string, error: Error): Promise<BlockedError | null> {
  if (ctx.state.lingerEntered === undefined || !ctx.hooks.advanceClock) return null;
  if (!(error instanceof CheckNotPerformed || error instanceof BlockedError)) return null;
  const now = new URL(ctx.page.url());
  if (now.pathname === new URL(formUrl).pathname) return null;
  ctx.state[SESSION_ENDED] = true;
  const heading = (await ctx.page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 500 }).catch(() => null))?.trim();
  return new BlockedError(
    `after staying on the form longer than the session lasts, sending it led to ${now.pathname}${heading ? ` ("${heading}")` : ''}: the session had ended (${error.message.split('\n')[0]})`,
    'following the target description', { wcag: ['2.2.1'] }, 'session',
  );
}

/** Whether the page offers these words at all: as a control of that role, or as words anyone can see. */
async function offers(page: Page, role: (typeof ROLES)[number], name: string): Promise<boolean> {
  return (await page.getByRole(role, { name }).count()) + (await page.getByText(name).filter({ visible: true }).count()) > 0;
}

/**
 * `require`: controls the person needs on this page, each with what it is for. On a page that is
 * there (loaded, with something on it: otherwise the harness cannot tell, and the step is
 * incomplete), one that nothing offers in the person's language blocks them, filed under its
 * purpose and keyed by the step.
 */
async function requireControls(ctx: StepContext, s: DeclarativeStep, lang: string) {
  const needed = list(s.require);
  if (!needed.length) return;
  await ctx.page.waitForLoadState('load', { timeout: 10_000 }).catch(() => {});
  const text = ((await ctx.page.locator('body').innerText({ timeout: 2_000 }).catch(() => '')) ?? '').trim();
  if (!text) throw new CheckNotPerformed(`the page shows nothing, so whether it offers ${needed.map((r) => `the ${r.role} "${inLanguage(r.name, lang)}"`).join(', ')} cannot be told`);
  for (const r of needed) {
    const name = inLanguage(r.name, lang);
    if (await offers(ctx.page, r.role, name)) continue;
    const purpose = PURPOSES[r.for];
    const other = await shownInAnotherLanguage(ctx.page, r.name, lang);
    throw new BlockedError(
      `the page does not offer ${purpose.what}: nothing on it reads "${name}" (a ${r.role})${other ? `; it shows "${inLanguage(r.name, other)}" (${other}) only` : ''}`,
      'following the target description', purpose.cites, s.partOf ?? s.id,
    );
  }
}

const shown = (page: Page, s: { text?: Words; heading?: Words }, lang: string): Locator =>
  s.heading ? page.getByRole('heading', { name: inLanguage(s.heading, lang) }) : page.getByText(inLanguage(s.text!, lang));

/** An `expect` in the language asked for. */
export const arrivalIn = (e: NonNullable<DeclarativeStep['expect']>, lang: string) => ({ url: e.url, timeout: e.timeout, heading: e.heading && inLanguage(e.heading, lang), text: e.text && inLanguage(e.text, lang) });

/** What the page shows, in the language asked for, as the capture runner looks for it (a heading when one is given, as `shown`). */
const resultMatcher = (s: { text?: Words; heading?: Words }, lang: string): ResultMatcher =>
  s.heading ? { heading: inLanguage(s.heading, lang) } : { text: inLanguage(s.text!, lang) };

/**
 * The step's fields, in the language asked for, as the capture runner takes them. Without
 * `rejected` the runner cannot tell a refusal from no answer: such an attempt is no-result.
 */
export function captureSpecOf(c: NonNullable<DeclarativeStep['capture']>, lang: string): CaptureStepSpec {
  return {
    control: { role: c.control.role, name: inLanguage(c.control.name, lang) },
    accepted: resultMatcher(c.accepted, lang),
    ...(c.rejected ? { rejected: resultMatcher(c.rejected, lang) } : {}),
    ...(c.alternative ? { alternative: { role: c.alternative.role, name: inLanguage(c.alternative.name, lang) } } : {}),
  };
}

/**
 * A persona whose camera is `grid`: the photo through the page's own control for every Monk Skin
 * Tone under every lighting (capture-runner), each cell in a fresh context of the journey's browser
 * seeded with its session, from the page the step is on; recorded as `captureGrid` (capture-parity
 * and biometric-alternative judge it). The journey's own page is left as it was, so the flow goes on.
 * A grid mostly without results is the harness's failure: incomplete, never a barrier.
 */
async function captureGrid(ctx: StepContext, c: NonNullable<DeclarativeStep['capture']>, lang: string) {
  const spec = captureSpecOf(c, lang);
  ctx.actor.log.push(`take the photo with ${spec.control.role} ${JSON.stringify(String(spec.control.name))} for every skin tone and lighting (capture grid)`);
  const facts = await runCaptureGrid({
    from: ctx.context,
    contextOptions: { locale: ctx.locale, baseURL: ctx.baseURL, viewport: ctx.page.viewportSize() ?? undefined },
    url: ctx.page.url(),
    spec,
    ...(c.timeout ? { attemptTimeoutMs: c.timeout } : {}),
    ...ctx.testCaptureGrid,
  });
  ctx.record('captureGrid', facts);
  const incomplete = captureIncomplete(facts);
  if (incomplete) throw new CheckNotPerformed(incomplete);
}

/** Takes the photo and records what the page answered (accepted / rejected / no result) as a fact; an audit judges it. */
async function capture(ctx: StepContext, c: NonNullable<DeclarativeStep['capture']>) {
  const lang = String(ctx.state.requestedLanguage ?? ctx.locale);
  if (ctx.persona.camera === 'grid') return captureGrid(ctx, c, lang);
  await ctx.actor.click(c.control.role, inLanguage(c.control.name, lang));
  const timeout = c.timeout ?? 20_000;
  const wait = (l: Locator, outcome: 'accepted' | 'rejected') => l.first().waitFor({ state: 'visible', timeout }).then(async () => ({ outcome, message: ((await l.first().textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim() }));
  const result = await Promise.any([wait(shown(ctx.page, c.accepted, lang), 'accepted'), ...(c.rejected ? [wait(shown(ctx.page, c.rejected, lang), 'rejected')] : [])])
    .catch(() => ({ outcome: 'no-result' as const, message: '' }));
  const alternativeOffered = c.alternative ? (await ctx.page.getByRole(c.alternative.role, { name: inLanguage(c.alternative.name, lang) }).count()) > 0 : undefined;
  const camera = await ctx.page.evaluate(async () => {
    try { return (await navigator.mediaDevices.enumerateDevices()).some((d) => d.kind === 'videoinput'); } catch { return false; }
  }).catch(() => false);
  ctx.record('capture', { control: c.control, outcome: result.outcome, message: result.message, alternativeOffered, cameraPresent: camera, timeoutMs: timeout });
  // What a page answers a browser without a camera says nothing about the capture: the harness could not try it.
  if (!camera) throw new CheckNotPerformed(`no camera: the browser offers no video input, so the capture could not be tried (the page answered ${result.outcome}${result.message ? `: "${result.message}"` : ''})`);
}

/** Waits for the mail the step names, records it (the language personas judge its language), and keeps {mail.code}. */
export async function waitForMail(ctx: StepContext, w: NonNullable<DeclarativeStep['waitForMail']>) {
  const reader = ctx.hooks.mail;
  if (!reader) throw new CheckNotPerformed('mail not observable: the target description has no mail reader (mail: none), so the mail this step waits for cannot be read');
  const to = interpolate(w.to, ctx);
  const code = w.code ? new RegExp(w.code, 'u') : undefined;
  const timeout = w.timeout ?? 20_000;
  // A mail an earlier step read is not read again: after signing in again, the old code is still in
  // the mailbox, and a wait that took the newest mail at once would type a code the app has replaced.
  const read = ((ctx.state.mailRead as string[]) ??= []) as string[];
  const m = await waitForMessage(reader, to, { timeoutMs: timeout, accept: (msg) => !read.includes(mailIdentity(msg)) && (!w.subject || msg.subject.includes(w.subject)) && (!code || code.test(`${msg.subject}\n${msg.text}`)) });
  const seen = ((ctx.state.mailSeen as unknown[]) ??= []) as unknown[];
  if (!m) {
    const all = await reader.messagesTo(to);
    const other = all.filter((msg) => !read.includes(mailIdentity(msg))).length;
    const earlier = all.length - other;
    throw new CheckNotPerformed(`mail not observed: no new message${code ? ` with a code matching /${w.code}/` : ''} reached ${to} at ${reader.describe} within ${timeout / 1000} s${other ? ` (${other} other message(s) did)` : ''}${earlier ? ` (${earlier} read by an earlier step)` : ''}`);
  }
  read.push(mailIdentity(m));
  const fact = { to: m.to, subject: m.subject, text: m.text.slice(0, 20_000), html: m.html.slice(0, 20_000), contentLanguage: m.contentLanguage, receivedAt: m.receivedAt, requestedLanguage: ctx.state.requestedLanguage };
  seen.push(fact);
  ctx.record('mail', fact);
  if (code) {
    const found = code.exec(`${m.subject}\n${m.text}`)!;
    ((ctx.state.mail as Record<string, string>) ??= {}).code = found[1] ?? found[0];
  }
}

/** One described step → a runnable step: arrive (goto, in the flow's language) → checkpoint → act. */
export function toStep(t: DeclarativeTarget, s: DeclarativeStep): Step {
  return {
    id: s.id,
    title: s.title ?? s.id,
    checkpoint: s.checkpoint,
    ...(s.partOf ? { partOf: s.partOf } : {}),
    language: s.language,
    form: s.form,
    away: s.away,
    async arrive(ctx) {
      if (s.goto) await gotoInLanguage(ctx, t, s.goto, langOf(ctx, s));
      else if (s.language) await chooseLanguage(ctx, t, s.language, 'after-goto');
    },
    async act(ctx) {
      // Fields left empty for want of a value stay in mind through the steps that are part of this one (a mistake, then its correction).
      if (!s.partOf) delete ctx.state.leftEmpty;
      delete ctx.state.shownInAnotherLanguage;
      delete ctx.state.lingerEntered;
      delete ctx.state.lingerNavigatedTo;
      const lang = langOf(ctx, s);
      await requireControls(ctx, s, lang);
      if (s.waitForMail) await waitForMail(ctx, s.waitForMail);
      await fillStep(ctx, s);
      if (s.upload) {
        const label = inLanguage(s.upload.label, langOf(ctx, s));
        const file = s.upload.file === '{photo}' ? syntheticPhotoFile() : s.upload.file;
        ctx.actor.log.push(`attach ${s.upload.file === '{photo}' ? 'a photo' : basename(file)} to ${JSON.stringify(label)}`);
        await afterRequestsSettle(ctx.page, () => ctx.page.getByLabel(label).first().setInputFiles(file, { timeout: 10_000 }));
      }
      if (s.capture) await capture(ctx, s.capture);
      const before = ctx.page.url();
      const click = (l: string) => ctx.actor.click(s.click!.role, inLanguage(s.click!.name, l));
      // What was entered, to compare if the page refuses the form (not for a person who lingers: the time-out checks are theirs).
      const entered = s.click && s.form && !s.sendOffline && !ctx.persona.lingerOnForms ? await snapshotForm(ctx.page).catch(() => null) : null;
      const keptAfterRefusal = () => checkKeptAfterRefusal(ctx, s.partOf ?? s.id, entered, before);
      if (s.click && s.sendOffline) await sendOffline(ctx, s.id, () => inPageLanguage(ctx, s.click!.name, lang, click), () => fillStep(ctx, s));
      if (s.click && s.form && t.session?.signIn) await sending(ctx, () => inPageLanguage(ctx, s.click!.name, lang, click));
      else if (s.click) await inPageLanguage(ctx, s.click.name, lang, click);
      if (s.click && s.form) {
        const resend = async () => { await fillStep(ctx, s); await inPageLanguage(ctx, s.click!.name, lang, click); };
        await signInAgain(ctx, t, s, before, lang, (step) => toStep(t, step).act!(ctx), resend);
      }
      if (!s.expect) await keptAfterRefusal();
      if (s.expect) {
        try {
          await expectPage(ctx.page, arrivalIn(s.expect, lang), `"${s.title ?? s.id}"`, s.click ? before : undefined);
        } catch (error) {
          if (error instanceof BlockedError) await keptAfterRefusal();
          const ended = await sessionEndedBySending(ctx, before, error as Error);
          if (ended) throw ended;
          if (error instanceof CheckNotPerformed && (s.expect.heading || s.expect.text)) {
            // The expected page came, in another language than the person's: go on (its checkpoint's language audits judge it).
            const other = await shownInAnotherLanguage(ctx.page, (s.expect.heading ?? s.expect.text)!, lang, Boolean(s.expect.heading));
            if (!other) throw error;
            await expectPage(ctx.page, { ...arrivalIn(s.expect, other), timeout: 2_000 }, `"${s.title ?? s.id}"`);
            noteOtherLanguage(ctx, lang, other, inLanguage((s.expect.heading ?? s.expect.text)!, other));
            return;
          }
          if (!(error instanceof BlockedError)) throw error;
          throw (await demandedOfPersona(ctx, error)) ?? error;
        }
      }
    },
  };
}

export { LANGUAGE_PROBE };
