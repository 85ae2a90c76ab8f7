import { test, expect } from '@playwright/test';
import { textResizeProbe, type TextResizeArtifact } from './text-resize.ts';
import { probeFixture, recordProbe } from './record.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const metrics = (page: import('@playwright/test').Page) => page.evaluate(() => ({ w: innerWidth, h: innerHeight, dpr: devicePixelRatio, mq: matchMedia('(min-width: 1000px)').matches }));

test.describe('text-resize probe (WCAG 1.4.4)', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('at 200% a fixed-height bar clips its text; viewport and scale factor are restored', async ({ page }) => {
    await page.goto(probeFixture('resize-clip.html'));
    const before = await metrics(page);
    const r = (await textResizeProbe.gather(page, ctx)) as TextResizeArtifact;
    recordProbe('text-resize-clip', r);
    expect(r.method).toBe('cdp-device-metrics');
    expect(r.factor).toBe(2);
    expect(r.zoomed).toEqual({ width: 640, height: 360, devicePixelRatio: 2 });
    expect(r.baseline.clipped).toBe(0);
    expect(r.newlyClipped.map((i) => i.domPath)).toEqual(['html>body:nth-of-type(1)>div:nth-of-type(1)']);
    expect(r.restored).toBe(true);
    expect(await metrics(page)).toEqual(before);
  });

  test('a responsive page passes at 200%', async ({ page }) => {
    await page.goto(probeFixture('responsive.html'));
    const r = (await textResizeProbe.gather(page, ctx)) as TextResizeArtifact;
    recordProbe('text-resize-responsive', r);
    expect(r.newlyClipped).toEqual([]);
    expect(r.newOverlaps).toEqual([]);
    expect(r.restored).toBe(true);
  });

  test('keeps a device scale factor of 2 (a phone) and restores it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(probeFixture('responsive.html'));
    const before = await metrics(page);
    const r = (await textResizeProbe.gather(page, ctx)) as TextResizeArtifact;
    expect(r.zoomed.devicePixelRatio).toBe(4);
    expect(r.zoomed.width).toBe(400);
    expect(await metrics(page)).toEqual(before);
    expect(before.dpr).toBe(2);
    await context.close();
  });
});
