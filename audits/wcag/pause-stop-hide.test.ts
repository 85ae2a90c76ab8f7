import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pauseStopHideAudit } from './pause-stop-hide.ts';
import type { MotionArtifact } from '../../harness/gatherers/probes/motion.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/motion-pause-stop-hide-${name}.json`, import.meta.url), 'utf8')) as MotionArtifact;
const run = (r: MotionArtifact) => pauseStopHideAudit.audit(artifactsWith('motion', r), auditCtx);

describe('pause-stop-hide (2.2.2, recorded from the motion probe)', () => {
  it('an endless animation and a marquee fail; the rotating carousel is one cantTell', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => `${f.ruleId}:${f.outcome}`).sort()).toEqual(['auto-updating:cantTell', 'motion-animation:failed', 'motion-marquee:failed']);
    expect(r.findings.every((f) => f.wcag.includes('2.2.2'))).toBe(true);
  });
  it('a carousel with a Stop control, a loading spinner and a short animation yield no finding', () => {
    const r = run(recorded('good'));
    expect(r.findings).toEqual([]);
    expect(r.outcome).toBe('cantTell'); // the Stop control was not operated
    expect(r.notes?.join(' ')).toMatch(/loading indicators: exempt/);
  });
  it('with nothing moving it passes', () => {
    const good = recorded('good');
    expect(run({ ...good, changes: [] }).outcome).toBe('passed');
  });
  it('a pause control on the page turns failures into cantTell with no finding', () => {
    const bad = recorded('bad');
    expect(run({ ...bad, controls: [...bad.controls, 'Pause animations'] })).toMatchObject({ outcome: 'cantTell', findings: [] });
  });
  it('changes inside live regions (status messages, session warnings) are not moving content', () => {
    const bad = recorded('bad');
    const r = run({ ...bad, animations: [], marquees: [], changes: bad.changes.map((c) => ({ ...c, inLiveRegion: true })) });
    expect(r.outcome).toBe('passed');
  });
  it('an animation that ends within 5 s is fine; a 6 s one is not', () => {
    const bad = recorded('bad');
    const only = (a: Partial<MotionArtifact['animations'][number]>) => run({ ...bad, marquees: [], changes: [], animations: bad.animations.map((x) => ({ ...x, ...a })) });
    expect(only({ infinite: false, totalMs: 2000 }).outcome).toBe('passed');
    expect(only({ infinite: false, totalMs: 6000 }).outcome).toBe('failed');
  });
  it('a live camera preview is not a video that plays by itself', () => {
    const bad = recorded('bad');
    const video = { domPath: 'html>body>video', tag: 'video' as const, autoplay: true, loop: false, controls: false, muted: true, volume: 1, duration: null, live: true, hasAudio: false, playing: true, advanced: 5, autoplayBlocked: false, visible: true, snippet: '<video>' };
    const base = { ...bad, animations: [], marquees: [], changes: [] };
    expect(run({ ...base, media: [video] }).outcome).toBe('passed');
    expect(run({ ...base, media: [{ ...video, live: false }] }).findings.map((f) => f.ruleId)).toEqual(['motion-video']);
  });
});
