import { test, expect } from '@playwright/test';
import { pageTextProbe, type PageTextArtifact } from './page-text.ts';
import { sensoryInstructionsAudit } from '../../../audits/wcag/sensory-instructions.ts';
import { descriptiveLabelsAudit } from '../../../audits/wcag/descriptive-labels.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const gather = async (page: import('@playwright/test').Page, folder: string, name: string) => {
  await page.goto(testPage(folder, name));
  const r = (await pageTextProbe.gather(page, ctx)) as PageTextArtifact;
  recordProbe(`page-text-${folder}-${name.replace('.html', '')}`, r);
  return r;
};
const judge = (audit: typeof sensoryInstructionsAudit, r: PageTextArtifact) => audit.audit(artifactsWith('page-text', r), auditCtx);
const quoted = (m: string) => m.match(/"([^"]+)"/)?.[1];

test.describe('page-text probe: sensory-instructions (1.3.3)', () => {
  test('GOV.UK-style instructions that name things in words yield nothing', async ({ page }) => {
    const r = await gather(page, 'sensory-instructions', 'good.html');
    expect(r.sentences.map((s) => s.text)).toContain('Select Continue to save your answers.');
    const v = judge(sensoryInstructionsAudit, r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
  });
  test('colour, position, shape and sound instructions are quoted, cantTell', async ({ page }) => {
    const r = await gather(page, 'sensory-instructions', 'bad.html');
    const v = judge(sensoryInstructionsAudit, r);
    expect(v.outcome).toBe('cantTell');
    expect(v.findings.map((f) => quoted(f.message))).toEqual([
      'Click the green button to continue.', 'Your reference number is in the box on the right.', 'Press the round icon to start the camera.',
      'When you hear the beep, look at the camera.', 'Fields marked in red are required.', 'Pulse el botón verde para continuar.',
    ]);
    expect(v.findings.every((f) => f.outcome === 'cantTell' && f.wcag[0] === '1.3.3')).toBe(true);
  });
});

test.describe('page-text probe: descriptive-labels (2.4.6)', () => {
  test('a GOV.UK form with headings and labels that say what they are yields nothing', async ({ page }) => {
    const r = await gather(page, 'descriptive-labels', 'good.html');
    expect(r.labels.map((l) => l.text)).toContain('How long do you want the licence for?');
    const v = judge(descriptiveLabelsAudit, r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
  });
  test('placeholder headings, labels and "click here" are quoted, cantTell', async ({ page }) => {
    const r = await gather(page, 'descriptive-labels', 'bad.html');
    const v = judge(descriptiveLabelsAudit, r);
    expect(v.outcome).toBe('cantTell');
    expect(v.findings.map((f) => `${f.ruleId}:${quoted(f.message)}`)).toEqual([
      'generic-heading:Heading', 'duplicate-heading:Details', 'generic-label:Field 1', 'generic-label:Label', 'generic-label:Label 2', 'generic-control-text:click here', 'generic-control-text:Button',
    ]);
  });
});
