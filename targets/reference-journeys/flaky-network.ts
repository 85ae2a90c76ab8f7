import type { Flow } from '../../harness/journey/types.ts';
import { accountEmail, accountVerify, fillRegistration, home, selfieNoCamera, selfieAlternative, dashboard, appointmentRequest } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';
import { submitWhileOffline } from '../../harness/journey/form-state.ts';

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
      title: 'Fill in the registration; the connection drops as it is sent, then the server fails; go back to the form each time',
      form: true,
      async act(ctx) {
        await fillRegistration(ctx);
        // The connection drops just as the form is sent (a shelter's shared mobile data): back online,
        // Back to the form, and everything entered must still be there.
        const offline = await submitWhileOffline(ctx.page, ctx.context, () => ctx.actor.click('button', ctx.t('registration.submit')));
        ctx.record('offlineSubmit', offline);
        if (offline.lost.length) {
          ctx.observe({
            ruleId: 'data-lost-offline',
            key: 'registration',
            message: `The connection dropped as the registration was sent; back online and back on the form, what the person had entered was gone: ${offline.lost.map((l) => `${l.label} "${l.before}" → ${l.after === null ? 'empty' : `"${l.after}"`}`).join(', ')}. They must type it all again (${offline.landedOn === 'browser-error' ? "the browser's offline page, then Back" : 'the app stayed on its page'}).`,
            other: ['data loss when the connection drops (3.3.7 Redundant Entry, analogy)'],
            impact: 'serious',
            selector: 'registration-form',
          });
        }
        if ((await ctx.page.getByRole('heading', { level: 1, name: ctx.t('registration.title') }).count()) === 0) await ctx.page.goto('/registration');
        if (offline.lost.length) await fillRegistration(ctx);
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
