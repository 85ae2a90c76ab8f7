import { describe, expect, it } from 'vitest';
import { exitAfterPlaywright, exitLine } from './run.ts';
import { buildBundle } from '../../harness/bundle.ts';
import type { Finding, RunBundle } from '../../harness/types.ts';

const finding = (outcome: Finding['outcome']): Finding => ({
  fingerprint: outcome, auditId: 'a', engines: ['portico'], ruleId: 'r', engineRules: {}, outcome, category: 'barrier', message: 'm',
  requirements: { wcag: [], section508: [], trustedTester: [], en301549: [], other: [] }, context: { checkpoint: 'c', url: 'u' }, evidence: [],
});
const bundle = (findings: Finding[], incomplete: RunBundle['incomplete'] = []) => buildBundle({ startedAt: '', findings, verdicts: [
  { auditId: 'error-identified', checkpoint: 'c', url: 'u', outcome: 'cantTell', findingCount: 0 },
  { auditId: 'visible-labels', checkpoint: 'c', url: 'u', outcome: 'untested', findingCount: 0 },
], incomplete, versions: {} });

describe('portico run keeps Playwright\'s exit code', () => {
  it('a non-zero Playwright exit makes a clean or barriers bundle incomplete (2), with the cause', () => {
    expect(exitAfterPlaywright(1, bundle([]))).toEqual({ code: 2, cause: expect.stringMatching(/Playwright exited 1 although the findings say "clean"/) });
    expect(exitAfterPlaywright(1, bundle([finding('failed')])).code).toBe(2);
  });
  it('with Playwright at 0 the bundle decides', () => {
    expect(exitAfterPlaywright(0, bundle([])).code).toBe(0);
    expect(exitAfterPlaywright(0, bundle([finding('failed')])).code).toBe(1);
    expect(exitAfterPlaywright(0, bundle([], [{ where: 'x', cause: 'y' }])).code).toBe(2);
  });
  it('the exit line says how many checks need a person', () => {
    const b = bundle([finding('failed'), finding('cantTell')]);
    expect(exitLine(exitAfterPlaywright(0, b), b)).toBe('portico run: exit 1 (barriers found) · 2 check(s) need a person (cantTell) · 1 untested');
  });
});
