import { test, expect } from '@playwright/test';
import { gatherAxe } from '../axe.ts';
import { gatherPhoneWidthContrast } from './phone-width-contrast.ts';
import { contrastAtPhoneWidthAudit } from '../../../audits/wcag/contrast-at-phone-width.ts';
import { testPage, auditCtx } from './test-pages/url.ts';
import type { Artifacts } from '../../types.ts';

const artifacts = (gathered: Record<string, unknown>) => ({ gathered } as unknown as Artifacts);

test('a header sized for a desktop: at 320 px its white links wrap onto the light page, and only there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(testPage('phone-width', 'header-spills.html'));
  const axe = await gatherAxe(page);
  expect(axe.violations.filter((v) => v.id === 'color-contrast'), 'at desktop width the links are on the dark bar').toEqual([]);
  const narrow = await gatherPhoneWidthContrast(page);
  expect(page.viewportSize(), 'the viewport is put back').toEqual({ width: 1280, height: 720 });
  expect(narrow.width).toBe(320);
  expect(narrow.failing.length).toBeGreaterThan(0);
  const result = await contrastAtPhoneWidthAudit.audit(artifacts({ axe, 'phone-width-contrast': narrow }), auditCtx);
  expect(result.outcome).toBe('failed');
  expect(result.findings[0]).toMatchObject({ ruleId: 'contrast-at-phone-width', wcag: ['1.4.3'] });
  expect(result.findings[0].message).toMatch(/At 320 px wide .* though it has enough at desktop width: .*contrast/);
});

test('the same header grown with its contents keeps its contrast at 320 px: nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(testPage('phone-width', 'header-responsive.html'));
  const axe = await gatherAxe(page);
  const narrow = await gatherPhoneWidthContrast(page);
  expect(narrow.failing).toEqual([]);
  const result = await contrastAtPhoneWidthAudit.audit(artifacts({ axe, 'phone-width-contrast': narrow }), auditCtx);
  expect(result.outcome).toBe('passed');
});
