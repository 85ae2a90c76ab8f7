import type { Flow, Step, StepContext } from '../types.ts';
import { UA_ADDRESSES, UA_NEGATIVE_CONTROLS, EMAIL_CATEGORIES } from '../../data/ua-addresses.ts';
import { expectPage, whatThePageSays, quoteThePage, CheckNotPerformed } from '../expect.ts';
import { BlockedError } from '../actors.ts';
import { waitForMessage } from '../../mail/types.ts';
import { arrivalIn, fillStep, gotoInLanguage, toStep } from './steps.ts';
import { inLanguage, list, type DeclarativeStep, type DeclarativeTarget } from './schema.ts';

/** One address tried on the described email step, as a fact (the universal-acceptance audit judges it). */
export interface EmailAttempt {
  address: string;
  kind: string;
  category: string;
  negative: boolean;
  /** delivered: accepted and mail reached that exact address; accepted: accepted, delivery not observable; lost: accepted, no mail to it. */
  outcome: 'delivered' | 'accepted' | 'rejected' | 'lost' | 'no-result';
  /** What the page said when it rejected it, quoted, and the page's language. */
  says?: string;
  pageLanguage?: string;
  /** Where mail went instead, when it went elsewhere. */
  wentTo?: string[];
  why?: string;
}

export interface EmailAcceptanceFacts {
  step: string;
  category: string;
  /** false: no mail reader; only acceptance could be judged ("acceptance only"). */
  mailObservable: boolean;
  attempts: EmailAttempt[];
}

const usesEmail = (s: DeclarativeStep) => list(s.fill).some((f) => f.value.includes('{persona.email}'));

/**
 * The flow's first step that fills {persona.email}, the page it starts from (the nearest goto at or
 * before it) and the steps between that page and the email field (a "Start now" button, say).
 */
export function emailStepOf(t: DeclarativeTarget): { flow: string; step: DeclarativeStep; goto: string; through: DeclarativeStep[] } | null {
  for (const flow of t.flows) {
    let goto: string | undefined;
    let through: DeclarativeStep[] = [];
    for (const s of flow.steps) {
      if (s.goto) { goto = s.goto; through = []; }
      // The step after a deliberate mistake (`partOf`) is where the address is given: the attempts
      // are filed under the step it belongs to, and the mistake itself is not repeated.
      if (usesEmail(s) && goto) return { flow: flow.id, step: s, goto, through: s.partOf ? through.filter((x) => x.id !== s.partOf && x.partOf !== s.partOf) : through };
      through.push(s);
    }
  }
  return null;
}

async function tryAddress(ctx: StepContext, t: DeclarativeTarget, where: { step: DeclarativeStep; goto: string; through: DeclarativeStep[] }, a: { address: string; kind: string; category: string }, negative: boolean): Promise<EmailAttempt> {
  const address = a.address.replace('{run}', String(ctx.state.runToken).slice(-6));
  const base = { address, kind: a.kind, category: a.category, negative };
  const lang = String(ctx.state.requestedLanguage ?? ctx.locale);
  await gotoInLanguage(ctx, t, where.goto, lang);
  // The steps between that page and the email field, as the flow does them (its goto already done).
  for (const s of where.through) await toStep(t, { ...s, goto: undefined }).act?.(ctx);
  await fillStep(ctx, where.step, (v) => (v.includes('{persona.email}') ? v.replaceAll('{persona.email}', address) : undefined));
  const before = ctx.page.url();
  if (where.step.click) await ctx.actor.click(where.step.click.role, inLanguage(where.step.click.name, lang));
  try {
    if (where.step.expect) await expectPage(ctx.page, arrivalIn(where.step.expect, lang), `submitting ${address}`, before);
    else {
      await ctx.page.waitForLoadState('load');
      const says = await whatThePageSays(ctx.page);
      if (quoteThePage(says)) throw new BlockedError(quoteThePage(says), 'typing the address');
    }
  } catch (error) {
    const pageLanguage = await ctx.page.evaluate(() => document.documentElement.lang || '').catch(() => '');
    if (error instanceof BlockedError) {
      const native = await ctx.page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.validationMessage).filter(Boolean).join(' ')).catch(() => '');
      const says = [quoteThePage(await whatThePageSays(ctx.page)), native ? `the browser says "${native}"` : ''].filter(Boolean).join('; ');
      return { ...base, outcome: 'rejected', says: says || 'nothing', pageLanguage };
    }
    if (error instanceof CheckNotPerformed) {
      // Did not get where the description says, and the page says nothing: a form the browser refused (type=email) says it natively.
      const native = await ctx.page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.validationMessage).filter(Boolean).join(' ')).catch(() => '');
      if (native) return { ...base, outcome: 'rejected', says: `the browser says "${native}"`, pageLanguage };
      return { ...base, outcome: 'no-result', why: error.message };
    }
    throw error;
  }
  const reader = ctx.hooks.mail;
  if (!reader) return { ...base, outcome: 'accepted' };
  const m = await waitForMessage(reader, address, { timeoutMs: 10_000 });
  if (m) return { ...base, outcome: 'delivered' };
  const wentTo = [...new Set((await reader.all()).filter((x) => Date.now() - Date.parse(x.receivedAt) < 15_000).map((x) => x.to))];
  return { ...base, outcome: 'lost', wentTo };
}

/**
 * The universal-email persona on a described target: the first step that fills {persona.email},
 * once per Universal Acceptance category (and once for the negative controls), every address
 * classified as delivered to that exact address / rejected with the page's words / accepted then lost.
 */
export function universalEmailFlow(t: DeclarativeTarget): Flow | null {
  const where = emailStepOf(t);
  if (!where) return null;
  const groups = [...EMAIL_CATEGORIES.map((c) => ({ category: c as string, addresses: UA_ADDRESSES.filter((a) => a.category === c), negative: false })),
    { category: 'negative-control', addresses: UA_NEGATIVE_CONTROLS, negative: true }];
  const steps: Step[] = groups.map((g, i) => ({
    id: i === 0 ? (where.step.partOf ?? where.step.id) : `${where.step.partOf ?? where.step.id}-${g.category}`,
    partOf: where.step.partOf ?? where.step.id,
    title: `Use ${g.negative ? 'malformed addresses (negative controls)' : `addresses of category ${g.category}`} at "${where.step.title ?? where.step.id}": ${g.addresses.map((a) => a.address).join(', ')}`,
    checkpoint: i === 0,
    async arrive(ctx) { if (i === 0) await gotoInLanguage(ctx, t, where.goto, String(ctx.state.requestedLanguage ?? ctx.locale)); },
    async act(ctx) {
      const attempts: EmailAttempt[] = [];
      for (const a of g.addresses) attempts.push(await tryAddress(ctx, t, where, a, g.negative));
      const facts: EmailAcceptanceFacts = { step: where.step.partOf ?? where.step.id, category: g.category, mailObservable: Boolean(ctx.hooks.mail), attempts };
      ctx.record('emailAcceptance', facts);
    },
  }));
  return { id: 'email-acceptance', title: `Universal Acceptance: every category of address at "${where.step.title ?? where.step.id}"`, personas: ['universal-email'], steps };
}
