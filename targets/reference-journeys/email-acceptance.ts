import { domainToUnicode } from 'node:url';
import type { Flow, JourneyObservation, Step, StepContext } from '../../harness/journey/types.ts';
import { submitEmail } from './steps.ts';
import { visibleProblems } from '../../harness/journey/expect.ts';

/**
 * Universal Acceptance test addresses (UASG 004 style) and South American country-code domains,
 * by category: each category is one thing an address validator can get wrong, and a finding is
 * keyed by it (the defect matrix tells the email defects apart by that key).
 * `{run}` keeps each journey's addresses unique. All are valid and must be accepted and delivered.
 */
export type EmailCategory = 'ascii-new-gtld' | 'long-tld' | 'a-label' | 'idn' | 'unicode-local-part' | 'country-code-sld';

export const UA_ADDRESSES: Array<{ address: string; kind: string; category: EmailCategory }> = [
  { address: 'user{run}@universal-acceptance-test.icu', kind: 'ASCII, new gTLD', category: 'ascii-new-gtld' },
  { address: 'ascii+{run}@universal-acceptance-test.international', kind: 'long TLD', category: 'long-tld' },
  { address: 'email-test-{run}@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd', kind: 'A-label domain', category: 'a-label' },
  { address: 'idn+{run}@համընդհանուր-ընկալում-թեստ.հայ', kind: 'IDN domain, left-to-right script', category: 'idn' },
  { address: 'idn+{run}@تجربة-القبول-الشامل.موريتانيا', kind: 'IDN domain, right-to-left script', category: 'idn' },
  { address: 'อีเมลทดสอบ{run}@ยูเอทดสอบ.ไทย', kind: 'Unicode local part (EAI)', category: 'unicode-local-part' },
  { address: '电子邮件测试{run}@普遍适用测试。我爱你', kind: 'Unicode local part, ideographic full stop', category: 'unicode-local-part' },
  { address: 'usuario{run}@ejemplo-prueba.com.ve', kind: 'country-code second level (.com.ve)', category: 'country-code-sld' },
  { address: 'usuario{run}@ejemplo-prueba.gob.ve', kind: 'country-code second level (.gob.ve)', category: 'country-code-sld' },
  { address: 'usuario{run}@ejemplo-prueba.com.br', kind: 'country-code second level (.com.br)', category: 'country-code-sld' },
  { address: 'usuario{run}@ejemplo-prueba.com.ar', kind: 'country-code second level (.com.ar)', category: 'country-code-sld' },
  { address: 'usuario{run}@ejemplo-prueba.com.co', kind: 'country-code second level (.com.co)', category: 'country-code-sld' },
];

export const EMAIL_CATEGORIES: EmailCategory[] = [...new Set(UA_ADDRESSES.map((a) => a.category))];

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
