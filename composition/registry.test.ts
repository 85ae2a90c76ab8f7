import { describe, expect, it } from 'vitest';
import { AUDITS, PERSONAS, PROBES, auditsFor, auditsForArtifacts, planFor } from './registry.ts';
import { ALWAYS_GATHERED, gatherPlan } from '../harness/gatherers/plan.ts';
import { ENGINE_NAMES } from '../harness/gatherers/engine-names.ts';
import { BUILT_IN_TARGETS } from '../targets/index.ts';
import type { Artifacts, Audit } from '../harness/types.ts';

const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe('the registries', () => {
  it('ids are unique: audits, personas, probes, targets', () => {
    expect(dupes(AUDITS.map((a) => a.meta.id))).toEqual([]);
    expect(dupes(PERSONAS.map((p) => p.id))).toEqual([]);
    expect(dupes(PROBES.map((p) => p.id))).toEqual([]);
    expect(dupes(Object.values(BUILT_IN_TARGETS).map((t) => t.id))).toEqual([]);
  });

  it('every artifact an audit reads has a gatherer that writes it', () => {
    const writers = new Set<string>([...ALWAYS_GATHERED, ...ENGINE_NAMES, ...PROBES.map((p) => p.id)]);
    const unwritten = AUDITS.flatMap((a) => a.meta.requiredArtifacts.filter((k) => !writers.has(k)).map((k) => `${a.meta.id} reads ${k}`));
    expect(unwritten).toEqual([]);
  });

  it('every audit a persona names exists, and every persona has a plan', () => {
    const ids = new Set(AUDITS.map((a) => a.meta.id));
    const missing = PERSONAS.flatMap((p) => p.audits.filter((id) => !ids.has(id)).map((id) => `${p.id} names ${id}`));
    expect(missing).toEqual([]);
    for (const p of PERSONAS) expect(() => planFor(p)).not.toThrow();
  });

  it('the gatherers follow from the audits: the screen-reader persona runs axe, HTML_CodeSniffer and exactly the probes its audits read', () => {
    const plan = planFor(PERSONAS.find((p) => p.id === 'screen-reader')!);
    expect(plan.engines).toEqual(['axe', 'htmlcs']);
    expect(plan.probes.map((p) => p.id).sort()).toEqual(['authentication', 'camera-step', 'captcha', 'form-semantics', 'help-mechanisms', 'image-text', 'label-in-name', 'motion', 'new-window', 'page-text', 'transcript']);
    expect(planFor(PERSONAS.find((p) => p.id === 'keyboard')!)).toEqual({ engines: ['keyboard'], probes: [expect.objectContaining({ id: 'focus-order' }), expect.objectContaining({ id: 'dialog-focus' })] });
  });

  it('an audit that reads an artifact no gatherer writes is named at once', () => {
    const stray: Audit = { ...AUDITS[0], meta: { ...AUDITS[0].meta, id: 'stray', requiredArtifacts: ['nothing-writes-this'] as unknown as Audit['meta']['requiredArtifacts'] } }; // past the type, as an untyped (JS) audit could
    expect(() => gatherPlan([stray], PROBES)).toThrow(/audit "stray" reads artifact "nothing-writes-this", which no gatherer writes/);
  });

  it('which audits judge a checkpoint is decided from its persona when audits run, not stamped in at gather time', () => {
    const artifacts = (persona?: string) => ({ context: persona ? { persona } : {} }) as unknown as Artifacts;
    const lowVision = PERSONAS.find((p) => p.id === 'low-vision')!;
    expect(auditsForArtifacts(artifacts('low-vision')).map((a) => a.meta.id)).toEqual(auditsFor(lowVision).map((a) => a.meta.id));
    expect(auditsForArtifacts(artifacts('low-vision')).map((a) => a.meta.id)).toContain('journey-blocked');
    expect(auditsForArtifacts(artifacts()).length).toBe(AUDITS.length);
  });
});

describe('a page shown in another language than the persona reads', () => {
  it('is not judged by that persona\'s language audits (the flow did not ask for the persona\'s language)', () => {
    const at = (requestedLanguage?: string) => ({ context: { persona: 'haitian-creole' }, gathered: { journey: { requestedLanguage } } }) as unknown as Artifacts;
    const ids = (a: Artifacts) => auditsForArtifacts(a).map((x) => x.meta.id);
    expect(ids(at('ht'))).toContain('page-language');
    expect(ids(at('ht-HT'))).toContain('untranslated-text');
    expect(ids(at('en'))).not.toContain('page-language');
    expect(ids(at('en'))).not.toContain('untranslated-text');
    expect(ids(at('en'))).toContain('axe');
    expect(ids(at())).toContain('page-language');
  });
});
