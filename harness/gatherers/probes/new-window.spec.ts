import { test, expect } from '@playwright/test';
import { newWindowProbe, type NewWindowArtifact } from './new-window.ts';
import { newWindowAudit } from '../../../audits/wcag/new-window.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const judge = (r: NewWindowArtifact) => newWindowAudit.audit(artifactsWith('new-window', r), auditCtx);

test.describe('new-window probe and audit (G201, 3.2.5 as best practice)', () => {
  test('GOV.UK-style links that say "opens in new tab" (text, hidden text, icon label, Spanish) yield nothing', async ({ page }) => {
    await page.goto(testPage('new-window', 'good.html'));
    const r = (await newWindowProbe.gather(page, ctx)) as NewWindowArtifact;
    recordProbe('new-window-good', r);
    expect(r.links.filter((l) => l.visible)).toHaveLength(4);
    expect(r.links.map((l) => l.target)).not.toContain('_self');
    const v = judge(r);
    expect(v.outcome).toBe('passed');
    expect(v.findings).toEqual([]);
  });

  test('links and a form that open new windows silently are cantTell best practice, never barriers', async ({ page }) => {
    await page.goto(testPage('new-window', 'bad.html'));
    const r = (await newWindowProbe.gather(page, ctx)) as NewWindowArtifact;
    recordProbe('new-window-bad', r);
    const v = judge(r);
    expect(v.outcome).toBe('cantTell');
    expect(v.findings.map((f) => f.message.match(/"([^"]+)"/)?.[1])).toEqual(['read the licence guidance', 'Share on Example', '/print']);
    for (const f of v.findings) expect(f).toMatchObject({ outcome: 'cantTell', category: 'best-practice', ruleId: 'new-window-unwarned', wcag: ['3.2.5'] });
  });
});
