import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts } from '../../harness/types.ts';
import type { AxeArtifact, AxeRuleArtifact } from '../../harness/gatherers/types.ts';
import { axeAudit, axeRuleStanding } from './axe.ts';

const rule = (id: string, tags: string[]): AxeRuleArtifact => ({
  id, tags, impact: 'serious', description: id, help: `${id} help`, helpUrl: `https://dequeuniversity.com/rules/axe/${id}`,
  nodes: [{ target: ['#x'], html: '<p id="x">x</p>', domPath: 'html>body:nth-of-type(1)>p:nth-of-type(1)' }],
});
const artifacts = (violations: AxeRuleArtifact[]): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {}, gatheredAt: '', versions: {},
  gathered: { axe: { version: '4.14.1', violations, incomplete: [], passes: [], inapplicable: [] } satisfies AxeArtifact },
});

describe('axe rules by standing', () => {
  it('keeps A/AA rules as barriers and puts AAA, experimental and untagged rules apart', () => {
    expect(axeRuleStanding(['cat.color', 'wcag2aa', 'wcag143'])).toBe('barrier');
    expect(axeRuleStanding(['cat.color', 'wcag2aaa', 'wcag146', 'ACT'])).toBe('AAA');
    expect(axeRuleStanding(['cat.time-and-media', 'wcag2aaa', 'wcag224', 'wcag325'])).toBe('AAA');
    expect(axeRuleStanding(['cat.structure', 'wcag134', 'wcag21aa', 'experimental'])).toBe('experimental');
    expect(axeRuleStanding(['cat.semantics', 'best-practice'])).toBe('best-practice');
  });

  it('reports AAA and experimental violations, labelled, without failing the run', () => {
    const result = axeAudit.audit(artifacts([
      rule('color-contrast-enhanced', ['wcag2aaa', 'wcag146']),
      rule('css-orientation-lock', ['wcag134', 'wcag21aa', 'experimental']),
    ]), { checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {} });
    expect(result.outcome).toBe('passed');
    expect(result.findings.map((f) => [f.ruleId, f.outcome, f.category, f.wcag])).toEqual([
      ['color-contrast-enhanced', 'failed', 'best-practice', ['1.4.6']],
      ['css-orientation-lock', 'failed', 'best-practice', ['1.3.4']],
    ]);
    expect(result.findings[0].message).toMatch(/^\[AAA, reported apart\]/);
    expect(result.findings[1].message).toMatch(/^\[experimental, reported apart\]/);
    expect(result.notes?.join(' ')).toMatch(/color-contrast-enhanced \(AAA\), css-orientation-lock \(experimental\)/);
  });

  it('does not apply rules about HTML pages to an SVG or MathML document', () => {
    const a = artifacts([rule('html-has-lang', ['wcag2a', 'wcag311']), rule('image-alt', ['wcag2a', 'wcag111'])]);
    (a.gathered.axe as Record<string, unknown>).document = { contentType: 'application/xml', root: 'http://www.w3.org/1998/Math/MathML math' };
    const result = axeAudit.audit(a, { checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {} });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['image-alt']);
    expect(result.notes?.join(' ')).toMatch(/not an HTML page/);
    (a.gathered.axe as Record<string, unknown>).document = { contentType: 'text/html', root: 'http://www.w3.org/1999/xhtml html' };
    expect(axeAudit.audit(a, { checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {} }).findings.map((f) => f.ruleId)).toEqual(['html-has-lang', 'image-alt']);
  });

  it('fails the run on an A/AA violation', () => {
    const result = axeAudit.audit(artifacts([rule('image-alt', ['wcag2a', 'wcag111'])]), { checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {} });
    expect(result.outcome).toBe('failed');
    expect(result.findings[0].category).toBe('barrier');
  });
});

describe('axe on W3C ACT b5c3f8 (HTML page has lang attribute), recorded', () => {
  const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/act/${name}.artifacts.json`, import.meta.url), 'utf8')) as Artifacts;
  const ctx = { checkpoint: 'page' as const, url: 'http://x/', pagePath: '/', context: {} };
  it('fails a page with no lang on <html> (Failed Example 1)', () => {
    const findings = axeAudit.audit(recorded('b5c3f8-failed-1-no-lang'), ctx).findings;
    expect(findings.filter((f) => f.ruleId === 'html-has-lang').map((f) => [f.outcome, f.wcag])).toEqual([['failed', ['3.1.1']]]);
  });
  it('does not judge an unstyled XML document by the <html> of the browser\'s XML viewer (Inapplicable Example 2: <math lang="en">)', () => {
    const a = recorded('b5c3f8-inapplicable-2-mathml-xml');
    expect((a.gathered.axe as Record<string, unknown>).document).toMatchObject({ contentType: 'application/xml', xmlViewer: true });
    const result = axeAudit.audit(a, ctx);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('html-has-lang');
    expect(result.findings.map((f) => f.ruleId)).not.toContain('document-title');
    expect(result.notes?.join(' ')).toMatch(/XML viewer/);
  });
});

describe('axe aria-hidden-focus confirmed by the keyboard walk, on W3C ACT 6cfa84 (recorded)', () => {
  const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/act/${name}.artifacts.json`, import.meta.url), 'utf8')) as Artifacts;
  const ctx = { checkpoint: 'page' as const, url: 'http://x/', pagePath: '/', context: {} };
  const ariaHidden = (a: Artifacts) => axeAudit.audit(a, ctx).findings.filter((f) => f.ruleId === 'aria-hidden-focus');
  it('fails the aria-hidden subtree whose off-screen link Tab really focused (Failed Example 6: focus sentinel with no handler)', () => {
    const findings = ariaHidden(recorded('6cfa84-failed-6-focus-sentinel'));
    expect(findings.map((f) => [f.outcome, f.wcag])).toEqual([['failed', ['4.1.2']]]);
    expect(findings[0].message).toMatch(/keyboard walk put focus on a/);
  });
  it('stays needs-review without a keyboard walk, and reports nothing on Passed Example 5 (tabindex=-1)', () => {
    const a = recorded('6cfa84-failed-6-focus-sentinel');
    delete (a.gathered as Record<string, unknown>).keyboard;
    expect(ariaHidden(a).map((f) => f.outcome)).toEqual(['cantTell']);
    expect(ariaHidden(recorded('6cfa84-passed-5-tabindex-minus-1')).filter((f) => f.outcome === 'failed')).toEqual([]);
  });
});

describe('axe frame-focusable-content while a modal dialog is open, on W3C ACT akn7bn (recorded)', () => {
  const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/act/${name}.artifacts.json`, import.meta.url), 'utf8')) as Artifacts;
  const ctx = { checkpoint: 'page' as const, url: 'http://x/', pagePath: '/', context: {} };
  const frames = (a: Artifacts) => axeAudit.audit(a, ctx).findings.filter((f) => f.ruleId === 'frame-focusable-content').map((f) => f.outcome);
  it('is cantTell when the keyboard walk found the page behind an open modal dialog (Inapplicable Example 6)', () => {
    expect(frames(recorded('akn7bn-inapplicable-6-modal-dialog-open'))).toEqual(['cantTell']);
  });
  it('still fails a frame with tabindex=-1 and a link when no dialog is open (Failed Example 1), and without a keyboard walk', () => {
    expect(frames(recorded('akn7bn-failed-1-tabindex-minus-1'))).toEqual(['failed']);
    const a = recorded('akn7bn-inapplicable-6-modal-dialog-open');
    delete (a.gathered as Record<string, unknown>).keyboard;
    expect(frames(a)).toEqual(['failed']);
  });
});
