import { test, expect, chromium } from '@playwright/test';
import { motionProbe, type MotionArtifact } from './motion.ts';
import { audioControlAudit } from '../../../audits/wcag/audio-control.ts';
import { pauseStopHideAudit } from '../../../audits/wcag/pause-stop-hide.ts';
import { chromiumLaunchOptions } from '../../browser/launch.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const gather = async (page: import('@playwright/test').Page, folder: string, name: string) => {
  await page.goto(testPage(folder, name));
  const r = (await motionProbe.gather(page, ctx)) as MotionArtifact;
  recordProbe(`motion-${folder}-${name.replace('.html', '')}${test.info().title.includes('held') ? '-blocked' : ''}`, r);
  return r;
};
const judge = (audit: typeof audioControlAudit, r: MotionArtifact) => audit.audit(artifactsWith('motion', r), auditCtx);

// As in a browser where the person has already clicked on the site (Chromium's autoplay policy).
test.use({ launchOptions: chromiumLaunchOptions(['--autoplay-policy=no-user-gesture-required']) });

test.describe('motion probe: audio-control (1.4.2), where autoplay with sound is allowed', () => {
  test('audio that starts by itself, loops and has no control on the page fails', async ({ page }) => {
    const r = await gather(page, 'audio-control', 'bad.html');
    const [audio] = r.media;
    expect(audio).toMatchObject({ tag: 'audio', autoplay: true, loop: true, controls: false, muted: false, playing: true });
    expect(audio.advanced).toBeGreaterThan(3);
    expect(audio.hasAudio).toBe(true);
    const v = judge(audioControlAudit, r);
    expect(v.outcome).toBe('failed');
    expect(v.findings.map((f) => [f.ruleId, f.outcome])).toEqual([['audio-autoplay', 'failed']]);
  });

  test('a player started by the person, a 1.5 s chime and autoplay with a Pause control yield no finding', async ({ page }) => {
    const r = await gather(page, 'audio-control', 'good.html');
    expect(r.media).toHaveLength(3);
    expect(r.media[0]).toMatchObject({ controls: true, playing: false });
    expect(r.media[1].duration).toBeLessThanOrEqual(3);
    expect(r.media[2]).toMatchObject({ playing: true, loop: true });
    const v = judge(audioControlAudit, r);
    expect(v.findings).toEqual([]);
    expect(v.notes?.join(' ')).toMatch(/Pause audio/);
  });
});

test('audio held by the autoplay policy is cantTell, never failed', async () => {
  const browser = await chromium.launch(chromiumLaunchOptions()); // the default policy: no gesture, no sound
  const page = await browser.newPage();
  const r = await gather(page, 'audio-control', 'bad.html');
  await browser.close();
  expect(r.media[0]).toMatchObject({ autoplayBlocked: true, playing: false });
  const v = judge(audioControlAudit, r);
  expect(v.outcome).toBe('cantTell');
  expect(v.findings.map((f) => [f.ruleId, f.outcome])).toEqual([['audio-autoplay', 'cantTell']]);
});

test.describe('motion probe: pause-stop-hide (2.2.2)', () => {
  test('an endless pulse, a marquee and a carousel with no rotation control are found', async ({ page }) => {
    const r = await gather(page, 'pause-stop-hide', 'bad.html');
    expect(r.observedMs).toBeGreaterThanOrEqual(5000);
    expect(r.marquees.map((m) => m.text)).toEqual(['Offices are closed on public holidays.']);
    const v = judge(pauseStopHideAudit, r);
    expect(v.outcome).toBe('failed');
    const rules = v.findings.map((f) => `${f.ruleId}:${f.outcome}`);
    expect(rules).toContain('motion-animation:failed');
    expect(rules).toContain('motion-marquee:failed');
    expect(rules).toContain('auto-updating:cantTell');
    expect(v.findings.filter((f) => f.ruleId === 'auto-updating')).toHaveLength(1);
    expect(v.findings.find((f) => f.ruleId === 'motion-animation')?.message).toMatch(/"pulse" runs for ever/);
  });

  test('the APG carousel with its rotation control, a Bootstrap spinner and a 2 s pulse yield no finding', async ({ page }) => {
    const r = await gather(page, 'pause-stop-hide', 'good.html');
    expect(r.changes.length).toBeGreaterThan(0); // the carousel does rotate
    expect(r.animations.find((a) => a.name === 'spinner-border')?.progressIndicator).toBe(true);
    const v = judge(pauseStopHideAudit, r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('cantTell');
    expect(v.notes?.join(' ')).toMatch(/Stop automatic slide show/);
  });
});
