import { test, expect } from '@playwright/test';
import { focusOrderProbe, type FocusOrderArtifact } from './focus-order.ts';
import { focusOrderAudit } from '../../../audits/wcag/focus-order.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const judge = (r: FocusOrderArtifact) => focusOrderAudit.audit(artifactsWith('focus-order', r), auditCtx);

test.describe('focus-order probe and audit (2.4.3)', () => {
  test('a GOV.UK question page in reading order yields nothing', async ({ page }) => {
    await page.goto(testPage('focus-order', 'good.html'));
    const r = (await focusOrderProbe.gather(page, ctx)) as FocusOrderArtifact;
    recordProbe('focus-order-good', r);
    expect(r.positiveTabindex).toBe(0);
    expect(r.stops.map((s) => s.name).slice(0, 3)).toEqual(['Skip to main content', 'GOV.UK', 'Apply for a licence']);
    expect(r.stops.find((s) => s.tag === 'main')).toBeUndefined(); // tabindex=-1 is not a Tab stop
    const v = judge(r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
  });

  test('the order Tab really takes agrees with the probe', async ({ page }) => {
    await page.goto(testPage('focus-order', 'bad.html'));
    const r = (await focusOrderProbe.gather(page, ctx)) as FocusOrderArtifact;
    const seen: string[] = [];
    for (let i = 0; i < r.stops.length; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => document.activeElement?.id || (document.activeElement as HTMLElement)?.innerText || ''));
    }
    expect(seen).toEqual(['postcode', 'line1', 'town', 'Continue', 'Cancel']);
  });

  test('tabindex=1 that sends focus back up the form fails; a reversed button row is cantTell', async ({ page }) => {
    await page.goto(testPage('focus-order', 'bad.html'));
    const r = (await focusOrderProbe.gather(page, ctx)) as FocusOrderArtifact;
    recordProbe('focus-order-bad', r);
    const v = judge(r);
    expect(v.outcome).toBe('failed');
    expect(v.findings.map((f) => `${f.ruleId}:${f.outcome}`)).toEqual(['focus-order-tabindex:failed', 'focus-order-visual:cantTell']);
    expect(v.findings[0].message).toMatch(/input \(tabindex=1\), Tab goes to the input, \d+ px back up the page/);
    expect(v.findings[1].message).toMatch(/"Continue", Tab goes to the a "Cancel", \d+ px back along the same line \(leftwards\)/);
  });
});
