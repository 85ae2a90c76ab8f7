import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const recorded = (name: string): Artifacts => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as Artifacts;
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
import { headingsLandmarksAudit } from './headings-landmarks.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const tr = (a: Artifacts) => gathered(a, 'transcript');

describe('headings-landmarks', () => {
  it('passes a page with banner, main, an h1 in main and named headings', () => {
    for (const name of ['sr-form-labelled', 'sr-errors-announced', 'sr-camera-alt']) expect(run(headingsLandmarksAudit, recorded(name))).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('fails an empty heading (1.3.1) and reports a missing main / h1 as best practice only', () => {
    const r = run(headingsLandmarksAudit, recorded('sr-no-main'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => [f.ruleId, f.category ?? 'barrier', f.wcag])).toEqual([
      ['empty-heading', 'barrier', ['1.3.1']], ['landmark-one-main', 'best-practice', []], ['page-has-heading-one', 'best-practice', []],
    ]);
  });

  it('passes (with best-practice notes) when only main / h1 are missing', () => {
    const a = recorded('sr-no-main');
    tr(a).headings = [];
    const r = run(headingsLandmarksAudit, a);
    expect(r.outcome).toBe('passed');
    expect(r.findings.every((f) => f.category === 'best-practice')).toBe(true);
    const { findings } = runAudits([headingsLandmarksAudit], [a]);
    expect(findings.every((f) => f.category === 'best-practice')).toBe(true);
  });

  it('reports an h1 outside main', () => {
    const a = recorded('sr-form-labelled');
    for (const h of tr(a).headings) h.inMain = false;
    expect(run(headingsLandmarksAudit, a).findings).toEqual([expect.objectContaining({ ruleId: 'heading-one-in-main', category: 'best-practice' })]);
  });

  it('is cantTell when the accessibility tree was empty', () => {
    const a = recorded('sr-no-main');
    tr(a).axNodeCount = 0;
    expect(run(headingsLandmarksAudit, a).outcome).toBe('cantTell');
  });
});
