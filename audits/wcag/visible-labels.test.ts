import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const recorded = (name: string): Artifacts => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as Artifacts;
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
import { visibleLabelsAudit } from './visible-labels.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const fs = (a: Artifacts) => gathered(a, 'form-semantics');

describe('visible-labels', () => {
  it('leaves out disabled controls and controls made presentational (role=none): not fields a person fills (ACT e086e5)', () => {
    const a = recorded('sr-form-placeholder');
    const controls = fs(a).controls;
    const select = controls.find((c) => c.tag === 'select')!;
    const without = (over: object) => ({ ...a, gathered: { ...a.gathered, 'form-semantics': { ...fs(a), controls: controls.map((c) => (c === select ? { ...c, ...over } : c)) } } }) as Artifacts;
    expect(run(visibleLabelsAudit, a).findings.some((f) => f.ruleId === 'select-name')).toBe(true);
    expect(run(visibleLabelsAudit, without({ disabled: true })).findings.some((f) => f.ruleId === 'select-name')).toBe(false);
    expect(run(visibleLabelsAudit, without({ role: 'none' })).findings.some((f) => f.ruleId === 'select-name')).toBe(false);
  });
  it('fails placeholder-only fields (1.3.1, 3.3.2) and a nameless select (also 4.1.2), with the control named', () => {
    const r = run(visibleLabelsAudit, recorded('sr-form-placeholder'));
    expect(r.outcome).toBe('failed');
    const placeholder = r.findings.filter((f) => f.ruleId === 'placeholder-only-label');
    expect(placeholder).toHaveLength(4);
    expect(placeholder[0]).toMatchObject({ engines: ['portico'], outcome: 'failed', wcag: ['1.3.1', '3.3.2'] });
    expect(placeholder[0].message).toMatch(/"Given names"/);
    expect(placeholder[0].snippet).toMatch(/placeholder="Given names"/);
    const select = r.findings.find((f) => f.ruleId === 'select-name')!;
    expect(select.wcag).toEqual(['1.3.1', '3.3.2', '4.1.2']);
    expect(select.message).toMatch(/first option "Nationality"/);
    expect(r.findings.find((f) => f.ruleId === 'visible-label')?.message).toMatch(/visually hidden label.*"Phone"/);
  });

  it('passes a properly labelled form (visually hidden label + adjacent button counts as visible)', () => {
    expect(run(visibleLabelsAudit, recorded('sr-form-labelled'))).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('is inapplicable without form controls', () => {
    expect(run(visibleLabelsAudit, recorded('sr-camera-alt')).outcome).toBe('inapplicable');
  });

  it('is cantTell (never passed, never failed) for an aria-label with no visible label anywhere', () => {
    const a = recorded('sr-form-labelled');
    const search = fs(a).controls.find((c) => c.id === 'search')!;
    search.visibleLabel = false; search.visibleLabelHow = null; search.labelHidden = false; search.placeholder = null;
    const r = run(visibleLabelsAudit, a);
    expect(r.outcome).toBe('cantTell');
    expect(r.findings).toEqual([expect.objectContaining({ outcome: 'cantTell', ruleId: 'visible-label', wcag: ['3.3.2'] })]);
  });

  it('uses axe\'s rule id for a nameless control (so dedupe can merge them) and maps it to 508 through WCAG', () => {
    const a = recorded('sr-form-placeholder');
    const { findings } = runAudits([visibleLabelsAudit], [a]);
    const select = findings.find((f) => f.ruleId === 'select-name')!;
    expect(select.requirements.wcag).toEqual(['1.3.1', '3.3.2', '4.1.2']);
    expect(select.requirements.section508.join(' ')).toMatch(/E205\.4/);
  });

  it('is error when the probe failed', () => {
    const a = recorded('sr-form-labelled');
    a.gathered['form-semantics'] = { error: 'page crashed' };
    expect(runAudits([visibleLabelsAudit], [a]).verdicts[0].outcome).toBe('error');
  });
});
