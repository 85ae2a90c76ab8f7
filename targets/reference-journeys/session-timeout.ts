import type { Flow } from '../../harness/journey/types.ts';
import { accountEmail, accountVerify, enterCode, fillRegistration, home } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';
import { lostEntries, snapshotForm, type FormSnapshot } from '../../harness/journey/form-state.ts';
import { SESSION_ENDED } from '../../harness/journey/linger.ts';

/**
 * An older user who takes their time: fills in the registration, then is away from it for longer
 * than the session allows before sending it. The waiting is the persona's (the walker lingers on
 * every `form: true` step on the browser clock and reports a missing warning or way to extend,
 * 2.2.1); this flow only knows how this app signs a person in again, and checks that what was
 * entered is still there afterwards (2.2.5).
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
      title: 'Fill in the registration, stay on it past the time limit, send it, sign in again and find what was entered',
      form: true,
      async act(ctx) {
        await fillRegistration(ctx);
        await ctx.actor.click('button', ctx.t('registration.submit'));
        await ctx.page.waitForLoadState('load');
        // Re-authenticate the way the app asks (email then code), if it asks.
        if ((await ctx.page.getByRole('heading', { level: 1, name: ctx.t('signin.title') }).count()) > 0) {
          ctx.state[SESSION_ENDED] = true;
          await ctx.actor.fill(ctx.t('account.email.label'), ctx.data.email);
          await ctx.actor.click('button', ctx.t('account.email.submit'));
          await ctx.page.waitForLoadState('load');
          await enterCode(ctx, ctx.data.email);
          await ctx.page.waitForLoadState('load');
        }
        const movedOn = (await ctx.page.getByRole('heading', { level: 1, name: ctx.t('selfie.title') }).count()) > 0;
        if (!movedOn) {
          const entered = (ctx.state.lingerEntered as FormSnapshot | undefined) ?? {};
          const onForm = (await ctx.page.getByRole('heading', { level: 1, name: ctx.t('registration.title') }).count()) > 0;
          const lost = lostEntries(entered, onForm ? await snapshotForm(ctx.page) : {});
          if (lost.length) {
            ctx.observe({
              ruleId: 'time-limit-data-lost',
              key: 'session',
              message: `After the session timed out and the person signed in again, what they had entered was gone: ${lost.slice(0, 4).map((l) => `${l.label} "${l.before}" → ${l.after === null ? 'empty' : `"${l.after}"`}`).join(', ')}${lost.length > 4 ? ` and ${lost.length - 4} more` : ''}.`,
              wcag: ['2.2.5'],
              impact: 'critical',
              selector: 'registration-form',
            });
            if (!onForm) await ctx.actor.goto('/registration');
            await fillRegistration(ctx);
          }
          await ctx.actor.click('button', ctx.t('registration.submit'));
          await expectArrival(ctx.page, ctx.t('selfie.title'), 'sending the registration after signing in again');
        }
      },
    },
  ],
};
