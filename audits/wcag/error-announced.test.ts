import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Artifacts, Audit } from '../../harness/types.ts';
import { runAudits } from '../../harness/run-audits.ts';

const recorded = (name: string): Artifacts => JSON.parse(readFileSync(new URL(`../recorded/probes/${name}.json`, import.meta.url), 'utf8')) as Artifacts;
const run = (audit: Audit, a: Artifacts) => audit.audit(a, { checkpoint: a.checkpoint, url: a.url, pagePath: a.pagePath, context: a.context });
import { errorAnnouncedAudit } from './error-announced.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const fs = (a: Artifacts) => gathered(a, 'form-semantics');

describe('error-announced', () => {
  it('fails red-only errors: nothing focused, no live region (4.1.3)', () => {
    const r = run(errorAnnouncedAudit, recorded('sr-errors-color-only'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'error-announced', wcag: ['4.1.3'], impact: 'serious' })]);
    expect(r.findings[0].message).toMatch(/colour only \("Email address", "Given names"\).*focus is on the document body/);
  });

  it('fails error text that is neither focused nor in a live region', () => {
    const r = run(errorAnnouncedAudit, recorded('sr-errors-silent'));
    expect(r.findings[0].message).toMatch(/"Error: Enter a valid email address"/);
  });

  it('passes a focused role=alert error summary', () => {
    expect(run(errorAnnouncedAudit, recorded('sr-errors-announced'))).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('passes an unfocused role=alert summary (live region) and focus on a field in error', () => {
    const a = recorded('sr-errors-announced');
    fs(a).activeElement = null; // focus left the summary: its role=alert still announces the errors
    expect(run(errorAnnouncedAudit, a).outcome).toBe('passed');
    fs(a).liveRegions = []; // no live region either
    expect(run(errorAnnouncedAudit, a).outcome).toBe('failed');
    const email = fs(a).controls.find((c) => c.id === 'email')!;
    fs(a).activeElement = { domPath: email.domPath, tag: 'input', role: null, name: 'Email address', inSummary: false };
    expect(run(errorAnnouncedAudit, a).outcome).toBe('passed');
  });

  it('is inapplicable without errors (native bubbles are error-identified\'s business)', () => {
    expect(run(errorAnnouncedAudit, recorded('sr-form-labelled')).outcome).toBe('inapplicable');
    expect(run(errorAnnouncedAudit, recorded('sr-native-validation')).outcome).toBe('inapplicable');
  });
});
