import { test, expect } from '@playwright/test';
import { textSpacingProbe, TEXT_SPACING_STYLE_ID, type TextSpacingArtifact } from './text-spacing.ts';
import { probeFixture, recordProbe } from './record.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const spacing = (page: import('@playwright/test').Page) => page.evaluate(() => {
  const cs = getComputedStyle(document.getElementById('card') ?? document.body);
  return { lineHeight: cs.lineHeight, letterSpacing: cs.letterSpacing, wordSpacing: cs.wordSpacing };
});

test.describe('text-spacing probe (WCAG 1.4.12)', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a fixed-height box clips its text and a fixed-height box without overflow hidden spills over the next text; the style is removed', async ({ page }) => {
    await page.goto(probeFixture('spacing-clip.html'));
    const before = await spacing(page);
    const r = (await textSpacingProbe.gather(page, ctx)) as TextSpacingArtifact;
    recordProbe('text-spacing-clip', r);
    expect(r.applied).toBe(true);
    expect(r.baseline).toEqual({ clipped: 0, overlaps: 0 });
    expect(r.newlyClipped.map((i) => i.domPath)).toEqual(['html>body:nth-of-type(1)>main:nth-of-type(1)>div:nth-of-type(1)']);
    expect(r.newlyClipped[0].box!.scrollHeight).toBeGreaterThan(r.newlyClipped[0].box!.clientHeight);
    const overlapping = r.newOverlaps.flatMap((i) => [i.domPath, i.other!.domPath]);
    expect(overlapping).toContain('html>body:nth-of-type(1)>main:nth-of-type(1)>div:nth-of-type(2)');
    expect(overlapping).toContain('html>body:nth-of-type(1)>main:nth-of-type(1)>p:nth-of-type(1)');
    expect(overlapping.join()).not.toContain('p:nth-of-type(2)');
    // Restored: no injected style, the page's own spacing is back.
    expect(r.restored).toBe(true);
    expect(await page.locator(`#${TEXT_SPACING_STYLE_ID}`).count()).toBe(0);
    expect(await spacing(page)).toEqual(before);
  });

  test('a page whose text boxes grow with their text passes', async ({ page }) => {
    await page.goto(probeFixture('responsive.html'));
    const r = (await textSpacingProbe.gather(page, ctx)) as TextSpacingArtifact;
    recordProbe('text-spacing-responsive', r);
    expect(r.applied).toBe(true);
    expect(r.newlyClipped).toEqual([]);
    expect(r.newOverlaps).toEqual([]);
    expect(r.restored).toBe(true);
  });
});
