import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const recorded = (name: string): Artifacts => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as Artifacts;
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
import { biometricAlternativeAudit, BIOMETRIC_REF } from './biometric-alternative.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const cam = (a: Artifacts) => gathered(a, 'camera-step');

describe('biometric-alternative', () => {
  it('fails a selfie step with no way around the photo, citing 508 §403.1 (persuasive), no WCAG', () => {
    const r = run(biometricAlternativeAudit, recorded('sr-camera-noalt'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'biometric-alternative', wcag: [], impact: 'critical' })]);
    expect(r.findings[0].message).toMatch(/no non-visual guidance/);
    const { findings } = runAudits([biometricAlternativeAudit], [recorded('sr-camera-noalt')]);
    expect(findings[0].requirements.wcag).toEqual([]);
    expect(findings[0].requirements.other).toContain(BIOMETRIC_REF);
  });

  it('passes a selfie step with an in-person link', () => {
    const r = run(biometricAlternativeAudit, recorded('sr-camera-alt'));
    expect(r).toMatchObject({ outcome: 'passed', findings: [] });
    expect(r.notes?.join()).toMatch(/I cannot take a photo/);
  });

  it('adds 4.1.2 when a capture control has no name', () => {
    const a = recorded('sr-camera-alt');
    cam(a).controls[0].name = '';
    expect(run(biometricAlternativeAudit, a).findings).toEqual([expect.objectContaining({ ruleId: 'button-name', wcag: ['4.1.2'] })]);
  });

  it('is inapplicable on a page without a camera', () => {
    expect(run(biometricAlternativeAudit, recorded('sr-form-labelled')).outcome).toBe('inapplicable');
  });
});

describe('biometric-alternative: the alternative the capture step names', () => {
  const withNamed = (found: boolean): Artifacts => ({
    schema: 'portico.artifacts/1', checkpoint: 'selfie', url: 'http://x/selfie', pagePath: '/selfie', context: {}, gatheredAt: '', versions: {},
    gathered: {
      'camera-step': { url: 'http://x/selfie', videos: [], fileInputs: [], controls: [], scriptMentionsGetUserMedia: false, guidance: [], links: [] },
      journey: { stepId: 'selfie', stepTitle: 'Selfie', personaTitle: 'P', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], actions: [], records: { captureGrid: { kind: 'capture-grid', alternative: { role: 'link', name: 'I cannot take a photo', found } } } },
    },
  } as unknown as Artifacts);
  it('fails when the capture runner did not find the named alternative on the capture page', () => {
    const r = run(biometricAlternativeAudit, withNamed(false));
    expect(r.outcome).toBe('failed');
    expect(r.findings[0]).toMatchObject({ ruleId: 'biometric-alternative', other: ['journey blocked: no alternative to biometric capture'] });
    expect(r.findings[0].message).toMatch(/link "I cannot take a photo"/);
  });
  it('stays inapplicable when the named alternative was found and the page is not a camera step', () => {
    expect(run(biometricAlternativeAudit, withNamed(true)).outcome).toBe('inapplicable');
  });
});
