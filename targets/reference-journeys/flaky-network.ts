import type { Flow } from '../../harness/journey/types.ts';
import { accountEmail, accountVerify, fillRegistration, home, selfieNoCamera, selfieAlternative, dashboard, appointmentRequest } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';

/**
 * A low-end phone on a slow, flaky connection: the registration is sent just as the server fails
 * (as it did for half of the people in one study). Nothing entered may be lost.
 */
export const flakyNetworkFlow: Flow = {
  id: 'register-flaky-network',
  title: 'Register on a slow phone when the server fails mid-registration',
  personas: ['low-end-network'],
  steps: [
    home,
    accountEmail,
    accountVerify,
    {
      id: 'registration',
      title: 'Fill in the registration; the server fails as it is sent; go back to the form',
      async act(ctx) {
        await fillRegistration(ctx);
        await ctx.hooks.failNextPost?.('/registration');
        ctx.expectServerError();
        await ctx.actor.click('button', ctx.t('registration.submit'));
        await ctx.page.waitForLoadState('load');
        // The way back the error page offers, or the browser's Back when it offers none.
        const back = ctx.page.getByRole('link', { name: ctx.t('errors.backToForm') });
        if ((await back.count()) > 0) await back.first().click();
        else await ctx.page.goto('/registration');
        await ctx.page.waitForLoadState('load');
        const given = await ctx.page.getByLabel(ctx.t('registration.givenNames')).first().inputValue().catch(() => '');
        const phone = await ctx.page.getByLabel(ctx.t('registration.phone')).first().inputValue().catch(() => '');
        if (given !== ctx.data.givenNames || phone !== ctx.data.phone) {
          ctx.observe({
            ruleId: 'data-lost-on-error',
            key: 'registration',
            message: `A server error while sending the registration lost what the person had entered (given names "${given}", phone "${phone}" after the error): they must start again (as half of the people in one study had to).`,
            other: ['data loss on server error'],
            impact: 'critical',
            selector: 'registration-form',
          });
          await fillRegistration(ctx);
        }
        await ctx.actor.click('button', ctx.t('registration.submit'));
        await expectArrival(ctx.page, ctx.t('selfie.title'), 'sending the registration again');
      },
    },
    selfieNoCamera,
    selfieAlternative,
    dashboard,
    appointmentRequest,
  ],
};
