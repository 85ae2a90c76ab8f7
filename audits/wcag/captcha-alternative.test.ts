import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const recorded = (name: string): Artifacts => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as Artifacts;
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
import { captchaAlternativeAudit } from './captcha-alternative.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const cap = (a: Artifacts) => gathered(a, 'captcha');

describe('captcha-alternative', () => {
  it('fails an image CAPTCHA with no alt and no alternative (1.1.1, critical)', () => {
    const r = run(captchaAlternativeAudit, recorded('sr-captcha-image'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'captcha-alternative', wcag: ['1.1.1'], impact: 'critical' })]);
    expect(r.findings[0].message).toMatch(/no text alternative at all and no audio version/);
  });

  it('passes an image CAPTCHA with alt text and an audio version', () => {
    expect(run(captchaAlternativeAudit, recorded('sr-captcha-audio'))).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('fails an alternative offered next to an image with no text alternative', () => {
    const a = recorded('sr-captcha-audio');
    cap(a).captchas[0].alt = null; cap(a).captchas[0].name = '';
    const r = run(captchaAlternativeAudit, a);
    expect(r.findings[0]).toMatchObject({ impact: 'serious', wcag: ['1.1.1'] });
  });

  it('fails an audio version offered only inside aria-hidden (a screen reader never reaches it)', () => {
    const a = recorded('sr-captcha-audio');
    for (const alt of cap(a).captchas[0].alternatives) alt.ariaHidden = true;
    const r = run(captchaAlternativeAudit, a);
    expect(r.outcome).toBe('failed');
    expect(r.findings[0]).toMatchObject({ impact: 'critical', wcag: ['1.1.1'] });
    expect(r.findings[0].message).toMatch(/only inside aria-hidden="true"/);
  });

  it('passes when one of its alternatives is exposed, even if another is aria-hidden', () => {
    const a = recorded('sr-captcha-audio');
    const alts = cap(a).captchas[0].alternatives;
    alts.push({ ...alts[0], kind: 'other-way-link', text: 'Call us instead', ariaHidden: true });
    expect(run(captchaAlternativeAudit, a)).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('is cantTell for a third-party widget it cannot look inside', () => {
    const a = recorded('sr-captcha-image');
    Object.assign(cap(a).captchas[0], { kind: 'widget', widget: 'reCAPTCHA' });
    expect(run(captchaAlternativeAudit, a)).toMatchObject({ outcome: 'cantTell', findings: [] });
  });

  it('is inapplicable without a CAPTCHA', () => {
    expect(run(captchaAlternativeAudit, recorded('sr-form-labelled')).outcome).toBe('inapplicable');
  });
});
