import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import type { Flow, StepContext } from '../../harness/journey/types.ts';
import { chromiumLaunchOptions } from '../../harness/browser/launch.ts';
import { accountEmail, accountVerify, fillRegistration, home, selfieAlternative } from './steps.ts';
import { expectArrival } from '../../harness/journey/expect.ts';
import { cachedStimulus, type Lighting } from '../reference/selfie/stimulus.ts';
import type { CaptureGrid } from '../../harness/journey/capture-grid.ts';

/** The synthetic stimulus grid: Monk Skin Tones × lighting a person can reasonably find. */
export const CAPTURE_TONES = [1, 3, 5, 7, 9, 10];
export const CAPTURE_LIGHTINGS: Lighting[] = ['even', 'side'];

function stimulusFile(mst: number, lighting: Lighting): string {
  return cachedStimulus(join(tmpdir(), 'portico-stimuli'), { mst, lighting, frames: 6 });
}

/**
 * One capture attempt through the app's own selfie step, in a Chromium whose camera is a
 * synthetic face (one launch per stimulus: Chromium reads the fake camera file at launch).
 */
async function captureWith(ctx: StepContext, mst: number, lighting: Lighting): Promise<{ accepted: boolean | null; message: string }> {
  const storageState = await ctx.context.storageState();
  const browser = await chromium.launch(chromiumLaunchOptions([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${stimulusFile(mst, lighting)}`,
  ]));
  try {
    const context = await browser.newContext({ storageState, locale: ctx.locale, baseURL: ctx.baseURL });
    const page = await context.newPage();
    await page.goto('/selfie');
    // Like a person, wait until the page says the camera is ready before taking the photo.
    const ready = await page.getByText(ctx.t('selfie.status.ready')).waitFor({ timeout: 30_000 }).then(() => true, () => false);
    if (!ready) return { accepted: null, message: `the camera never became ready: "${(await page.locator('[role=status]').first().textContent().catch(() => '')) ?? ''}"` };
    await page.getByRole('button', { name: ctx.t('selfie.capture') }).click({ timeout: 10_000 });
    const done = page.getByRole('heading', { level: 1, name: ctx.t('dashboard.title') }).or(page.locator('#error-summary'));
    const finished = await done.first().waitFor({ state: 'visible', timeout: 45_000 }).then(() => true, () => false);
    if (!finished) return { accepted: null, message: `no result after taking the photo: "${(await page.locator('[role=status]').first().textContent().catch(() => '')) ?? ''}"` };
    const accepted = (await page.getByRole('heading', { level: 1, name: ctx.t('dashboard.title') }).count()) > 0;
    const message = accepted ? 'accepted' : ((await page.locator('#error-summary').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    return { accepted, message };
  } finally {
    await browser.close();
  }
}

/**
 * A person with darker skin at the selfie step. Acceptance must not depend on skin tone: every
 * tone of the grid tries under each lighting; the capture-parity audit judges the grid.
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
        const grid: CaptureGrid = { stimulus: 'synthetic faces (Monk Skin Tone scale) with simulated camera auto-exposure', cells: [] };
        for (const lighting of CAPTURE_LIGHTINGS) {
          for (const mst of CAPTURE_TONES) {
            let r = await captureWith(ctx, mst, lighting);
            if (r.accepted === null) r = await captureWith(ctx, mst, lighting); // one retry: the harness, not the person, may have stalled
            grid.cells.push({ mst, lighting, attempts: r.accepted === null ? 0 : 1, accepted: r.accepted ? 1 : 0, messages: r.accepted ? [] : [r.message], errors: r.accepted === null ? 1 : 0 });
          }
        }
        ctx.record('captureGrid', grid);
      },
    },
    { ...selfieAlternative, async arrive(ctx) { await ctx.actor.goto('/selfie'); await selfieAlternative.arrive!(ctx); } },
  ],
};
