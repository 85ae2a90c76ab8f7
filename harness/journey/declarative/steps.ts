import { basename } from 'node:path';
import { syntheticPhotoFile } from '../../camera/photo.ts';
import type { Locator, Page } from 'playwright';
import type { Step, StepContext } from '../types.ts';
import { expectPage, CheckNotPerformed } from '../expect.ts';
import { waitForMessage } from '../../mail/types.ts';
import { interpolate, interpolateValue, SKIP } from './interpolate.ts';
import { chooseLanguage, localizePath } from './language.ts';
import { sendOffline } from './offline.ts';
import { inLanguage, list, type DeclarativeStep, type DeclarativeTarget, type Words } from './schema.ts';

const LANGUAGE_PROBE = 'language';

/** The language this step is walked in (walk.ts puts the flow's in state.requestedLanguage). */
const langOf = (ctx: StepContext, s: DeclarativeStep) => s.language ?? String(ctx.state.requestedLanguage ?? ctx.locale);

export async function gotoInLanguage(ctx: StepContext, t: DeclarativeTarget, path: string, lang: string) {
  await chooseLanguage(ctx, t, lang, 'before-goto');
  await ctx.actor.goto(localizePath(path, lang, t.languages?.choose));
  await chooseLanguage(ctx, t, lang, 'after-goto');
}

/** Check, fill, select as the persona; a value the persona does not have (no US address) leaves the field empty. */
export async function fillStep(ctx: StepContext, s: Pick<DeclarativeStep, 'fill' | 'select' | 'check'>, override?: (value: string) => string | undefined) {
  const w = (x: Words) => inLanguage(x, String(ctx.state.requestedLanguage ?? ctx.locale));
  // Choices first: a radio or checkbox often reveals the fields that follow it (conditional reveal).
  for (const c of list(s.check)) await ctx.actor.check(w(c));
  for (const f of list(s.fill)) {
    const v = override?.(f.value) ?? interpolateValue(f.value, ctx);
    if (v === SKIP) { ctx.actor.log.push(`leave ${JSON.stringify(w(f.label))} empty (this person has no value for it)`); continue; }
    await ctx.actor.fill(w(f.label), v, { within: f.within === undefined ? undefined : w(f.within) });
  }
  for (const f of list(s.select)) {
    const v = interpolateValue(f.value ?? f.option!, ctx);
    if (v === SKIP) continue;
    await ctx.actor.select(w(f.label), f.value === undefined ? v : { value: v }, { within: f.within === undefined ? undefined : w(f.within) });
  }
}

const shown = (page: Page, s: { text?: Words; heading?: Words }, lang: string): Locator =>
  s.heading ? page.getByRole('heading', { name: inLanguage(s.heading, lang) }) : page.getByText(inLanguage(s.text!, lang));

/** An `expect` in the language asked for. */
export const arrivalIn = (e: NonNullable<DeclarativeStep['expect']>, lang: string) => ({ url: e.url, timeout: e.timeout, heading: e.heading && inLanguage(e.heading, lang), text: e.text && inLanguage(e.text, lang) });

/** Takes the photo and records what the page answered (accepted / rejected / no result) as a fact; an audit judges it. */
async function capture(ctx: StepContext, c: NonNullable<DeclarativeStep['capture']>) {
  const lang = String(ctx.state.requestedLanguage ?? ctx.locale);
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
async function waitForMail(ctx: StepContext, w: NonNullable<DeclarativeStep['waitForMail']>) {
  const reader = ctx.hooks.mail;
  if (!reader) throw new CheckNotPerformed('mail not observable: the target description has no mail reader (mail: none), so the mail this step waits for cannot be read');
  const to = interpolate(w.to, ctx);
  const code = w.code ? new RegExp(w.code, 'u') : undefined;
  const timeout = w.timeout ?? 20_000;
  const m = await waitForMessage(reader, to, { timeoutMs: timeout, accept: (msg) => (!w.subject || msg.subject.includes(w.subject)) && (!code || code.test(`${msg.subject}\n${msg.text}`)) });
  const seen = ((ctx.state.mailSeen as unknown[]) ??= []) as unknown[];
  if (!m) {
    const other = (await reader.messagesTo(to)).length;
    throw new CheckNotPerformed(`mail not observed: no message${code ? ` with a code matching /${w.code}/` : ''} reached ${to} at ${reader.describe} within ${timeout / 1000} s${other ? ` (${other} other message(s) did)` : ''}`);
  }
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
    async arrive(ctx) {
      if (s.goto) await gotoInLanguage(ctx, t, s.goto, langOf(ctx, s));
      else if (s.language) await chooseLanguage(ctx, t, s.language, 'after-goto');
    },
    async act(ctx) {
      if (s.waitForMail) await waitForMail(ctx, s.waitForMail);
      await fillStep(ctx, s);
      if (s.upload) {
        const label = inLanguage(s.upload.label, langOf(ctx, s));
        const file = s.upload.file === '{photo}' ? syntheticPhotoFile() : s.upload.file;
        ctx.actor.log.push(`attach ${s.upload.file === '{photo}' ? 'a photo' : basename(file)} to ${JSON.stringify(label)}`);
        await ctx.page.getByLabel(label).first().setInputFiles(file, { timeout: 10_000 });
      }
      if (s.capture) await capture(ctx, s.capture);
      const before = ctx.page.url();
      const lang = langOf(ctx, s);
      if (s.click && s.sendOffline) await sendOffline(ctx, s.id, () => ctx.actor.click(s.click!.role, inLanguage(s.click!.name, lang)), () => fillStep(ctx, s));
      if (s.click) await ctx.actor.click(s.click.role, inLanguage(s.click.name, lang));
      if (s.expect) await expectPage(ctx.page, arrivalIn(s.expect, lang), `"${s.title ?? s.id}"`, s.click ? before : undefined);
    },
  };
}

export { LANGUAGE_PROBE };
