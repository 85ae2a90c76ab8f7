import { describe, expect, it } from 'vitest';
import { needsAPerson, renderText } from './text.ts';
import { buildBundle } from '../bundle.ts';

describe('cantTell and untested are visible in the verdict', () => {
  it('the text summary says how many checks need a person, even on a clean run', () => {
    const bundle = buildBundle({ startedAt: '', findings: [], incomplete: [], versions: {}, verdicts: [
      { auditId: 'error-identified', checkpoint: 'c', url: 'u', outcome: 'cantTell', findingCount: 0 },
      { auditId: 'axe', checkpoint: 'c', url: 'u', outcome: 'passed', findingCount: 0 },
      { auditId: 'visible-labels', checkpoint: 'c', url: 'u', outcome: 'untested', findingCount: 0 },
    ] });
    expect(bundle.status).toBe('clean');
    expect(needsAPerson(bundle)).toEqual({ cantTell: 1, untested: 1 });
    expect(renderText(bundle)).toMatch(/Needs a person: 1 check\(s\) the automated audits could not decide \(cantTell\) · 1 untested/);
  });
});
