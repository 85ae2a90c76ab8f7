import type { Flow, Step, StepContext } from '../../harness/journey/types.ts';
import { enterCode, fillRegistration, submitEmail } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';

/** One person, one whole registration and one appointment request under the given address. */
async function registerAndRequest(ctx: StepContext, email: string) {
  const { actor, t, page } = ctx;
  await actor.goto('/account/new');
  await submitEmail(ctx, email);
  await expectArrival(page, t('account.verify.title'), 'sending the email address');
  await enterCode(ctx, email);
  await expectArrival(page, t('registration.title'), 'entering the code');
  await fillRegistration(ctx);
  await actor.click('button', t('registration.submit'));
  await expectArrival(page, t('selfie.title'), 'saving the registration');
  await actor.click('link', t('selfie.cannot'));
  await actor.click('button', t('selfie.alt.submit'));
  await expectArrival(page, t('dashboard.title'), 'choosing to verify in person');
  await actor.click('link', t('dashboard.request'));
  await actor.select(t('appointments.request.first'), { value: 'hidalgo' });
  await actor.click('button', t('appointments.request.submit'));
  await expectArrival(page, t('appointments.status.title'), 'asking for an appointment');
  await actor.click('button', t('nav.signout'));
  await page.waitForLoadState('load');
}

const accountStep = (n: number): Step => ({
  id: `account-${n}`,
  partOf: 'account-email',
  title: `Register and ask for an appointment with account ${n} (the same person)`,
  checkpoint: false,
  async act(ctx) {
    await registerAndRequest(ctx, ctx.data.email.replace('@', `+${n}@`));
  },
});

/**
 * Lottery integrity: the same person behind two accounts must count once (mission: one person
 * submitted 466 registrations in a month; more accounts raised one's chances). Read from the
 * app's published, recomputable draw record.
 */
export const duplicateAccountsFlow: Flow = {
  id: 'duplicate-accounts',
  title: 'One person with two accounts asks for an appointment from both',
  personas: ['multi-account'],
  steps: [
    accountStep(1),
    accountStep(2),
    {
      id: 'lottery-audit',
      title: "Read today's published draw: requests and entries",
      async arrive(ctx) {
        await ctx.hooks.runLottery?.();
        await ctx.actor.goto('/lottery/audit');
        await expectArrival(ctx.page, ctx.t('audit.title'), 'opening the lottery audit page');
      },
      async act(ctx) {
        const row = ctx.page.getByRole('row').filter({ has: ctx.page.getByRole('rowheader') }).first();
        const cells = await row.getByRole('cell').allTextContents();
        // Columns: seed hash, seed, requests, entries, duplicates removed, winners, data.
        const [requests, entries] = [Number(cells[2]), Number(cells[3])];
        if (!Number.isFinite(requests) || !Number.isFinite(entries)) {
          ctx.observe({ ruleId: 'lottery-record-unreadable', outcome: 'cantTell', message: `The published draw record could not be read (cells: ${cells.join(' | ')}).`, other: ['lottery fairness'], selector: 'lottery-audit' });
          return;
        }
        if (entries >= requests && requests >= 2) {
          ctx.observe({
            ruleId: 'lottery-duplicate-person',
            key: 'lottery-entries',
            message: `One person with ${requests} accounts got ${entries} entries in the draw: every extra account raises their chances over people with one.`,
            other: ['lottery fairness: duplicate persons not deduplicated'],
            impact: 'serious',
            selector: 'lottery-audit',
          });
        }
      },
    },
  ],
};
