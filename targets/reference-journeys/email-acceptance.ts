import { domainToUnicode } from 'node:url';
import type { Flow, JourneyObservation, Step, StepContext } from '../../harness/journey/types.ts';
import { submitEmail } from './steps.ts';
import { visibleProblems } from '../../harness/journey/expect.ts';

import { UA_ADDRESSES, EMAIL_CATEGORIES, type EmailCategory } from '../../harness/data/ua-addresses.ts';

/** The address set is data the harness owns (harness/data/ua-addresses.yaml), shared with described targets. */
export { UA_ADDRESSES, EMAIL_CATEGORIES, type EmailCategory };

const CITES = ['UASG 004', 'RFC 6531'];

type Outcome = { address: string; kind: string } & ({ result: 'accepted' } | { result: 'rejected'; says: string } | { result: 'lost'; wentTo: string[] });

/** Tries one address: accepted and delivered to that exact address / rejected with a message / silently lost. */
async function tryAddress(ctx: StepContext, template: string, kind: string): Promise<Outcome> {
  const address = template.replace('{run}', String(ctx.state.runToken).slice(-6));
  await ctx.actor.goto('/account/new');
  await submitEmail(ctx, address);
  await ctx.page.waitForLoadState('load');
  const onVerify = (await ctx.page.getByRole('heading', { level: 1, name: ctx.t('account.verify.title') }).count()) > 0;
  if (!onVerify) {
    const problems = await visibleProblems(ctx.page);
    const native = await ctx.page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.validationMessage).filter(Boolean).join(' '));
    return { address, kind, result: 'rejected', says: [...problems, native].filter(Boolean).map((p) => `"${p}"`).join(', ') || 'nothing' };
  }
  const mail = (await ctx.hooks.outbox?.(address)) ?? [];
  // The same mailbox whether its domain is written as an A-label or in Unicode (IDNA); the local part must be exact.
  const canonical = (a: string) => {
    const at = a.lastIndexOf('@');
    const domain = a.slice(at + 1).normalize('NFC').replace(/[\u3002\uff0e\uff61]/g, '.');
    return `${a.slice(0, at).normalize('NFC')}@${domainToUnicode(domain.toLowerCase()) || domain}`;
  };
  const exact = mail.filter((m) => canonical(m.to) === canonical(address));
  return exact.length ? { address, kind, result: 'accepted' } : { address, kind, result: 'lost', wentTo: mail.map((m) => m.to) };
}

/** One finding per category and way of failing, keyed by the category, listing every address. */
export function categoryObservations(category: EmailCategory, outcomes: Outcome[]): JourneyObservation[] {
  const out: JourneyObservation[] = [];
  const rejected = outcomes.filter((o): o is Extract<Outcome, { result: 'rejected' }> => o.result === 'rejected');
  const lost = outcomes.filter((o): o is Extract<Outcome, { result: 'lost' }> => o.result === 'lost');
  if (rejected.length) {
    out.push({
      ruleId: 'email-rejected', key: category, other: CITES, impact: 'critical', selector: `email:${category}:rejected`,
      message: `Valid email addresses (${category}) were rejected: ${rejected.map((o) => `${o.address} (${o.kind}) — the page says ${o.says}`).join('; ')}.`,
    });
  }
  if (lost.length) {
    out.push({
      ruleId: 'email-silently-lost', key: category, other: CITES, impact: 'critical', selector: `email:${category}:lost`,
      message: `Email addresses (${category}) were accepted but no mail reached them: ${lost.map((o) => `${o.address} (${o.kind})${o.wentTo.length ? `, mail went to ${o.wentTo.join(', ')} instead` : ''}`).join('; ')}: the person waits for a code that never comes.`,
    });
  }
  return out;
}

const steps: Step[] = EMAIL_CATEGORIES.map((category, i) => {
  const addresses = UA_ADDRESSES.filter((a) => a.category === category);
  return {
    id: i === 0 ? 'account-email' : `account-email-${category}`,
    partOf: 'account-email',
    title: `Create an account with ${addresses.length === 1 ? 'an address' : `${addresses.length} addresses`} of category ${category}: ${addresses.map((a) => a.address).join(', ')}`,
    checkpoint: i === 0,
    async arrive(ctx) {
      if (i === 0) await ctx.actor.goto('/account/new');
    },
    async act(ctx) {
      const outcomes: Outcome[] = [];
      for (const a of addresses) outcomes.push(await tryAddress(ctx, a.address, a.kind));
      for (const o of categoryObservations(category, outcomes)) ctx.observe(o);
    },
  };
});

export const emailAcceptanceFlow: Flow = {
  id: 'email-acceptance',
  title: 'Create an account with internationalised and country-code email addresses',
  personas: ['universal-email'],
  steps,
};
