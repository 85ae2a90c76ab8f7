import { test, expect } from '@playwright/test';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../browser/launch.ts';
import type { Artifacts, Audit, AuditResult } from '../../types.ts';
import type { ProbeContext, Probe } from '../../journey/types.ts';
import { recordProbe } from './record.ts';
import { formSemanticsProbe } from './form-semantics.ts';
import { errorIdentifiedAudit } from '../../../audits/wcag/error-identified.ts';
import { errorAnnouncedAudit } from '../../../audits/wcag/error-announced.ts';
import { visibleLabelsAudit } from '../../../audits/wcag/visible-labels.ts';
import { captchaProbe } from './captcha.ts';
import { languageProbe } from './language.ts';
import { gatherKeyboard } from '../keyboard.ts';
import { cameraStepProbe } from './camera-step.ts';
import { biometricAlternativeAudit, judgeCameraStep } from '../../../audits/equity/biometric-alternative.ts';
import { keyboardTrapAudit } from '../../../audits/wcag/keyboard-trap.ts';
import { keyboardOperableAudit } from '../../../audits/wcag/keyboard-operable.ts';
import { focusVisibleAudit } from '../../../audits/wcag/focus-visible.ts';
import { pageLanguageAudit } from '../../../audits/i18n/page-language.ts';
import { captchaAlternativeAudit } from '../../../audits/wcag/captcha-alternative.ts';

/**
 * Heuristics against pages written from real design systems' documented patterns (GOV.UK Frontend,
 * USWDS, Bootstrap, Material, …): each NEGATIVE fixture is a correct page that must yield no failed
 * finding; each POSITIVE fixture is the failure, which must yield the named criterion. The probe
 * gathers on the live page, the pure audits judge what it recorded (as --replay would).
 * PORTICO_RECORD_PROBES=1 saves the artifacts for the audits' vitest tests.
 */

const DIR = resolve(import.meta.dirname, 'test-pages', 'design-systems');
const url = (name: string) => pathToFileURL(join(DIR, `${name}.html`)).href;
const ctx: ProbeContext = { locale: 'en', targetLocales: ['en'], stepId: 'fixture' };

test.describe.configure({ mode: 'serial' });
let browser: Browser;
let page: Page;
test.beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']));
  page = await browser.newPage();
});
test.afterAll(async () => { await browser.close(); });

export async function gatherWith(p: Page, name: string, probes: Probe[], context: ProbeContext = ctx, opts: { goto?: boolean; record?: string } = {}): Promise<Artifacts> {
  if (opts.goto !== false) await p.goto(url(name));
  const gathered: Record<string, unknown> = {};
  for (const probe of probes) gathered[probe.id] = await probe.gather(p, context);
  for (const v of Object.values(gathered)) if (v && typeof v === 'object' && 'url' in v) (v as { url: string }).url = `fixture:design-systems/${name}.html`;
  const artifacts: Artifacts = {
    schema: 'portico.artifacts/1', checkpoint: 'page', url: `fixture:design-systems/${name}.html`, pagePath: `${name}.html`,
    context: { persona: 'fixture', locale: context.locale }, gatheredAt: '2025-01-01T00:00:00.000Z', versions: {}, gathered,
  };
  recordProbe(`ds-${opts.record ?? name}`, artifacts);
  return artifacts;
}
const run = (audit: Audit, a: Artifacts): AuditResult => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
const failed = (r: AuditResult) => r.findings.filter((f) => f.outcome === 'failed');
const criteria = (r: AuditResult) => [...new Set(failed(r).flatMap((f) => f.wcag))].sort();

test.describe('forms: errors, marks and native validation', () => {
  for (const name of ['govuk-error-summary', 'uswds-validation', 'bootstrap-is-invalid', 'material-text-field', 'brand-red-required']) {
    test(`negative: ${name} yields no failed finding`, async () => {
      const a = await gatherWith(page, name, [formSemanticsProbe]);
      for (const audit of [errorIdentifiedAudit, errorAnnouncedAudit, visibleLabelsAudit]) {
        const r = run(audit, a);
        expect(failed(r), `${audit.meta.id} on ${name}: ${failed(r).map((f) => f.message).join(' | ')}`).toEqual([]);
        expect(r.outcome).not.toBe('failed');
      }
    });
  }

  test('positive: a field marked in error only by a red border and bar (3.3.1, 1.4.1; not announced: 4.1.3)', async () => {
    const a = await gatherWith(page, 'colour-only-error', [formSemanticsProbe]);
    const r = run(errorIdentifiedAudit, a);
    expect(criteria(r)).toEqual(['1.4.1', '3.3.1']);
    expect(failed(r)).toHaveLength(1);
    expect(failed(r)[0].message).toMatch(/"Email address" is shown in error only by colour/);
    expect(criteria(run(errorAnnouncedAudit, a))).toEqual(['4.1.3']);
  });

  test('positive: the brand-red form after a submit the browser stopped (native bubbles, 3.3.1) — and nothing before it', async () => {
    const before = await gatherWith(page, 'brand-red-required', [formSemanticsProbe]);
    expect(run(errorIdentifiedAudit, before).outcome).toBe('inapplicable');
    await page.getByRole('button', { name: 'Book' }).click();
    const after = await gatherWith(page, 'brand-red-required', [formSemanticsProbe], ctx, { goto: false, record: 'brand-red-submitted' });
    const r = run(errorIdentifiedAudit, after);
    expect(failed(r).map((f) => f.ruleId)).toEqual(['native-validation-bubbles']);
    expect(criteria(r)).toEqual(['3.3.1']);
    // The red borders and "(required)" hints are the brand's, not error marks: nothing for 1.4.1 / 4.1.3.
    expect(run(errorAnnouncedAudit, after).outcome).toBe('inapplicable');
  });
});

test.describe('captcha: card security codes and one-time codes are not image CAPTCHAs', () => {
  test('negative: card-cvv-otp (a CVV beside a card picture, a one-time code beside an app icon)', async () => {
    const a = await gatherWith(page, 'card-cvv-otp', [captchaProbe]);
    const r = run(captchaAlternativeAudit, a);
    expect(r).toMatchObject({ outcome: 'inapplicable', findings: [] });
  });
  test('positive: image-captcha (characters to type from a picture, no audio, no other way: 1.1.1)', async () => {
    const a = await gatherWith(page, 'image-captcha', [captchaProbe]);
    const r = run(captchaAlternativeAudit, a);
    expect(criteria(r)).toEqual(['1.1.1']);
  });
});

test.describe('language: the declared lang is a candidate; short pages are judged on all their text together', () => {
  const targetCtx = (locale: string): ProbeContext => ({ locale, targetLocales: ['en', 'es', 'ht', 'pt', 'fr', 'ru', 'ar'], stepId: 'fixture' });
  test('negative: lang-de (a German page correctly marked, on a target whose languages do not include German)', async () => {
    const a = await gatherWith(page, 'lang-de', [languageProbe], targetCtx('en'));
    const r = run(pageLanguageAudit, a);
    expect(failed(r)).toEqual([]);
    expect(r.outcome).toBe('passed');
  });
  test('positive: kreyol-short-lang-en (a short Kreyòl page marked lang="en": 3.1.1, from all its text and names together)', async () => {
    const a = await gatherWith(page, 'kreyol-short-lang-en', [languageProbe], targetCtx('ht'));
    const r = run(pageLanguageAudit, a);
    expect(criteria(r)).toEqual(['3.1.1']);
    expect(failed(r)[0].message).toMatch(/Haitian Creole/);
  });
});

test.describe('keyboard walk: iframes, long pages, modals, listeners, rings outside the box', () => {
  const keyboardProbe: Probe = { id: 'keyboard', description: 'the keyboard gatherer', gather: (p) => gatherKeyboard(p) };
  const KB = [keyboardTrapAudit, keyboardOperableAudit, focusVisibleAudit];
  for (const name of ['iframe-embed', 'many-tab-stops', 'listener-buttons', 'modal-dialog', 'focus-ring-outside', 'govuk-error-summary-focused']) {
    test(`negative: ${name} yields no failed finding`, async () => {
      test.setTimeout(120_000);
      const a = await gatherWith(page, name, [keyboardProbe]);
      for (const audit of KB) {
        const r = run(audit, a);
        expect(failed(r), `${audit.meta.id} on ${name}: ${failed(r).map((f) => f.message).join(' | ')}`).toEqual([]);
        expect(r.outcome).not.toBe('failed');
      }
      if (name === 'many-tab-stops') {
        expect(a.gathered.keyboard).toMatchObject({ capped: true });
        expect(run(keyboardOperableAudit, a).outcome).toBe('cantTell');
      }
      if (name === 'listener-buttons') expect((a.gathered.keyboard as { listenersUnread?: boolean }).listenersUnread).toBeUndefined();
    });
  }
  test('positive: listener-div (a div with a click listener added by addEventListener: 2.1.1)', async () => {
    const a = await gatherWith(page, 'listener-div', [keyboardProbe]);
    const r = run(keyboardOperableAudit, a);
    expect(criteria(r)).toEqual(['2.1.1']);
    expect(failed(r).map((f) => f.ruleId)).toEqual(['pointer-only-control', 'pointer-only-control']);
    expect(failed(r)[0].message).toMatch(/"Checkout" responds to a click \(listener:click\)/);
    expect(failed(r)[1].message).toMatch(/"Apply coupon" responds to a click \(framework:onClick\)/);
  });
});

test.describe('camera step: only a step that requires live capture to go on', () => {
  test('negative: photo-upload-optional (an optional profile-photo upload, a video player, a getUserMedia feature check)', async () => {
    const a = await gatherWith(page, 'photo-upload-optional', [cameraStepProbe]);
    const r = run(biometricAlternativeAudit, a);
    expect(r).toMatchObject({ outcome: 'inapplicable', findings: [] });
    expect(judgeCameraStep(a.gathered['camera-step'] as never).notCamera.join(' ')).toMatch(/getUserMedia|upload/);
  });
  test('positive: selfie-live (a live camera stream, a capture button, no way around the photo)', async () => {
    await page.goto(url('selfie-live'));
    await page.waitForFunction(() => (window as unknown as { __streamReady?: unknown }).__streamReady !== undefined);
    const a = await gatherWith(page, 'selfie-live', [cameraStepProbe], ctx, { goto: false });
    const j = judgeCameraStep(a.gathered['camera-step'] as never);
    expect(j.isCameraStep).toBe(true);
    const r = run(biometricAlternativeAudit, a);
    expect(failed(r).map((f) => f.ruleId)).toEqual(['biometric-alternative']);
    expect(failed(r)[0].other).toEqual(['journey blocked: no alternative to biometric capture']);
  });
});
