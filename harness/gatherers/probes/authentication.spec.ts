import { test, expect } from '@playwright/test';
import { authenticationProbe, type AuthenticationArtifact } from './authentication.ts';
import { captchaProbe } from './captcha.ts';
import type { CaptchaArtifact } from './captcha.ts';
import { accessibleAuthenticationAudit } from '../../../audits/wcag/accessible-authentication.ts';
import { recordProbe } from './record.ts';
import { auditCtx, testPage } from './test-pages/url.ts';
import type { Artifacts } from '../../types.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const judge = (authentication: AuthenticationArtifact, captcha: CaptchaArtifact) => accessibleAuthenticationAudit.audit({
  schema: 'portico.artifacts/1', checkpoint: 'page', url: 'file:///fixtures/page.html', pagePath: '/page.html', context: {}, gatheredAt: '', versions: {}, gathered: { authentication, captcha },
} as Artifacts, auditCtx);

test.describe('authentication probe and accessible-authentication audit (3.3.8)', () => {
  test('GOV.UK sign-in (current-password), a one-time-code field and code boxes that spread a paste: nothing', async ({ page }) => {
    await page.goto(testPage('authentication', 'good.html'));
    const r = (await authenticationProbe.gather(page, ctx)) as AuthenticationArtifact;
    const c = (await captchaProbe.gather(page, ctx)) as CaptchaArtifact;
    recordProbe('authentication-good', { authentication: r, captcha: c });
    expect(r.fields.map((f) => f.kind)).toEqual(['code-boxes', 'password', 'one-time-code']);
    expect(r.fields[0]).toMatchObject({ boxes: 6, pasteBlocked: false, pasteHandled: true });
    // The spread digits were put back: the probe leaves the page as it found it.
    expect(await page.locator('#app-code input').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value).join(''))).toBe('');
    const v = judge(r, c);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
  });

  test('a password whose paste a form listener cancels, code boxes with onpaste="return false" and a transcription CAPTCHA fail', async ({ page }) => {
    await page.goto(testPage('authentication', 'bad.html'));
    const r = (await authenticationProbe.gather(page, ctx)) as AuthenticationArtifact;
    const c = (await captchaProbe.gather(page, ctx)) as CaptchaArtifact;
    recordProbe('authentication-bad', { authentication: r, captcha: c });
    const v = judge(r, c);
    expect(v.outcome).toBe('failed');
    expect(v.findings.map((f) => [f.ruleId, f.outcome])).toEqual([
      ['auth-paste-blocked', 'failed'], ['auth-paste-blocked', 'failed'], ['auth-transcription-captcha', 'failed'],
    ]);
    expect(v.findings[1].message).toMatch(/Password.*cancels paste/);
    expect(v.findings[2].message).toMatch(/Type the characters in the image/);
  });
});
