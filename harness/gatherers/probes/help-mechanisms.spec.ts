import { test, expect } from '@playwright/test';
import { helpMechanismsProbe, type HelpMechanismsArtifact } from './help-mechanisms.ts';
import { consistentHelpAudit } from '../../../audits/wcag/consistent-help.ts';
import { recordProbe } from './record.ts';
import { testPage } from './test-pages/url.ts';
import type { Artifacts } from '../../types.ts';
import type { Page } from 'playwright';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
/** Walks the pages in order as one journey's checkpoints (the probe's artifact at each). */
async function journey(page: Page, names: string[]): Promise<Artifacts[]> {
  const out: Artifacts[] = [];
  for (const n of names) {
    await page.goto(testPage('consistent-help', `${n}.html`));
    const r = (await helpMechanismsProbe.gather(page, ctx)) as HelpMechanismsArtifact;
    recordProbe(`help-mechanisms-${n}`, r);
    out.push({ schema: 'portico.artifacts/1', checkpoint: n, url: `file:///fixtures/${n}.html`, pagePath: `/${n}.html`, context: { persona: 'p', flow: 'f' }, gatheredAt: '', versions: {}, gathered: { 'help-mechanisms': r } });
  }
  return out;
}

test.describe('help-mechanisms probe and consistent-help audit (3.2.6)', () => {
  test('a GOV.UK footer "Contact us" in the same place on three pages: passed, nothing filed', async ({ page }) => {
    const cps = await journey(page, ['govuk-1', 'govuk-2', 'govuk-3']);
    const items = (cps[2].gathered['help-mechanisms'] as HelpMechanismsArtifact).items;
    expect(items.filter((i) => i.region === 'footer').map((i) => i.kind)).toEqual(['link', 'link', 'text', 'link', 'link']);
    const v = consistentHelpAudit.auditJourney!(cps);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
    expect(v.notes?.join(' ')).toMatch(/"Contact us": same place on 3 pages/);
  });

  test('help on one page only (Haitian Creole "Jwenn èd"): inapplicable', async ({ page }) => {
    const v = consistentHelpAudit.auditJourney!(await journey(page, ['single-1', 'single-2']));
    expect(v).toMatchObject({ outcome: 'inapplicable', findings: [] });
    expect(v.notes?.join(' ')).toMatch(/one page only/);
  });

  test('"Ayuda" moving from the header to the footer fails at the second page, naming both pages and the order', async ({ page }) => {
    const v = consistentHelpAudit.auditJourney!(await journey(page, ['moved-1', 'moved-2']));
    expect(v.outcome).toBe('failed');
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'help-moved', checkpoint: 'moved-2' });
    expect(v.findings[0].message).toMatch(/on \/moved-1\.html \(moved-1\) it comes after \["GOV.UK", "Apply for a grant"\].*\(header\); on \/moved-2\.html \(moved-2\) after .*"Accessibility statement"\].*\(footer\)/);
  });
});
