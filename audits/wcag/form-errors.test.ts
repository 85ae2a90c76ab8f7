import { describe, expect, it } from 'vitest';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { recordedProbe } from '../recorded/probes/load.ts';
import { errorIdentifiedAudit } from './error-identified.ts';
import { errorAnnouncedAudit } from './error-announced.ts';
import { fieldMark, isHint, isRed, judgeForm } from './form-errors.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/** Design-system pages recorded by harness/gatherers/probes/design-systems.spec.ts (PORTICO_RECORD_PROBES=1). */
const ds = (name: string) => recordedProbe<Artifacts>(`ds-${name}`);
const fs = (a: Artifacts) => gathered(a, 'form-semantics');
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });

describe('form errors judged on recorded design-system pages', () => {
  for (const name of ['govuk-error-summary', 'uswds-validation', 'bootstrap-is-invalid', 'material-text-field', 'brand-red-required']) {
    it(`${name}: nothing fails`, () => {
      for (const audit of [errorIdentifiedAudit, errorAnnouncedAudit]) expect(run(audit, ds(name)).findings.filter((f) => f.outcome === 'failed')).toEqual([]);
    });
  }

  it('GOV.UK: both fields in error are marked (differ from their pristine clone), the optional one is not', () => {
    const j = judgeForm(fs(ds('govuk-error-summary')));
    expect([...j.marks.keys()]).toHaveLength(2);
    expect(j.inError.map((c) => c.id)).toEqual(['full-name', 'email']);
    expect(j.errorTied(j.inError[1])).toBe(true);
    expect(j.liveRegionsWithErrors).toHaveLength(1);
  });

  it('brand red: red borders on every field are the page\'s normal styling and "(required)" is a hint', () => {
    const f = fs(ds('brand-red-required'));
    const j = judgeForm(f);
    expect(f.controls.every((c) => isRed(c.appearance.border[0]))).toBe(true);
    expect(j.marks.size).toBe(0);
    expect(j.hints.map((h) => h.text)).toContain('(required)');
    expect(j.errorsShown).toBe(false);
  });

  it('brand red after the browser stopped the submit: native bubbles (3.3.1), no colour finding', () => {
    const r = run(errorIdentifiedAudit, ds('brand-red-submitted'));
    expect(r.findings.map((f) => [f.ruleId, f.wcag])).toEqual([['native-validation-bubbles', ['3.3.1']]]);
    expect(fs(ds('brand-red-submitted')).forms[0].userInvalid).toBe(3);
  });

  it('colour only: the red border is a mark because the same field is not red in its pristine clone', () => {
    const f = fs(ds('colour-only-error'));
    const email = f.controls.find((c) => c.id === 'input-email')!;
    expect(fieldMark(email)).toMatch(/border .*rgb\(181, 9, 9\).*normally/);
    expect(fieldMark(f.controls.find((c) => c.id === 'input-name')!)).toBeNull();
    expect(run(errorIdentifiedAudit, ds('colour-only-error')).findings[0].wcag).toEqual(['3.3.1', '1.4.1']);
  });

  it('a hint is red text repeated beside fields or red text belonging to no field; an error class is never a hint', () => {
    const base = { domPath: 'p', text: '(required)', color: 'rgb(200,16,46)', redish: true, nonColourCues: [], tied: true, inLiveRegion: false, snippet: '' };
    expect(isHint({ ...base, why: ['red text'], repeats: 3, control: 'input' })).toBe(true);
    expect(isHint({ ...base, why: ['red text'], repeats: 1, control: null })).toBe(true);
    expect(isHint({ ...base, why: ['red text'], repeats: 1, control: 'input' })).toBe(false);
    expect(isHint({ ...base, why: ['class/id', 'red text'], repeats: 3, control: 'input' })).toBe(false);
  });
});
