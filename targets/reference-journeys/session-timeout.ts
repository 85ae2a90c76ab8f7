import type { Flow, StepContext } from '../../harness/journey/types.ts';
import { accountEmail, accountVerify, enterCode, fillRegistration, home } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';

const WARN_BEFORE_S = 120;

async function valueOf(ctx: StepContext, label: string) {
  return ctx.page.getByLabel(label).first().inputValue().catch(() => '');
}

/**
 * An older user who takes their time: fills part of the form, is away past the session limit,
 * then comes back. Checks a warning with a way to extend (2.2.1) and that nothing entered is
 * lost when they sign in again (2.2.5).
 */
export const sessionTimeoutFlow: Flow = {
  id: 'session-timeout',
  title: 'Take longer than the session allows while registering',
  personas: ['time-limits'],
  steps: [
    home,
    accountEmail,
    accountVerify,
    {
      id: 'registration',
      title: 'Fill in part of the registration, then pause until just before the time limit',
      async act(ctx) {
        await ctx.page.clock.install();
        await ctx.page.reload();
        await fillRegistration(ctx);
        const limit = Number(await ctx.page.locator('body').getAttribute('data-session-remaining')) || 900;
        const pause = Math.max(0, limit - WARN_BEFORE_S + 10);
        await ctx.hooks.advanceClock?.(pause);
        await ctx.page.clock.fastForward(pause * 1000);
        const warning = ctx.page.getByRole('alertdialog').or(ctx.page.getByRole('alert')).filter({ hasText: /\S/ });
        const warned = await warning.first().isVisible().catch(() => false);
        if (!warned) {
          ctx.observe({
            ruleId: 'time-limit-no-warning',
            key: 'session',
            message: `No warning appeared ${WARN_BEFORE_S} s before the session limit, and nothing offered more time: the person is signed out without notice.`,
            wcag: ['2.2.1'],
            impact: 'critical',
            selector: 'session-warning',
          });
        }
        ctx.state.filledGiven = await valueOf(ctx, ctx.t('registration.givenNames'));
      },
    },
    {
      id: 'registration-after-timeout',
      partOf: 'registration',
      title: 'Come back after the limit, send the form, sign in again and find what was entered',
      checkpoint: false,
      async act(ctx) {
        await ctx.hooks.advanceClock?.(WARN_BEFORE_S + 60);
        await ctx.page.clock.fastForward((WARN_BEFORE_S + 60) * 1000);
        await ctx.actor.click('button', ctx.t('registration.submit'));
        await ctx.page.waitForLoadState('load');
        // Re-authenticate the way the app asks (email then code), if it asks.
        if ((await ctx.page.getByRole('heading', { level: 1, name: ctx.t('signin.title') }).count()) > 0) {
          await ctx.actor.fill(ctx.t('account.email.label'), ctx.data.email);
          await ctx.actor.click('button', ctx.t('account.email.submit'));
          await ctx.page.waitForLoadState('load');
          await enterCode(ctx, ctx.data.email);
          await ctx.page.waitForLoadState('load');
        }
        const onRegistration = (await ctx.page.getByRole('heading', { level: 1, name: ctx.t('registration.title') }).count()) > 0;
        const kept = onRegistration ? await valueOf(ctx, ctx.t('registration.givenNames')) : '';
        const movedOn = (await ctx.page.getByRole('heading', { level: 1, name: ctx.t('selfie.title') }).count()) > 0;
        if (!movedOn && kept !== ctx.state.filledGiven) {
          ctx.observe({
            ruleId: 'time-limit-data-lost',
            key: 'session',
            message: `After the session timed out and the person signed in again, what they had entered was gone (given names were "${String(ctx.state.filledGiven)}", now "${kept}").`,
            wcag: ['2.2.5'],
            impact: 'critical',
            selector: 'registration-form',
          });
        }
        if (!movedOn) {
          await ctx.actor.click('button', ctx.t('registration.submit'));
          await expectArrival(ctx.page, ctx.t('selfie.title'), 'sending the registration after signing in again');
        }
      },
    },
  ],
};
