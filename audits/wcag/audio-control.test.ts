import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { audioControlAudit } from './audio-control.ts';
import type { MotionArtifact } from '../../harness/gatherers/probes/motion.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { motionSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/motion-audio-control-${name}.json`, import.meta.url), 'utf8')) as MotionArtifact;
const run = (r: MotionArtifact) => audioControlAudit.audit(artifactsWith('motion', r), auditCtx);

describe('audio-control (1.4.2, recorded from the motion probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad', 'bad-blocked']) expect(motionSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('looping background audio with no control fails', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toMatchObject([{ ruleId: 'audio-autoplay', outcome: 'failed', wcag: ['1.4.2'] }]);
    expect(r.findings[0].message).toMatch(/looping/);
  });
  it('native controls, a short chime or a Pause control on the page: no finding', () => {
    const r = run(recorded('good'));
    expect(r.findings).toEqual([]);
    expect(r.notes?.join(' ')).toMatch(/3 s or less/);
  });
  it('muted, inaudible or live-capture media is not audio content', () => {
    const bad = recorded('bad');
    for (const change of [{ muted: true }, { volume: 0 }, { hasAudio: false }, { live: true }]) {
      expect(run({ ...bad, media: bad.media.map((m) => ({ ...m, ...change })) }).findings).toEqual([]);
    }
  });
  it('native controls count; unknown sound or a blocked autoplay is cantTell, never failed', () => {
    const bad = recorded('bad');
    expect(run({ ...bad, media: bad.media.map((m) => ({ ...m, controls: true, visible: true })) }).findings).toEqual([]);
    expect(run({ ...bad, media: bad.media.map((m) => ({ ...m, hasAudio: null })) }).outcome).toBe('cantTell');
    expect(run(recorded('bad-blocked'))).toMatchObject({ outcome: 'cantTell', findings: [{ outcome: 'cantTell' }] });
  });
  it('is inapplicable with no media', () => {
    expect(run({ ...recorded('bad'), media: [] }).outcome).toBe('inapplicable');
  });
});
