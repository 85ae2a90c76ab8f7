import { describe, expect, it } from 'vitest';
import type { Artifacts } from '../../harness/types.ts';
import type { HtmlcsArtifact, HtmlcsIssueArtifact } from '../../harness/gatherers/types.ts';
import { htmlcsAudit } from './htmlcs.ts';

const issue = (code: string, type: HtmlcsIssueArtifact['type'], context = '<p>x</p>'): HtmlcsIssueArtifact => ({
  code, type, message: `${code} message`, selector: 'p', context, domPath: 'html>body:nth-of-type(1)>p:nth-of-type(1)',
});
const run = (issues: HtmlcsIssueArtifact[]) => htmlcsAudit.audit({
  schema: 'portico.artifacts/1', checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {}, gatheredAt: '', versions: {},
  gathered: { htmlcs: { version: '2.6.0', pa11yVersion: '10.0.0', standard: 'WCAG2AA', issues } satisfies HtmlcsArtifact },
} as Artifacts, { checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {} });

describe('htmlcs audit', () => {
  it('fails on an error of a check that has earned it', () => {
    const result = run([issue('WCAG2AA.Principle2.Guideline2_4.2_4_2.H25.1.EmptyTitle', 'error', '<title></title>')]);
    expect(result.outcome).toBe('failed');
    expect(result.findings.map((f) => [f.ruleId, f.outcome, f.wcag])).toEqual([['document-title', 'failed', ['2.4.2']]]);
  });

  it('holds back an error of a check measured to fail passing cases (cantTell, with the measurement)', () => {
    const result = run([issue('WCAG2AA.Principle3.Guideline3_1.3_1_2.H58.1.Lang', 'error', '<p lang="en-US-GB">x</p>')]);
    expect(result.outcome).toBe('passed');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].outcome).toBe('cantTell');
    expect(result.findings[0].message).toMatch(/3\.1\.2\.H58\.1\.Lang failed 2 passing ACT test case/);
  });

  it('holds back the check whatever standard it ran under', () => {
    expect(run([issue('WCAG2AAA.Principle1.Guideline1_1.1_1_1.H37', 'error', '<img src="a.png">')]).findings[0].outcome).toBe('cantTell');
  });

  it('turns warnings tied to a criterion into cantTell, never barriers, and drops the others', () => {
    const result = run([
      issue('WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Abs', 'warning'),
      issue('WCAG2AA.Principle1.Guideline1_3.1_3_1.H48', 'warning'),
      issue('not-a-wcag-code', 'warning'),
    ]);
    expect(result.outcome).toBe('passed');
    expect(result.findings.map((f) => [f.ruleId, f.outcome])).toEqual([['color-contrast', 'cantTell'], ['htmlcs:1.3.1.H48', 'cantTell']]);
  });

  it('never reports notices', () => {
    expect(run([issue('WCAG2AA.Principle1.Guideline1_1.1_1_1.G94.Image', 'notice')]).findings).toEqual([]);
  });
});
