import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { labelInNameAudit, nameContainsLabel, normaliseLabel } from './label-in-name.ts';
import type { LabelInNameArtifact } from '../../harness/gatherers/probes/label-in-name.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { labelInNameSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/label-in-name-${name}.json`, import.meta.url), 'utf8')) as LabelInNameArtifact;
const run = (r: LabelInNameArtifact) => labelInNameAudit.audit(artifactsWith('label-in-name', r), auditCtx);

describe('label-in-name (2.5.3, recorded from the probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(labelInNameSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('names that contain their visible labels pass', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('names that replace the visible words fail, one finding per control', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.filter((f) => f.outcome === 'failed')).toHaveLength(4);
    expect(r.findings.filter((f) => f.outcome === 'cantTell').map((f) => f.ruleId)).toEqual(['label-in-name-order']);
  });
  it('cannot tell without CDP; inapplicable without labelled controls', () => {
    expect(run({ ...recorded('good'), source: 'none', controls: [] }).outcome).toBe('cantTell');
    expect(run({ ...recorded('good'), controls: [] }).outcome).toBe('inapplicable');
  });
  it('compares as a person says it: case, punctuation and symbols aside, whole words only', () => {
    expect(normaliseLabel('Email address *')).toBe('email address');
    expect(nameContainsLabel('Email address (required)', 'Email address *')).toBe(true);
    expect(nameContainsLabel('Next page', 'Next →')).toBe(true);
    expect(nameContainsLabel('Nextdoor', 'Next')).toBe(false);
    expect(nameContainsLabel('Continue to step 3', 'Next')).toBe(false);
    expect(nameContainsLabel('Enviar solicitud', 'Enviar')).toBe(true);
  });
});
