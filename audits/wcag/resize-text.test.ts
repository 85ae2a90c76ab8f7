import { describe, expect, it } from 'vitest';
import { resizeTextAudit } from './resize-text.ts';
import { recordedProbe, probeArtifacts } from '../recorded/probes/load.ts';
import type { TextResizeArtifact } from '../../harness/gatherers/probes/text-resize.ts';

const run = (r: TextResizeArtifact) => resizeTextAudit.audit(probeArtifacts({ 'text-resize': r }), {} as never);

describe('resize-text audit (WCAG 1.4.4)', () => {
  it('fails the recorded fixed-height bar whose text is clipped at 200%', () => {
    const res = run(recordedProbe('text-resize-clip'));
    expect(res.outcome).toBe('failed');
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0]).toMatchObject({ ruleId: 'resize-text-clipped', wcag: ['1.4.4'], domPath: 'html>body:nth-of-type(1)>div:nth-of-type(1)' });
    expect(res.findings[0].message).toMatch(/At 200% zoom \(640 CSS px wide\), text is cut off/);
  });

  it('passes the recorded responsive page', () => {
    expect(run(recordedProbe('text-resize-responsive')).outcome).toBe('passed');
  });

  it('reports overlapping text naming both elements', () => {
    const r = recordedProbe<TextResizeArtifact>('text-resize-responsive');
    r.newOverlaps = [{ kind: 'overlap', domPath: 'html>body:nth-of-type(1)>header:nth-of-type(1)>p:nth-of-type(1)', tag: 'p', text: 'Your account', snippet: '<p>', rect: { x: 0, y: 0, width: 100, height: 20 }, other: { domPath: 'html>body:nth-of-type(1)>main:nth-of-type(1)>h1:nth-of-type(1)', tag: 'h1', text: 'Appointments' } }];
    const [f] = run(r).findings;
    expect(f.ruleId).toBe('resize-text-overlap');
    expect(f.message).toMatch(/"Your account" is drawn over <h1> "Appointments"/);
  });

  it('horizontal scrolling alone is not a 1.4.4 failure; content hidden beyond the edge is', () => {
    const r = recordedProbe<TextResizeArtifact>('text-resize-responsive');
    r.atZoom.horizontalOverflow = 300;
    expect(run(r).outcome).toBe('passed');
    r.atZoom.document.clipsX = true;
    expect(run(r).findings[0].ruleId).toBe('resize-text-cut-off');
  });

  it('notes when the window allowed less than 200%', () => {
    const r = recordedProbe<TextResizeArtifact>('text-resize-responsive');
    r.factor = 1.22;
    expect(run(r).notes?.join()).toMatch(/only 122%/);
  });
});
