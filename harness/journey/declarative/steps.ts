import { basename } from 'node:path';
import { syntheticPhotoFile } from '../../camera/photo.ts';
import type { Locator, Page } from 'playwright';
import type { Step, StepContext } from '../types.ts';
import { expectPage, CheckNotPerformed } from '../expect.ts';
import { waitForMessage } from '../../mail/types.ts';
import { interpolate, interpolateValue, lackingPart, SKIP } from './interpolate.ts';
import { BlockedError } from '../actors.ts';
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
    const state = await field.evaluate((el) => {
      const input = el as HTMLInputElement;
      return { empty: !input.value, required: input.required || el.getAttribute('aria-required') === 'true', invalid: el.getAttribute('aria-invalid') === 'true' || (input.willValidate && !input.validity.valid) };
    }).catch(() => null);
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

/** Check, fill, select as the persona; a value the persona does not have (no US address) leaves the field empty. */
export async function fillStep(ctx: StepContext, s: Pick<DeclarativeStep, 'fill' | 'select' | 'check'>, override?: (value: string) => string | undefined) {
  const w = (x: Words) => inLanguage(x, String(ctx.state.requestedLanguage ?? ctx.locale));
  // Choices first: a radio or checkbox often reveals the fields that follow it (conditional reveal).
  for (const c of list(s.check)) await ctx.actor.check(w(c));
  for (const f of list(s.fill)) {
    const v = override?.(f.value) ?? interpolateValue(f.value, ctx);
    if (v === SKIP) {
      ctx.actor.log.push(`leave ${JSON.stringify(w(f.label))} empty (this person has no value for it)`);
      const part = lackingPart(f.value, ctx.data);
      if (part) ((ctx.state.leftEmpty as LeftEmpty[]) ??= []).push({ label: w(f.label), within: f.within === undefined ? undefined : w(f.within), part });
      continue;
    }
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
      // Fields left empty for want of a value stay in mind through the steps that are part of this one (a mistake, then its correction).
      if (!s.partOf) delete ctx.state.leftEmpty;
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
      if (s.expect) {
        try {
          await expectPage(ctx.page, arrivalIn(s.expect, lang), `"${s.title ?? s.id}"`, s.click ? before : undefined);
        } catch (error) {
          if (!(error instanceof BlockedError)) throw error;
          throw (await demandedOfPersona(ctx, error)) ?? error;
        }
      }
    },
  };
}

export { LANGUAGE_PROBE };
