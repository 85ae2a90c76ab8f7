import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { accessibleAuthenticationAudit } from './accessible-authentication.ts';
import type { AuthenticationArtifact, SecretField } from '../../harness/gatherers/probes/authentication.ts';
import type { CaptchaArtifact } from '../../harness/gatherers/probes/captcha.ts';
import { auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { authenticationSchema } from '../../harness/artifacts/barrier-schemas.ts';
import type { Artifacts } from '../../harness/types.ts';

type Recorded = { authentication: AuthenticationArtifact; captcha: CaptchaArtifact };
const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/authentication-${name}.json`, import.meta.url), 'utf8')) as Recorded;
const run = (r: Recorded) => accessibleAuthenticationAudit.audit({ schema: 'portico.artifacts/1', checkpoint: 'page', url: '', pagePath: '/', context: {}, gatheredAt: '', versions: {}, gathered: { ...r } } as Artifacts, auditCtx);
const field = (over: Partial<SecretField>): SecretField => ({ domPath: 'f', kind: 'password', autocomplete: 'current-password', label: 'Password', boxes: 1, pasteBlocked: false, shortcutBlocked: false, pasteHandled: false, snippet: '', ...over });
const only = (fields: SecretField[], captchas: CaptchaArtifact['captchas'] = [], authSignals = ['password field']): Recorded => ({
  authentication: { schema: 'portico.probe.authentication/1', authSignals, fields }, captcha: { url: '', captchas, textChallenges: [] },
});

describe('accessible-authentication (3.3.8, recorded from the probes)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(authenticationSchema.safeParse(recorded(n).authentication).success).toBe(true);
  });
  it('paste allowed, one-time-code, boxes that spread a paste: passed', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('paste cancelled on a password and on code boxes, a transcription CAPTCHA at sign-in: failed', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['auth-paste-blocked', 'auth-paste-blocked', 'auth-transcription-captcha']);
  });
  it('autocomplete="off" on a password, or only Ctrl+V cancelled, is cantTell at most', () => {
    expect(run(only([field({ autocomplete: 'off' })]))).toMatchObject({ outcome: 'cantTell', findings: [{ ruleId: 'auth-autocomplete-off', outcome: 'cantTell' }] });
    expect(run(only([field({ shortcutBlocked: true })]))).toMatchObject({ outcome: 'cantTell', findings: [{ ruleId: 'auth-paste-shortcut-blocked', outcome: 'cantTell' }] });
  });
  it('a transcription CAPTCHA off a sign-in step, or a third-party widget, is cantTell; another way offered passes', () => {
    const cap = recorded('bad').captcha.captchas[0];
    expect(run(only([], [cap], [])).findings[0]).toMatchObject({ ruleId: 'auth-captcha-unclear', outcome: 'cantTell' });
    expect(run(only([], [{ ...cap, kind: 'widget', widget: 'reCAPTCHA', input: null }])).outcome).toBe('cantTell');
    expect(run(only([], [{ ...cap, alternatives: [{ kind: 'other-way-link', text: 'Get a link by email instead', domPath: 'a', href: '#' }] }])).outcome).toBe('passed');
    // An audio version is transcription too: still failed at sign-in.
    expect(run(only([], [{ ...cap, alternatives: [{ kind: 'audio-link', text: 'Listen', domPath: 'a', href: '#' }] }])).outcome).toBe('failed');
  });
  it('no secret field and no CAPTCHA: inapplicable', () => {
    expect(run(only([], [], [])).outcome).toBe('inapplicable');
  });
});
