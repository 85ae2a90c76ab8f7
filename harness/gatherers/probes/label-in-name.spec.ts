import { test, expect } from '@playwright/test';
import { labelInNameProbe, type LabelInNameArtifact } from './label-in-name.ts';
import { labelInNameAudit } from '../../../audits/wcag/label-in-name.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const judge = (r: LabelInNameArtifact) => labelInNameAudit.audit(artifactsWith('label-in-name', r), auditCtx);

test.describe('label-in-name probe and audit (2.5.3)', () => {
  test('GOV.UK / USWDS controls whose names contain their visible labels yield nothing', async ({ page }) => {
    await page.goto(testPage('label-in-name', 'good.html'));
    const r = (await labelInNameProbe.gather(page, ctx)) as LabelInNameArtifact;
    recordProbe('label-in-name-good', r);
    expect(r.source).toBe('cdp');
    const by = (label: string) => r.controls.find((c) => c.visibleLabel === label);
    // Visually hidden text is left out of the visible label, and is in the name.
    expect(by('Change')?.accessibleName).toBe('Change name');
    expect(by('Next')?.accessibleName).toBe('Next page');
    expect(by('Email address *')).toMatchObject({ labelFrom: 'label', role: 'textbox' });
    expect(by('Save and continue')?.accessibleName).toBe('Save and continue');
    expect(r.controls.find((c) => c.accessibleName === 'Close')).toBeUndefined(); // no visible text
    const v = judge(r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
  });

  test('aria-label / aria-labelledby that replace the visible words fail; scattered words are cantTell', async ({ page }) => {
    await page.goto(testPage('label-in-name', 'bad.html'));
    const r = (await labelInNameProbe.gather(page, ctx)) as LabelInNameArtifact;
    recordProbe('label-in-name-bad', r);
    const v = judge(r);
    expect(v.outcome).toBe('failed');
    expect(v.findings.map((f) => `${f.ruleId}:${f.outcome}:${f.message.match(/labelled "([^"]+)"/)?.[1]}`)).toEqual([
      'label-in-name:failed:Send', 'label-in-name:failed:Next', 'label-in-name:failed:Email', 'label-in-name:failed:Add to basket', 'label-in-name-order:cantTell:Search site',
    ]);
    expect(v.findings[0].message).toMatch(/named "Submit application" \(from aria-label\)/);
  });
});
