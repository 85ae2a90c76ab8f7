import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { countIssues, groupIssues, issueCountText } from './issues.ts';
import { renderText } from './text.ts';
import { requirementsFor } from '../standards/requirements.ts';
import { buildBundle } from '../bundle.ts';

let n = 0;
function finding(persona: string, step: string, over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: `fp${n++}`,
    auditId: 'axe', engines: ['axe'], ruleId: 'color-contrast', engineRules: {}, outcome: 'failed', category: 'barrier', impact: 'serious',
    message: 'Elements must meet minimum color contrast ratio thresholds', selector: '.hint', domPath: 'html>body>main>p.hint',
    requirements: requirementsFor(['1.4.3']),
    context: { target: 'reference', persona, flow: 'register', step, checkpoint: step, url: `http://127.0.0.1:${4000 + n}/registration` },
    evidence: [],
    ...over,
  };
}

describe('issues: one rule on one element of one page', () => {
  it('the same low-contrast hint met by four personas at five steps is one issue with twenty occurrences', () => {
    const findings = ['keyboard', 'screen-reader', 'low-vision', 'haitian-creole'].flatMap((p) => ['a', 'b', 'c', 'd', 'e'].map((s) => finding(p, s)));
    const issues = groupIssues(findings);
    expect(issues).toHaveLength(1);
    expect(issues[0].occurrences).toHaveLength(20);
    expect(issues[0].personas).toEqual(['keyboard', 'screen-reader', 'low-vision', 'haitian-creole']);
    expect(issues[0].steps).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(issueCountText(countIssues(issues))).toBe('1 issue (20 occurrences)');
  });

  it('another element, another page, another rule or another target is another issue', () => {
    const base = finding('keyboard', 'a');
    const issues = groupIssues([
      base,
      finding('keyboard', 'a', { domPath: 'html>body>main>p.other' }),
      finding('keyboard', 'a', { context: { ...base.context, url: 'http://127.0.0.1:1/help' } }),
      finding('keyboard', 'a', { ruleId: 'link-name' }),
      finding('keyboard', 'a', { context: { ...base.context, target: 'shop' } }),
    ]);
    expect(issues).toHaveLength(5);
  });

  it('journey-blocking issues come first, then by impact; criteria and engines are the union', () => {
    const issues = groupIssues([
      finding('keyboard', 'a', { impact: 'minor', ruleId: 'x', domPath: 'x' }),
      finding('keyboard', 'a', { impact: 'critical', ruleId: 'y', domPath: 'y' }),
      finding('keyboard', 'b', { ruleId: 'journey-blocked', auditId: 'journey-blocked', impact: 'critical', domPath: undefined, selector: undefined, requirements: requirementsFor(['2.1.1']), engines: ['portico'] }),
      finding('screen-reader', 'b', { ruleId: 'journey-blocked', auditId: 'journey-blocked', impact: 'critical', domPath: undefined, selector: undefined, requirements: requirementsFor(['4.1.2']), engines: ['portico'] }),
    ]);
    expect(issues.map((i) => i.ruleId)).toEqual(['journey-blocked', 'y', 'x']);
    expect(issues[0].blocking).toBe(true);
    expect(issues[0].requirements.wcag).toEqual(['2.1.1', '4.1.2']);
    expect(countIssues(issues)).toEqual({ issues: 3, occurrences: 4, blocking: 1 });
  });

  it('the text summary counts issues with occurrences beside them, blocking first', () => {
    const findings = [...['a', 'b', 'c'].map((s) => finding('keyboard', s)), finding('keyboard', 'b', { ruleId: 'journey-blocked', auditId: 'journey-blocked', domPath: undefined, selector: undefined, message: 'Keyboard user is blocked', requirements: requirementsFor(['2.1.1']) })];
    const text = renderText(buildBundle({ startedAt: 'x', finishedAt: 'y', findings, verdicts: [], incomplete: [], versions: {} }), { signing: { signed: false } });
    expect(text).toMatch(/BARRIERS — 2 issues \(4 occurrences\) on 2 criteria; 1 block a journey/);
    expect(text.indexOf('Blocks a journey')).toBeLessThan(text.indexOf('1.4.3'));
    expect(text).toMatch(/1\.4\.3 Contrast \(Minimum\) \(AA\) · 508: E205\.4 — 1 issue \(3 occurrences\)/);
    expect(text).toMatch(/met 3× by keyboard at a, b, c/);
    expect(text).toMatch(/evidence: UNSIGNED/);
  });
});
