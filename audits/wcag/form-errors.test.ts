import { describe, expect, it } from 'vitest';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { recordedProbe } from '../recorded/probes/load.ts';
import { errorIdentifiedAudit } from './error-identified.ts';
import { errorAnnouncedAudit } from './error-announced.ts';
import { errorTied, fieldMark, isHint, isRed, judgeForm, titleMentionsError } from './form-errors.ts';
import { readdirSync } from 'node:fs';
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
    const base = { domPath: 'p', text: '(required)', color: 'rgb(200,16,46)', nonColourCues: [], tied: true, inLiveRegion: false, snippet: '' };
    expect(isHint({ ...base, why: ['red text'], repeats: 3, control: 'input' })).toBe(true);
    expect(isHint({ ...base, why: ['red text'], repeats: 1, control: null })).toBe(true);
    expect(isHint({ ...base, why: ['red text'], repeats: 1, control: 'input' })).toBe(false);
    expect(isHint({ ...base, why: ['class/id', 'red text'], repeats: 3, control: 'input' })).toBe(false);
  });
});

/** Recorded by harness/gatherers/probes/screen-reader-probes.spec.ts (PORTICO_RECORD=1) from test-pages/sr-errors-ties.html. */
describe('ties, colour and title judged from the facts the probe records', () => {
  const ties = () => fs(recordedProbe<Artifacts>('sr-errors-ties'));
  const field = (f: ReturnType<typeof ties>, id: string) => structuredClone(f.controls.find((c) => c.id === id)!);

  it('no error on the page is structurally tied (describedby / errormessage / labelledby target, inside the label)', () => {
    expect(judgeForm(ties()).errors.filter((e) => e.tied)).toEqual([]);
  });

  it('an error tied only by the name text: the aria-label says it; a field with no name, or a name without it, is not tied', () => {
    const f = ties();
    const { errors } = judgeForm(f);
    const email = field(f, 'email');
    expect(email.describedBy).toEqual([]);
    expect(errorTied(email, errors)).toBe(true);
    expect(errorTied({ ...email, nameSource: 'none' }, errors)).toBe(false);
    expect(errorTied({ ...email, name: 'Email address' }, errors)).toBe(false);
  });

  it('a described-by text containing the error text ties it (a screen-reader copy), and so does one contained in it', () => {
    const f = ties();
    const { errors } = judgeForm(f);
    const phone = field(f, 'phone');
    expect(phone.name).not.toContain('Enter a phone number');
    expect(errorTied(phone, errors)).toBe(true);
    expect(errorTied({ ...phone, describedBy: [] }, errors)).toBe(false);
    const given = field(f, 'given');
    expect(errorTied(given, errors)).toBe(true);
    expect(errorTied({ ...given, describedBy: [{ id: 'given-hint', text: 'given names', found: true }] }, errors)).toBe(true);
    expect(errorTied({ ...given, describedBy: [{ id: 'given-hint', text: '', found: true }] }, errors)).toBe(false);
  });

  it('a red error with an icon (no error class, no prefix) beside one field is an error, not a hint', () => {
    const f = ties();
    const j = judgeForm(f);
    const withIcon = f.errors.find((e) => e.nonColourCues.includes('icon'))!;
    expect(withIcon).toMatchObject({ text: 'Enter your given names', why: ['red text'], repeats: 1 });
    expect(isRed(withIcon.color)).toBe(true);
    expect(j.errors).toContain(withIcon);
    expect(j.errorTexts(f.controls.find((c) => c.id === 'given')!)).toEqual(['Enter your given names']);
  });

  it('the brand-red "(required)" in every label is red but a hint: no field\'s error, no error tied by it', () => {
    const f = ties();
    const j = judgeForm(f);
    const hints = f.errors.filter((e) => e.text === '(required)');
    expect(hints).toHaveLength(3);
    expect(hints.every((h) => isRed(h.color) && h.tied && isHint(h))).toBe(true);
    const given = f.controls.find((c) => c.id === 'given')!;
    expect(errorTied(given, hints)).toBe(true);
    expect(j.errorTexts(given)).not.toContain('(required)');
    // Brand red on the design-system page: the probe's old in-page errorTied counted these hints.
    const brand = fs(ds('brand-red-required'));
    const oldTied = brand.controls.filter((c) => c.errorTied);
    expect(oldTied).toHaveLength(3);
    expect(oldTied.map((c) => [judgeForm(brand).errorTexts(c), judgeForm(brand).errorTied(c)])).toEqual([[[], false], [[], false], [[], false]]);
    expect(run(errorIdentifiedAudit, recordedProbe<Artifacts>('sr-errors-ties'))).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('red: saturated reds, brand red and error red are red; grey, near-black, faded and non-rgb colours are not', () => {
    expect(['rgb(176, 0, 32)', 'rgb(200, 16, 46)', 'rgb(212, 53, 28)', 'rgba(181, 9, 9, 0.9)'].map(isRed)).toEqual([true, true, true, true]);
    expect(['rgb(80, 90, 95)', 'rgb(40, 0, 0)', 'rgba(176, 0, 32, 0.3)', 'rgb(255, 200, 200)', 'rgb(200, 120, 0)', 'red', ''].map(isRed)).toEqual([false, false, false, false, false, false, false]);
  });

  it('the title mentions an error when it starts with an error word, in any of the languages the probe knows', () => {
    expect(['Error: Create an account', '  erreur :  créer', 'Pwoblèm: kreye', '⚠ Check'].map((title) => titleMentionsError({ title }))).toEqual([true, true, true, true]);
    expect(['Create an account', 'No errors', ''].map((title) => titleMentionsError({ title }))).toEqual([false, false, false]);
  });

  it('old artifacts: the redish and titleMentionsError the probe recorded agree with the audits\' judgement of color and title', () => {
    const dir = new URL('../recorded/probes/', import.meta.url);
    const old = readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => recordedProbe<Artifacts>(n.replace(/\.json$/, '')))
      .map((a) => a.gathered?.['form-semantics'] as ReturnType<typeof fs> | undefined).filter((f) => f?.titleMentionsError !== undefined).map((f) => f!);
    expect(old.length).toBeGreaterThanOrEqual(18);
    expect(old.some((f) => f.titleMentionsError)).toBe(true);
    expect(old.every((f) => titleMentionsError(f) === f.titleMentionsError)).toBe(true);
    const errors = old.flatMap((f) => f.errors);
    expect(errors.filter((e) => e.redish).length).toBeGreaterThan(5);
    expect(errors.every((e) => isRed(e.color) === e.redish)).toBe(true);
  });
});
