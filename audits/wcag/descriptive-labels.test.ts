import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { descriptiveLabelsAudit, genericKind } from './descriptive-labels.ts';
import type { PageTextArtifact } from '../../harness/gatherers/probes/page-text.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { pageTextSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/page-text-descriptive-labels-${name}.json`, import.meta.url), 'utf8')) as PageTextArtifact;
const run = (r: PageTextArtifact) => descriptiveLabelsAudit.audit(artifactsWith('page-text', r), auditCtx);

describe('descriptive-labels (2.4.6, recorded from the page-text probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(pageTextSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('headings and labels that say what they are pass', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('placeholders are cantTell with the text quoted', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('cantTell');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['generic-heading', 'duplicate-heading', 'generic-label', 'generic-label', 'generic-label', 'generic-control-text', 'generic-control-text']);
    expect(r.findings.every((f) => f.outcome === 'cantTell')).toBe(true);
  });
  it('knows placeholders from real words, in several languages', () => {
    expect(genericKind('heading', 'Section 2')).toBe(true);
    expect(genericKind('heading', 'Título')).toBe(true);
    expect(genericKind('heading', 'Your details')).toBe(false);
    expect(genericKind('label', 'Campo 3')).toBe(true);
    expect(genericKind('label', 'Title')).toBe(false); // Mr / Ms / Dr: a real question
    expect(genericKind('label', 'Text message number')).toBe(false);
    expect(genericKind('control', 'Cliquez ici')).toBe(true);
    expect(genericKind('control', 'Read more about fishing rules')).toBe(false);
    expect(genericKind('heading', '')).toBe(false);
  });
});
