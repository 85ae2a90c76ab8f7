import { describe, expect, it } from 'vitest';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { recordedProbe } from '../recorded/probes/load.ts';
import { keyboardTrapAudit } from './keyboard-trap.ts';
import { keyboardOperableAudit } from './keyboard-operable.ts';
import { focusVisibleAudit } from './focus-visible.ts';
import { captchaAlternativeAudit } from './captcha-alternative.ts';
import { biometricAlternativeAudit, judgeCameraStep } from '../equity/biometric-alternative.ts';
import { pageLanguageAudit } from '../i18n/page-language.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/** The design-system pages as recorded by harness/gatherers/probes/design-systems.spec.ts, re-judged with no browser (--replay). */
const ds = (name: string) => recordedProbe<Artifacts>(`ds-${name}`);
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
const failedOf = (audit: Audit, a: Artifacts) => run(audit, a).findings.filter((f) => f.outcome === 'failed');
const kb = (a: Artifacts) => gathered(a, 'keyboard');

describe('keyboard audits on recorded walks', () => {
  for (const name of ['iframe-embed', 'many-tab-stops', 'listener-buttons', 'modal-dialog', 'focus-ring-outside']) {
    it(`${name}: nothing fails`, () => {
      for (const audit of [keyboardTrapAudit, keyboardOperableAudit, focusVisibleAudit]) expect(failedOf(audit, ds(name))).toEqual([]);
    });
  }
  it('600 tab stops: the cap makes the rest cantTell, never unreachable; without the cap flag the same walk would fail', () => {
    const a = ds('many-tab-stops');
    expect(kb(a).capped).toBe(true);
    expect(run(keyboardOperableAudit, a).outcome).toBe('cantTell');
    delete kb(a).capped;
    expect(failedOf(keyboardOperableAudit, a).length).toBeGreaterThan(100);
  });
  it('modal dialog: the cycle inside aria-modal is the dialog pattern; the buttons behind it are not unreachable', () => {
    const a = ds('modal-dialog');
    expect(kb(a).unreached.every((u) => u.behindModal)).toBe(true);
    expect(kb(a).trap).toMatchObject({ insideModal: true });
    delete kb(a).trap!.insideModal;
    expect(failedOf(keyboardTrapAudit, a).map((f) => f.wcag)).toEqual([['2.1.2']]);
  });
  it('listener buttons: the delegated container listener is recorded, and not judged pointer-only', () => {
    const a = ds('listener-buttons');
    expect(kb(a).pointerOnly).toEqual([expect.objectContaining({ via: ['listener:click'], containsFocusable: true })]);
    kb(a).pointerOnly[0].containsFocusable = false;
    expect(failedOf(keyboardOperableAudit, a).map((f) => f.ruleId)).toEqual(['pointer-only-control']);
  });
  it('a div with an addEventListener click, and one with a React onClick, are pointer-only (2.1.1)', () => {
    expect(failedOf(keyboardOperableAudit, ds('listener-div')).map((f) => f.wcag)).toEqual([['2.1.1'], ['2.1.1']]);
  });
});

describe('captcha, camera and language audits on recorded pages', () => {
  it('a card security code and a one-time code are not image CAPTCHAs; characters in a picture are (1.1.1)', () => {
    expect(run(captchaAlternativeAudit, ds('card-cvv-otp')).outcome).toBe('inapplicable');
    expect(failedOf(captchaAlternativeAudit, ds('image-captcha')).map((f) => f.wcag)).toEqual([['1.1.1']]);
  });
  it('an optional photo upload is not a camera step; a live stream with no way around is', () => {
    const up = gathered(ds('photo-upload-optional'), 'camera-step');
    expect(judgeCameraStep(up).isCameraStep).toBe(false);
    expect(run(biometricAlternativeAudit, ds('selfie-live')).outcome).toBe('failed');
    expect(judgeCameraStep(gathered(ds('selfie-live'), 'camera-step')).signals).toContain('live MediaStream attached');
  });
  it('lang="de" passes on a target without German; a short Kreyòl page marked lang="en" fails 3.1.1', () => {
    expect(run(pageLanguageAudit, ds('lang-de')).outcome).toBe('passed');
    expect(failedOf(pageLanguageAudit, ds('kreyol-short-lang-en')).map((f) => f.wcag)).toEqual([['3.1.1']]);
  });
});
