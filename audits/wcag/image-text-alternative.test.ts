import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { imageTextAlternativeAudit, legibleWords, nameHasWord, readsAsText } from './image-text-alternative.ts';
import type { ImageTextArtifact } from '../../harness/gatherers/probes/image-text.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { imageTextSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/image-text-${name}.json`, import.meta.url), 'utf8')) as ImageTextArtifact;
const run = (r: ImageTextArtifact) => imageTextAlternativeAudit.audit(artifactsWith('image-text', r), auditCtx);
const NAMES = ['good', 'bad', 'photo', 'lettering'];

describe('image-text-alternative (1.1.1, recorded from the probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of NAMES) expect(imageTextSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('pictures named with the words they show pass', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('pictures named with none of their words fail, one finding each, naming what they read; an image button is cantTell', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => `${f.ruleId}:${f.outcome}`)).toEqual(['image-text-not-in-name:failed', 'control-image-text-not-in-name:cantTell', 'image-text-not-in-name:failed']);
    expect(r.findings[0].message).toMatch(/reads "Northwind" .* named "logo-final-v2"/);
    expect(r.findings.every((f) => f.wcag.includes('1.1.1'))).toBe(true);
  });
  it('the same picture inside a link is cantTell, not failed: a link may be named for where it goes', () => {
    const bad = recorded('bad');
    const linked = { ...bad, images: [{ ...bad.images[0], inControl: true }] };
    expect(run(linked)).toMatchObject({ outcome: 'cantTell', findings: [{ ruleId: 'control-image-text-not-in-name', outcome: 'cantTell' }] });
  });
  it('a CAPTCHA (found by the captcha probe, or named as one) is not judged: 1.1.1 asks its name to say what it is for, not the characters it shows', () => {
    const bad = recorded('bad');
    const image = { ...bad.images[0], inControl: false };
    expect(run({ ...bad, images: [image] }).outcome).toBe('failed');
    expect(run({ ...bad, images: [{ ...image, accessibleName: 'CAPTCHA: type the characters shown' }] }).outcome).toBe('inapplicable');
    const both = { gathered: { ...artifactsWith('image-text', { ...bad, images: [image] }).gathered, captcha: { captchas: [{ domPath: image.domPath }] } } } as never;
    expect(imageTextAlternativeAudit.audit(both, auditCtx).outcome).toBe('inapplicable');
  });
  it('photographs and ornate lettering, which OCR reads as fragments, are not judged', () => {
    for (const n of ['photo', 'lettering']) {
      const image = recorded(n).images[0];
      expect(readsAsText(image)).toBe(false);
      expect(run(recorded(n)).outcome).toBe('inapplicable');
    }
  });
  it('cannot tell without CDP; inapplicable with no named picture', () => {
    expect(run({ ...recorded('good'), source: 'none', images: [] }).outcome).toBe('cantTell');
    expect(run({ ...recorded('good'), images: [] }).outcome).toBe('inapplicable');
  });
  it('legible words: confident, three letters or digits at least', () => {
    expect(legibleWords({ words: [{ text: 'W3C', confidence: 54 }, { text: 'A', confidence: 90 }, { text: 'Pa', confidence: 80 }, { text: 'WiC', confidence: 0 }] })).toEqual(['w3c']);
  });
  it('a name has a word as a word, run together, or with one OCR slip from four letters on', () => {
    expect(nameHasWord('W3C logo', 'w3c')).toBe(true);
    expect(nameHasWord('HTML5 logo', 'html')).toBe(true);
    expect(nameHasWord('Accessibility guide', 'accessiblity')).toBe(true);
    expect(nameHasWord('ERCIM logo', 'w3c')).toBe(false);
    expect(nameHasWord('Search flights', 'searches')).toBe(false);
    expect(nameHasWord('Go', 'gov')).toBe(false);
  });
});
