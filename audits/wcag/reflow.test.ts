import { describe, expect, it } from 'vitest';
import { reflowAudit } from './reflow.ts';
import { recordedProbe, probeArtifacts } from '../recorded/probes/load.ts';
import { runAudits } from '../../harness/run-audits.ts';
import type { ReflowArtifact } from '../../harness/gatherers/probes/reflow.ts';
import type { LayoutIssue } from '../../harness/gatherers/probes/layout.ts';

const run = (r: ReflowArtifact) => reflowAudit.audit(probeArtifacts({ reflow: r }, { persona: 'low-vision', locale: 'en' }), {} as never);
const clippedBox: LayoutIssue = {
  kind: 'clipped', domPath: 'html>body:nth-of-type(1)>nav:nth-of-type(1)', tag: 'nav', text: 'Home Your account Help and contact', snippet: '<nav class="menu">',
  rect: { x: 0, y: 0, width: 320, height: 40 },
  box: { clientWidth: 320, scrollWidth: 610, clientHeight: 40, scrollHeight: 40, overflowX: 'hidden', overflowY: 'hidden', textOverflow: 'clip' },
};

describe('reflow audit (WCAG 1.4.10)', () => {
  it('passes the recorded responsive page (the scrolling table region is exempt and noted)', () => {
    const res = run(recordedProbe('reflow-responsive'));
    expect(res.outcome).toBe('passed');
    expect(res.notes?.join()).toMatch(/scroll region/);
  });

  it('fails the recorded min-width:1024px page with one page-level finding naming body as the culprit', () => {
    const res = run(recordedProbe('reflow-fixed-width'));
    expect(res.outcome).toBe('failed');
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0]).toMatchObject({ ruleId: 'reflow-horizontal-scroll', wcag: ['1.4.10'], engines: ['portico'], domPath: 'html' });
    expect(res.findings[0].message).toMatch(/1024 px wide.*704 px sideways.*<body>/);
  });

  it('reports content cut off when the page hides horizontal overflow', () => {
    const r = recordedProbe<ReflowArtifact>('reflow-fixed-width');
    r.narrow.document.clipsX = true;
    const [f] = run(r).findings;
    expect(f.ruleId).toBe('reflow-content-cut-off');
    expect(f.message).toMatch(/cannot be scrolled to/);
  });

  it('reports each element newly clipped at 320 px, with its box', () => {
    const r = recordedProbe<ReflowArtifact>('reflow-responsive');
    r.newlyClipped = [clippedBox];
    const res = run(r);
    expect(res.outcome).toBe('failed');
    expect(res.findings[0]).toMatchObject({ ruleId: 'reflow-content-clipped', domPath: clippedBox.domPath });
    expect(res.findings[0].message).toMatch(/320×40 px of content that needs 610×40 px/);
  });

  it('tolerates a few px of overflow (sub-pixel rounding)', () => {
    const r = recordedProbe<ReflowArtifact>('reflow-responsive');
    r.narrow.horizontalOverflow = 3;
    expect(run(r).outcome).toBe('passed');
  });

  it('through runAudits: fingerprinted, 1.4.10 beyond the 508 baseline, evidence attached; missing artifact → untested', () => {
    const a = probeArtifacts({ reflow: recordedProbe('reflow-fixed-width') }, { persona: 'low-vision' });
    const { findings, verdicts } = runAudits([reflowAudit], [a]);
    expect(findings[0].requirements.wcag).toEqual(['1.4.10']);
    expect(findings[0].requirements.section508).toEqual([]);
    expect(findings[0].evidence[0].description).toMatch(/Viewport set from 1280×720 to 320×720/);
    expect(verdicts[0].outcome).toBe('failed');
    expect(runAudits([reflowAudit], [probeArtifacts({})]).verdicts[0].outcome).toBe('untested');
    expect(runAudits([reflowAudit], [probeArtifacts({ reflow: { error: 'page crashed' } })]).verdicts[0].outcome).toBe('error');
  });
});
