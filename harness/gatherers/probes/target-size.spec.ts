import { test, expect } from '@playwright/test';
import { targetSizeProbe, type TargetSizeArtifact } from './target-size.ts';
import { targetSizeAudit } from '../../../audits/wcag/target-size.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const judge = (r: TargetSizeArtifact) => targetSizeAudit.audit(artifactsWith('target-size', r), auditCtx);

test.describe('target-size probe and audit (2.5.8)', () => {
  test('GOV.UK-sized buttons and pagination, links in a sentence, a default checkbox and spaced icon buttons yield nothing', async ({ page }) => {
    await page.goto(testPage('target-size', 'good.html'));
    const r = (await targetSizeProbe.gather(page, ctx)) as TargetSizeArtifact;
    recordProbe('target-size-good', r);
    expect(r.small.filter((t) => t.inline).map((t) => t.name)).toEqual(['the guidance', 'terms']);
    expect(r.small.find((t) => t.tag === 'input')?.uaDefault).toBe(true);
    expect(r.small.filter((t) => t.name === 'Bold' || t.name === 'Italic' || t.name === 'Underline')).toHaveLength(3);
    const v = judge(r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
    expect(v.notes?.join(' ')).toMatch(/3 small target\(s\) spaced far enough apart/);
  });

  test('a crowded 16 px toolbar, dense pagination and 14 px custom checkboxes fail, each once', async ({ page }) => {
    await page.goto(testPage('target-size', 'bad.html'));
    const r = (await targetSizeProbe.gather(page, ctx)) as TargetSizeArtifact;
    recordProbe('target-size-bad', r);
    const v = judge(r);
    expect(v.outcome).toBe('failed');
    expect(v.findings.map((f) => f.message.match(/"([^"]+)"/)?.[1])).toEqual(['Bold', 'Italic', 'Underline', '1', '2', '3', 'Option A', 'Option B']);
    expect(v.findings[0].message).toMatch(/16 × 16 CSS px/);
  });
});

test('a link inside an inline SVG (no innerText) is measured, not a crash of the probe', async ({ page }) => {
  await page.goto(testPage('target-size', 'svg-link.html'));
  const r = (await targetSizeProbe.gather(page, ctx)) as TargetSizeArtifact;
  const link = r.small.find((t) => t.tag === 'a');
  expect(link?.name).toBe('Figures');
  expect(link?.box.width).toBeLessThan(24);
  expect(['passed', 'failed']).toContain(judge(r).outcome);
});
