import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const recorded = (name: string): Artifacts => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as Artifacts;
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
import { errorIdentifiedAudit, NATIVE_BUBBLE_NOTE } from './error-identified.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const fs = (a: Artifacts) => gathered(a, 'form-semantics');

describe('error-identified', () => {
  it('fails fields shown in error by red colour only (3.3.1 + 1.4.1), one finding per field', () => {
    const r = run(errorIdentifiedAudit, recorded('sr-errors-color-only'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({ ruleId: 'error-identified', impact: 'critical', wcag: ['3.3.1', '1.4.1'] });
    expect(r.findings[0].message).toMatch(/"Email address" is shown in error only by colour/);
    expect(r.findings[0].domPath).toMatch(/input:nth-of-type\(1\)$/);
  });

  it('passes errors in text, aria-invalid and tied by aria-describedby', () => {
    expect(run(errorIdentifiedAudit, recorded('sr-errors-announced'))).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('fails error text that is on screen but not tied to its field', () => {
    const r = run(errorIdentifiedAudit, recorded('sr-errors-silent'));
    expect(r.findings).toEqual([expect.objectContaining({ outcome: 'failed', impact: 'serious', wcag: ['3.3.1'] })]);
    expect(r.findings[0].message).toMatch(/"Error: Enter a valid email address" on screen/);
  });

  it('fails aria-invalid with no error text at all', () => {
    const a = recorded('sr-errors-announced');
    const f = fs(a);
    f.summary = null; f.errors = [];
    for (const c of f.controls) { c.errorTexts = []; c.baseline = { border: c.appearance.border, label: c.appearance.label, group: c.appearance.group }; }
    const r = run(errorIdentifiedAudit, a);
    expect(r.findings.map((x) => x.message)).toEqual([expect.stringMatching(/aria-invalid, but no error text/), expect.stringMatching(/aria-invalid, but no error text/)]);
  });

  it('flags a form whose submit the browser stopped with its own validation bubble', () => {
    const r = run(errorIdentifiedAudit, recorded('sr-native-validation'));
    expect(r.outcome).toBe('failed');
    expect(r.findings[0]).toMatchObject({ ruleId: 'native-validation-bubbles', wcag: ['3.3.1'], other: [NATIVE_BUBBLE_NOTE] });
    const { findings } = runAudits([errorIdentifiedAudit], [recorded('sr-native-validation')]);
    expect(findings[0].requirements.other).toEqual([NATIVE_BUBBLE_NOTE]);
  });

  it('is inapplicable when no errors are shown and forms use novalidate', () => {
    expect(run(errorIdentifiedAudit, recorded('sr-form-labelled')).outcome).toBe('inapplicable');
  });

  it('does not judge required / type=email on a form nobody has submitted (no error on screen)', () => {
    const a = recorded('sr-native-validation');
    for (const f of fs(a).forms) f.userInvalid = 0;
    const r = run(errorIdentifiedAudit, a);
    expect(r).toMatchObject({ outcome: 'inapplicable', findings: [] });
    expect(r.notes?.join(' ')).toMatch(/no submit was stopped/);
  });

  it('a colour every field has by design is no error mark; a field that differs from its pristine clone is', () => {
    const a = recorded('sr-errors-color-only');
    const f = fs(a);
    // Brand red everywhere: the page's normal styling for every field is red already.
    for (const c of f.controls) c.baseline = { border: c.appearance.border, label: c.appearance.label, group: c.appearance.group };
    expect(run(errorIdentifiedAudit, a)).toMatchObject({ outcome: 'inapplicable', findings: [] });
  });
});
