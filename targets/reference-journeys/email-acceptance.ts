import { domainToUnicode } from 'node:url';
import type { Flow, Step, StepContext } from '../../harness/journey/types.ts';
import { submitEmail } from './steps.ts';
import { visibleProblems } from '../../harness/journey/expect.ts';

/**
 * Universal Acceptance test addresses (UASG 004 style) and South American country-code domains.
 * `{run}` keeps each journey's addresses unique. All are valid and must be accepted and delivered.
 */
export const UA_ADDRESSES: Array<{ address: string; kind: string }> = [
  { address: 'user{run}@universal-acceptance-test.icu', kind: 'ASCII, new gTLD' },
  { address: 'ascii+{run}@universal-acceptance-test.international', kind: 'long TLD' },
  { address: 'idn+{run}@համընդհանուր-ընկալում-թեստ.հայ', kind: 'IDN domain, left-to-right script' },
  { address: 'idn+{run}@تجربة-القبول-الشامل.موريتانيا', kind: 'IDN domain, right-to-left script' },
  { address: 'อีเมลทดสอบ{run}@ยูเอทดสอบ.ไทย', kind: 'Unicode local part (EAI)' },
  { address: '电子邮件测试{run}@普遍适用测试。我爱你', kind: 'Unicode local part, ideographic full stop' },
  { address: 'email-test-{run}@xn-----ctdbabcfhu9c2b9l1acccr4c.xn--mgbah1a3hjkrd', kind: 'A-label domain' },
  { address: 'usuario{run}@ejemplo-prueba.com.ve', kind: 'country-code second level (.com.ve)' },
  { address: 'usuario{run}@ejemplo-prueba.gob.ve', kind: 'country-code second level (.gob.ve)' },
  { address: 'usuario{run}@ejemplo-prueba.com.br', kind: 'country-code second level (.com.br)' },
  { address: 'usuario{run}@ejemplo-prueba.com.ar', kind: 'country-code second level (.com.ar)' },
  { address: 'usuario{run}@ejemplo-prueba.com.co', kind: 'country-code second level (.com.co)' },
];

const CITES = ['UASG 004', 'RFC 6531'];

/** Tries one address: accepted and delivered to that exact address / rejected with a message / silently lost. */
async function tryAddress(ctx: StepContext, template: string, kind: string) {
  const address = template.replace('{run}', String(ctx.state.runToken).slice(-6));
  await ctx.actor.goto('/account/new');
  await submitEmail(ctx, address);
  await ctx.page.waitForLoadState('load');
  const onVerify = (await ctx.page.getByRole('heading', { level: 1, name: ctx.t('account.verify.title') }).count()) > 0;
  const selector = `email:${template}`;
  if (!onVerify) {
    const problems = await visibleProblems(ctx.page);
    const native = await ctx.page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.validationMessage).filter(Boolean).join(' '));
    ctx.observe({
      ruleId: 'email-rejected',
      message: `A valid email address (${kind}) was rejected: ${address} — the page says ${[...problems, native].filter(Boolean).map((p) => `"${p}"`).join(', ') || 'nothing'}.`,
      other: CITES,
      impact: 'critical',
      selector,
    });
    return;
  }
  const mail = (await ctx.hooks.outbox?.(address)) ?? [];
  // The same mailbox whether its domain is written as an A-label or in Unicode (IDNA); the local part must be exact.
  const canonical = (a: string) => {
    const at = a.lastIndexOf('@');
    const domain = a.slice(at + 1).normalize('NFC').replace(/[\u3002\uff0e\uff61]/g, '.');
    return `${a.slice(0, at).normalize('NFC')}@${domainToUnicode(domain.toLowerCase()) || domain}`;
  };
  const exact = mail.filter((m) => canonical(m.to) === canonical(address));
  if (exact.length === 0) {
    ctx.observe({
      ruleId: 'email-silently-lost',
      message: `The address ${address} (${kind}) was accepted but no mail reached it${mail.length ? ` (mail went to ${mail.map((m) => m.to).join(', ')} instead)` : ''}: the person waits for a code that never comes.`,
      other: CITES,
      impact: 'critical',
      selector,
    });
  }
}

const steps: Step[] = UA_ADDRESSES.map((a, i) => ({
  id: i === 0 ? 'account-email' : `account-email-${i + 1}`,
  partOf: 'account-email',
  title: `Create an account with ${a.kind}: ${a.address}`,
  checkpoint: i === 0,
  async arrive(ctx) {
    if (i === 0) await ctx.actor.goto('/account/new');
  },
  async act(ctx) {
    await tryAddress(ctx, a.address, a.kind);
  },
}));

export const emailAcceptanceFlow: Flow = {
  id: 'email-acceptance',
  title: 'Create an account with internationalised and country-code email addresses',
  personas: ['universal-email'],
  steps,
};
