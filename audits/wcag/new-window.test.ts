import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { newWindowAudit, warns } from './new-window.ts';
import type { NewWindowArtifact } from '../../harness/gatherers/probes/new-window.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { newWindowSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as NewWindowArtifact;
const run = (r: NewWindowArtifact) => newWindowAudit.audit(artifactsWith('new-window', r), auditCtx);

describe('new-window (recorded from the probe on design-system pages)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['new-window-good', 'new-window-bad']) expect(newWindowSchema.safeParse(recorded(n)).success).toBe(true);
    expect(newWindowSchema.safeParse({ schema: 'portico.probe.new-window/1', linkCount: 1 }).success).toBe(false);
  });
  it('links that say they open a new tab pass', () => {
    const r = run(recorded('new-window-good'));
    expect(r).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('silent ones are cantTell best practice, one per link, never failed', () => {
    const r = run(recorded('new-window-bad'));
    expect(r.outcome).toBe('cantTell');
    expect(r.findings).toHaveLength(3);
    expect(r.findings.every((f) => f.outcome === 'cantTell' && f.category === 'best-practice')).toBe(true);
  });
  it('is inapplicable when no visible link opens a new window', () => {
    const bad = recorded('new-window-bad');
    expect(run({ ...bad, links: bad.links.map((l) => ({ ...l, visible: false })) }).outcome).toBe('inapplicable');
  });
  it('hears the warning in the name, the description or an icon, in several languages', () => {
    const base = recorded('new-window-bad').links[0];
    expect(warns(base)).toBe(false);
    expect(warns({ ...base, description: 'Opens in a new window' })).toBe(true);
    expect(warns({ ...base, iconNames: ['nouvel onglet'] })).toBe(true);
    expect(warns({ ...base, text: 'Gid la (ouvri nan yon nouvo fenèt)' })).toBe(true);
    expect(warns({ ...base, text: 'A new windowsill catalogue' })).toBe(false);
  });
});
