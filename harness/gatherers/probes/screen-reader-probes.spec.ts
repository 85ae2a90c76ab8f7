import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../browser/launch.ts';
import type { Artifacts, Audit } from '../../types.ts';
import type { ProbeContext } from '../../journey/types.ts';
import { transcriptProbe, type TranscriptArtifact } from './transcript.ts';
import { formSemanticsProbe, type FormSemanticsArtifact } from './form-semantics.ts';
import { captchaProbe, type CaptchaArtifact } from './captcha.ts';
import { cameraStepProbe, type CameraStepArtifact } from './camera-step.ts';
import { visibleLabelsAudit } from '../../../audits/wcag/visible-labels.ts';
import { errorIdentifiedAudit } from '../../../audits/wcag/error-identified.ts';
import { errorAnnouncedAudit } from '../../../audits/wcag/error-announced.ts';
import { captchaAlternativeAudit } from '../../../audits/wcag/captcha-alternative.ts';
import { headingsLandmarksAudit } from '../../../audits/wcag/headings-landmarks.ts';
import { biometricAlternativeAudit, judgeCameraStep } from '../../../audits/equity/biometric-alternative.ts';
import { isRed, judgeForm, titleMentionsError } from '../../../audits/wcag/form-errors.ts';

/**
 * The screen-reader persona's probes on fixture pages modelled on the reference app's markup, each
 * with its conformant twin. Every test also runs the audits that read the probe on what it gathered.
 * PORTICO_RECORD=1 writes the artifacts to audits/recorded/probes/ (the vitest tests replay them).
 */

const FIXTURES = resolve(import.meta.dirname, 'test-pages');
const RECORD_DIR = resolve(import.meta.dirname, '..', '..', '..', 'audits', 'recorded', 'probes');
const url = (name: string) => pathToFileURL(join(FIXTURES, `${name}.html`)).href;
const ctx: ProbeContext = { locale: 'en', targetLocales: ['en'], stepId: 'fixture' };
const PROBES = [transcriptProbe, formSemanticsProbe, captchaProbe, cameraStepProbe];

test.describe.configure({ mode: 'serial' });
let browser: Browser;
let page: Page;
test.beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await browser.newPage();
});
test.afterAll(async () => { await browser.close(); });

async function gather(name: string, opts: { goto?: boolean } = {}): Promise<Artifacts> {
  if (opts.goto !== false) await page.goto(url(name));
  const gathered: Record<string, unknown> = {};
  for (const p of PROBES) gathered[p.id] = await p.gather(page, ctx);
  const artifacts: Artifacts = {
    schema: 'portico.artifacts/1',
    checkpoint: 'page',
    url: `fixture:${name}.html`,
    pagePath: `${name}.html`,
    context: { persona: 'screen-reader' },
    gatheredAt: '2025-01-01T00:00:00.000Z',
    versions: { chromium: browser.version() },
    gathered,
  };
  // Recorded artifacts must not depend on where the repository is checked out.
  for (const v of Object.values(gathered)) if (v && typeof v === 'object' && 'url' in v) (v as { url: string }).url = artifacts.url;
  if (process.env.PORTICO_RECORD) {
    mkdirSync(RECORD_DIR, { recursive: true });
    writeFileSync(join(RECORD_DIR, `${name}.json`), JSON.stringify(artifacts, null, 1) + '\n');
  }
  return artifacts;
}
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
const fsOf = (a: Artifacts) => a.gathered['form-semantics'] as FormSemanticsArtifact;

test('transcript: title, lang, headings outline, landmarks, focus and live regions from the accessibility tree', async () => {
  const a = await gather('sr-errors-announced');
  const t = a.gathered.transcript as TranscriptArtifact;
  expect(t.source).toBe('cdp');
  expect(t.title).toBe('Error: Create an account — Portico Reference');
  expect(t.lang).toBe('en');
  expect(t.ariaSnapshot).toContain('heading "Create an account" [level=1]');
  expect(t.headings.map((h) => [h.level, h.text, h.inMain])).toEqual([[2, 'There is a problem', true], [1, 'Create an account', true]]);
  expect(t.landmarks.map((l) => l.role)).toEqual(['banner', 'main', 'contentinfo']);
  expect(t.focused).toMatchObject({ role: 'alert', name: 'There is a problem', tag: 'div', inMain: true });
  expect(t.liveRegions).toEqual([expect.objectContaining({ role: 'alert', live: 'assertive', text: expect.stringContaining('Enter a valid email address') })]);
  expect(run(headingsLandmarksAudit, a).outcome).toBe('passed');
});

test('transcript: a page with no main, no h1 and an empty heading', async () => {
  const a = await gather('sr-no-main');
  const t = a.gathered.transcript as TranscriptArtifact;
  expect(t.landmarks).toEqual([]);
  expect(t.headings).toEqual([expect.objectContaining({ level: 2, text: '' })]);
  expect(t.focused).toBeNull();
  const r = run(headingsLandmarksAudit, a);
  expect(r.outcome).toBe('failed');
  expect(r.findings.map((f) => [f.ruleId, f.category ?? 'barrier'])).toEqual([
    ['empty-heading', 'barrier'], ['landmark-one-main', 'best-practice'], ['page-has-heading-one', 'best-practice'],
  ]);
});

test('form-semantics: a properly labelled form', async () => {
  const a = await gather('sr-form-labelled');
  const f = fsOf(a);
  expect(f.axSource).toBe('cdp');
  expect(f.hiddenControls).toBe(1); // the honeypot
  const byId = Object.fromEntries(f.controls.map((c) => [c.id, c]));
  expect(byId.given).toMatchObject({ role: 'textbox', name: 'Given names', nameSource: 'label', visibleLabel: true });
  expect(byId.family.describedBy).toEqual([{ id: 'family-hint', text: 'Leave empty if you have one name', found: true }]);
  expect(byId.nationality).toMatchObject({ role: 'combobox', name: 'Nationality', nameSource: 'label' });
  expect(byId.dob_day).toMatchObject({ name: 'Day', group: 'Date of birth' });
  expect(byId.search).toMatchObject({ nameSource: 'aria-label', labelHidden: true, visibleLabelHow: 'adjacent-text' });
  expect(judgeForm(f).errorsShown).toBe(false);
  expect(run(visibleLabelsAudit, a)).toMatchObject({ outcome: 'passed', findings: [] });
  expect(run(errorIdentifiedAudit, a).outcome).toBe('inapplicable');
  expect(run(errorAnnouncedAudit, a).outcome).toBe('inapplicable');
});

test('form-semantics: placeholder-only fields and a select whose first option is its label', async () => {
  const a = await gather('sr-form-placeholder');
  const byId = Object.fromEntries(fsOf(a).controls.map((c) => [c.id, c]));
  expect(byId.given).toMatchObject({ nameSource: 'placeholder', axName: 'Given names', visibleLabel: false });
  expect(byId.nationality).toMatchObject({ nameSource: 'none', axName: '', firstOptionText: 'Nationality' });
  expect(byId.phone).toMatchObject({ nameSource: 'label', labelHidden: true, placeholder: 'Phone' });
  const r = run(visibleLabelsAudit, a);
  expect(r.outcome).toBe('failed');
  expect(r.findings.map((x) => [x.ruleId, x.wcag.join(' ')])).toEqual([
    ['placeholder-only-label', '1.3.1 3.3.2'], ['placeholder-only-label', '1.3.1 3.3.2'], ['select-name', '1.3.1 3.3.2 4.1.2'],
    ['placeholder-only-label', '1.3.1 3.3.2'], ['placeholder-only-label', '1.3.1 3.3.2'], ['visible-label', '3.3.2'],
  ]);
});

test('form-semantics: errors in a focused role=alert summary, aria-invalid and aria-describedby', async () => {
  const a = await gather('sr-errors-announced');
  const f = fsOf(a);
  expect(f.summary).toMatchObject({ role: 'alert', live: 'assertive', focused: true });
  expect(f.summary!.links.map((l) => l.target?.endsWith('input:nth-of-type(1)'))).toEqual([true, true]);
  expect(f.errors.map((e) => [e.text, e.tied, isRed(e.color), e.nonColourCues.includes('prefix:error')])).toEqual([
    ['Error: Enter a valid email address', true, true, true], ['Error: Enter your given names', true, true, true],
  ]);
  const email = f.controls.find((c) => c.id === 'email')!;
  expect(email).toMatchObject({ ariaInvalid: 'true', errorTexts: ['Error: Enter a valid email address'] });
  expect(titleMentionsError(f)).toBe(true);
  expect(judgeForm(f).errorTied(email)).toBe(true);
  expect(judgeForm(f).focusInSummary).toBe(true);
  expect(run(errorIdentifiedAudit, a)).toMatchObject({ outcome: 'passed', findings: [] });
  expect(run(errorAnnouncedAudit, a).outcome).toBe('passed');
});

test('form-semantics: errors shown only in red (no text, no summary, no aria-invalid)', async () => {
  const a = await gather('sr-errors-color-only');
  const f = fsOf(a);
  expect(f.errors).toEqual([]);
  expect(f.summary).toBeNull();
  const j = judgeForm(f);
  expect(j.errorsShown).toBe(true);
  expect(f.controls.filter((c) => j.marks.has(c.domPath)).map((c) => c.id)).toEqual(['email', 'given']);
  const identified = run(errorIdentifiedAudit, a);
  expect(identified.outcome).toBe('failed');
  expect(identified.findings.map((x) => x.wcag)).toEqual([['3.3.1', '1.4.1'], ['3.3.1', '1.4.1']]);
  const announced = run(errorAnnouncedAudit, a);
  expect(announced.outcome).toBe('failed');
  expect(announced.findings[0].wcag).toEqual(['4.1.3']);
});

test('form-semantics: error text on screen but not tied to the field and not announced', async () => {
  const a = await gather('sr-errors-silent');
  const f = fsOf(a);
  expect(f.errors).toEqual([expect.objectContaining({ text: 'Error: Enter a valid email address', tied: false })]);
  expect(f.controls[0]).toMatchObject({ errorTexts: ['Error: Enter a valid email address'] });
  expect(judgeForm(f).errorTied(f.controls[0])).toBe(false);
  expect(run(errorIdentifiedAudit, a).findings.map((x) => x.impact)).toEqual(['serious']);
  expect(run(errorAnnouncedAudit, a).outcome).toBe('failed');
});

test('form-semantics: errors tied by the name only, by a described-by copy, and a red error with an icon beside a brand-red hint', async () => {
  const a = await gather('sr-errors-ties');
  const f = fsOf(a);
  const j = judgeForm(f);
  const byId = (id: string) => f.controls.find((c) => c.id === id)!;
  expect(j.errors.filter((e) => e.tied)).toEqual([]);
  expect(j.hints.map((h) => h.text)).toEqual(['(required)', '(required)', '(required)']);
  expect(['email', 'given', 'phone'].map((id) => [j.errorTexts(byId(id)), j.errorTied(byId(id))])).toEqual([
    [['Error: Enter a valid email address'], true], [['Enter your given names'], true], [['Error: Enter a phone number'], true],
  ]);
  expect(run(errorIdentifiedAudit, a)).toMatchObject({ outcome: 'passed', findings: [] });
});

test('form-semantics: native required/pattern validation blocks the submit with a browser bubble', async () => {
  await page.goto(url('sr-native-validation'));
  const before = page.url();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before); // the browser stopped the submit: the server never saw it
  expect(await page.locator('#email').evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe('');
  const a = await gather('sr-native-validation', { goto: false });
  const [form] = fsOf(a).forms;
  expect(form).toMatchObject({ noValidate: false, constrainedControls: 2, invalidNow: 2, userInvalid: 2 });
  expect(form.validationMessages.length).toBeGreaterThan(0);
  expect(fsOf(a).controls[0].constraints).toEqual(['required', 'type=email']);
  const r = run(errorIdentifiedAudit, a);
  expect(r.outcome).toBe('failed');
  expect(r.findings[0]).toMatchObject({ ruleId: 'native-validation-bubbles', wcag: ['3.3.1'], other: [expect.stringMatching(/native validation bubble/)] });
});

test('captcha: an image CAPTCHA with no alternative, and one with alt text and an audio version', async () => {
  const bad = await gather('sr-captcha-image');
  const c = (bad.gathered.captcha as CaptchaArtifact).captchas;
  expect(c).toEqual([expect.objectContaining({ kind: 'image', alt: null, alternatives: [], input: expect.objectContaining({ name: 'captcha', label: 'Type the characters in the image' }) })]);
  expect(run(captchaAlternativeAudit, bad)).toMatchObject({ outcome: 'failed', findings: [expect.objectContaining({ wcag: ['1.1.1'], impact: 'critical' })] });

  const good = await gather('sr-captcha-audio');
  const g = (good.gathered.captcha as CaptchaArtifact).captchas;
  expect(g).toEqual([expect.objectContaining({ kind: 'image', alternatives: [expect.objectContaining({ kind: 'audio-link', text: 'Listen to an audio version' })] })]);
  expect(run(captchaAlternativeAudit, good)).toMatchObject({ outcome: 'passed', findings: [] });

  // The same audio link inside aria-hidden: drawn for sighted people, never announced.
  const hidden = await gather('sr-captcha-audio-hidden');
  expect((hidden.gathered.captcha as CaptchaArtifact).captchas[0].alternatives).toEqual([expect.objectContaining({ kind: 'audio-link', ariaHidden: true })]);
  expect(run(captchaAlternativeAudit, hidden)).toMatchObject({ outcome: 'failed', findings: [expect.objectContaining({ wcag: ['1.1.1'], impact: 'critical' })] });

  const none = await gather('sr-form-labelled');
  expect(run(captchaAlternativeAudit, none).outcome).toBe('inapplicable');
});

test('camera-step: a selfie page with a status region and an in-person link, and one with neither', async () => {
  const good = await gather('sr-camera-alt');
  const cam = good.gathered['camera-step'] as CameraStepArtifact;
  expect(cam).toMatchObject({ videos: [expect.objectContaining({ name: 'Camera preview' })] });
  expect(judgeCameraStep(cam).isCameraStep).toBe(true);
  expect(cam.guidance).toEqual([expect.objectContaining({ role: 'status', text: 'Move closer: your face is too small' })]);
  expect(judgeCameraStep(cam).alternatives).toEqual([expect.objectContaining({ role: 'link', href: '/selfie/alternative' })]);
  expect(run(biometricAlternativeAudit, good).outcome).toBe('passed');

  const bad = await gather('sr-camera-noalt');
  const b = bad.gathered['camera-step'] as CameraStepArtifact;
  expect(b).toMatchObject({ guidance: [] });
  expect(judgeCameraStep(b)).toMatchObject({ isCameraStep: true, alternatives: [] });
  const r = run(biometricAlternativeAudit, bad);
  expect(r.outcome).toBe('failed');
  expect(r.findings[0]).toMatchObject({ ruleId: 'biometric-alternative', wcag: [] });
  expect(r.findings[0].message).toMatch(/no non-visual guidance/);

  const none = await gather('sr-form-labelled');
  expect(run(biometricAlternativeAudit, none).outcome).toBe('inapplicable');
});
