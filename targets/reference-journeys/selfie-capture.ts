import type { Flow, StepContext } from '../../harness/journey/types.ts';
import { accountEmail, accountVerify, fillRegistration, home, selfieAlternative } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';
import { captureIncomplete, runCaptureGrid, type CaptureStepSpec } from '../../harness/camera/capture-runner.ts';

/**
 * What the reference app's photo step looks like to the capture runner (the same fields a YAML
 * target gives a `capture:` step): the control, what acceptance and rejection look like, and the way
 * through without a photo. Everything reference-specific is here; the runner knows none of it.
 */
export function referenceCaptureSpec(ctx: StepContext): CaptureStepSpec {
  return {
    control: { role: 'button', name: ctx.t('selfie.capture') },
    accepted: { text: ctx.t('dashboard.selfie.accepted') },
    rejected: { selector: '#error-summary' },
    alternative: { role: 'link', name: ctx.t('selfie.cannot') },
  };
}

/**
 * A person with darker skin at the selfie step. Acceptance must not depend on skin tone: the
 * capture runner takes photos through the app's own control for every Monk Skin Tone under even,
 * side, dim and backlit light (3 attempts each); the capture-parity audit judges the grid.
 */
export const selfieCaptureFlow: Flow = {
  id: 'selfie-capture',
  title: 'Take the identity photo (synthetic faces of every skin tone), or choose the alternative',
  personas: ['darker-skin-selfie'],
  steps: [
    home,
    accountEmail,
    accountVerify,
    {
      id: 'registration',
      title: 'Fill in the registration',
      checkpoint: false,
      form: true,
      async act(ctx) {
        await fillRegistration(ctx);
        await ctx.actor.click('button', ctx.t('registration.submit'));
        await expectArrival(ctx.page, ctx.t('selfie.title'), 'saving the registration');
      },
    },
    {
      id: 'selfie',
      title: 'Take the photo with a camera, for each skin tone and lighting',
      async act(ctx) {
        const facts = await runCaptureGrid({
          from: ctx.context,
          contextOptions: { locale: ctx.locale, baseURL: ctx.baseURL, viewport: ctx.page.viewportSize() ?? undefined },
          url: new URL('/selfie', ctx.baseURL).href,
          spec: referenceCaptureSpec(ctx),
        });
        ctx.record('captureGrid', facts);
        const incomplete = captureIncomplete(facts);
        if (incomplete) throw new Error(incomplete);
      },
    },
    { ...selfieAlternative, async arrive(ctx) { await ctx.actor.goto('/selfie'); await selfieAlternative.arrive!(ctx); } },
  ],
};
