import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts } from '../../harness/types.ts';
import { forcedColorsAudit } from './forced-colors.ts';
import type { ForcedColorsArtifact } from '../../harness/gatherers/probes/forced-colors.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as ForcedColorsArtifact;
const artifactsWith = (fc: ForcedColorsArtifact): Artifacts => ({ schema: 'portico.artifacts/1', checkpoint: 'p', url: 'file:///fixtures/x.html', pagePath: '/', context: {}, gatheredAt: '', versions: {}, gathered: { 'forced-colors': fc } });
const run = (fc: ForcedColorsArtifact) => forcedColorsAudit.audit(artifactsWith(fc), { checkpoint: 'p', url: '', pagePath: '/', context: {} });

describe('forced-colors (recorded from the probe on real pages)', () => {
  it('fails what vanishes, each with its criterion', () => {
    const r = run(recorded('forced-colors-bad'));
    expect(r.outcome).toBe('failed');
    const by = (id: string) => r.findings.filter((f) => f.ruleId === id);
    expect(by('forced-colors-boundary').map((f) => f.wcag)).toEqual([['1.4.11'], ['1.4.11'], ['1.4.11']]);
    expect(by('forced-colors-icon').map((f) => f.message)).toEqual([expect.stringMatching(/SVG icon.*"Search" vanishes: 1\.00:1/), expect.stringMatching(/background-image icon of "Settings"/)]);
    expect(by('forced-colors-focus')[0]).toMatchObject({ wcag: ['2.4.7'] });
    expect(by('forced-colors-focus')[0].message).toMatch(/shadow/);
    expect(by('forced-colors-adjust-none')[0]).toMatchObject({ wcag: ['1.4.3'] });
  });
  it('a page built for forced colours yields nothing', () => {
    const r = run(recorded('forced-colors-good'));
    expect(r.outcome).toBe('passed');
    expect(r.findings).toEqual([]);
  });
  it('is cantTell, never passed, when the emulation did not apply', () => {
    const r = run({ ...recorded('forced-colors-good'), active: false });
    expect(r.outcome).toBe('cantTell');
  });
  it('is inapplicable when the page was already forced', () => {
    expect(run({ ...recorded('forced-colors-good'), alreadyForced: true }).outcome).toBe('inapplicable');
  });
});
