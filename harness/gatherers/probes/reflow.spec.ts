import { test, expect } from '@playwright/test';
import { reflowProbe, type ReflowArtifact } from './reflow.ts';
import { probeFixture, recordProbe } from './record.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };

test.describe('reflow probe (WCAG 1.4.10)', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a responsive page reflows at 320 px: no overflow, tables/code/media exempt, viewport restored', async ({ page }) => {
    await page.goto(probeFixture('responsive.html'));
    const r = (await reflowProbe.gather(page, ctx)) as ReflowArtifact;
    recordProbe('reflow-responsive', r);
    expect(r.tested).toEqual({ width: 320, height: 720 });
    expect(r.narrow.viewport.width).toBe(320);
    expect(r.narrow.horizontalOverflow).toBeLessThanOrEqual(4);
    expect(r.narrow.offScreen).toEqual([]);
    expect(r.newlyClipped).toEqual([]);
    // The skip link parked off-screen and the visually-hidden text are not content pushed off-screen.
    expect(JSON.stringify(r.narrow.offScreen)).not.toMatch(/Skip to main/);
    expect(r.narrow.exempt.map((e) => e.reason).join(' ')).toMatch(/scroll region/);
    expect(r.restored).toBe(true);
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    expect(await page.evaluate(() => innerWidth)).toBe(1280);
    expect(r.summary.join('\n')).toMatch(/320×720/);
  });

  test('a min-width:1024px page overflows at 320 px and the culprit is named; viewport restored', async ({ page }) => {
    await page.goto(probeFixture('fixed-width.html'));
    const r = (await reflowProbe.gather(page, ctx)) as ReflowArtifact;
    recordProbe('reflow-fixed-width', r);
    expect(r.narrow.horizontalOverflow).toBeGreaterThan(600);
    expect(r.narrow.document.scrollWidth).toBeGreaterThanOrEqual(1024);
    expect(r.narrow.offScreen[0].domPath).toBe('html>body:nth-of-type(1)');
    expect(r.baseline.horizontalOverflow).toBe(0);
    expect(r.restored).toBe(true);
    expect(await page.evaluate(() => innerWidth)).toBe(1280);
  });

  test('restores the viewport even when measuring fails', async ({ page }) => {
    await page.goto(probeFixture('responsive.html'));
    let calls = 0;
    const original = page.evaluate.bind(page);
    // Fail the measurement taken at 320 px (the second evaluate of the layout).
    (page as unknown as { evaluate: typeof page.evaluate }).evaluate = (async (fn: unknown, arg: unknown) => {
      if (String(fn).includes('function measureLayout(') && ++calls === 2) throw new Error('boom');
      return original(fn as never, arg as never);
    }) as typeof page.evaluate;
    await expect(reflowProbe.gather(page, ctx)).rejects.toThrow('boom');
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    expect(await original(() => innerWidth)).toBe(1280);
  });
});
