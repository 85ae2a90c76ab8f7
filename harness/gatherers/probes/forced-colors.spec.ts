import { test, expect } from '@playwright/test';
import { forcedColorsProbe, type ForcedColorsArtifact } from './forced-colors.ts';
import { probeFixture, recordProbe } from './record.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const forced = (page: import('@playwright/test').Page) => page.evaluate(() => matchMedia('(forced-colors: active)').matches);

test.describe('forced-colors probe (1.4.11, 1.4.3, 2.4.7 under forced colours)', () => {
  test('finds the boundary, icons, focus ring and kept colours that vanish; the emulation is put back', async ({ page }) => {
    await page.goto(probeFixture('forced-colors-bad.html'));
    const r = (await forcedColorsProbe.gather(page, ctx)) as ForcedColorsArtifact;
    recordProbe('forced-colors-bad', r);
    expect(r.active).toBe(true);
    expect(r.restored).toBe(true);
    expect(await forced(page)).toBe(false);
    // Borderless buttons whose shape was their background; (Chromium keeps a field's own box).
    expect(r.lostBoundary.map((c) => c.name).sort()).toEqual(['Search', 'Send', 'Settings']);
    expect(r.vanishedIcons.map((i) => `${i.kind} ${i.name}`).sort()).toEqual(['background-image Settings', 'svg Search']);
    expect(r.adjustNoneLowContrast.map((t) => t.name)).toEqual(['Status: pending review']);
    expect(r.lostFocus.map((f) => f.name)).toEqual(['Next page']);
  });

  test('a page built for forced colours yields nothing (transparent borders, currentColor, outlines)', async ({ page }) => {
    await page.goto(probeFixture('forced-colors-good.html'));
    const r = (await forcedColorsProbe.gather(page, ctx)) as ForcedColorsArtifact;
    recordProbe('forced-colors-good', r);
    expect(r.active).toBe(true);
    expect(r.checked.controls).toBeGreaterThanOrEqual(4);
    expect(r.checked.focusStops).toBeGreaterThanOrEqual(4);
    expect(r.lostBoundary).toEqual([]);
    expect(r.vanishedIcons).toEqual([]);
    expect(r.adjustNoneLowContrast).toEqual([]);
    expect(r.lostFocus).toEqual([]);
    expect(await forced(page)).toBe(false);
  });
});
