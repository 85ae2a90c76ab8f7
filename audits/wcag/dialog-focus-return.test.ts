import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dialogFocusReturnAudit } from './dialog-focus-return.ts';
import type { DialogFocusArtifact } from '../../harness/gatherers/probes/dialog-focus.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { dialogFocusSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/dialog-focus-${name}.json`, import.meta.url), 'utf8')) as DialogFocusArtifact;
const run = (r: DialogFocusArtifact) => dialogFocusReturnAudit.audit(artifactsWith('dialog-focus', r), auditCtx);

describe('dialog-focus-return (2.4.3, recorded from the probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['native-returns', 'native-focus-body']) expect(dialogFocusSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('a native <dialog> that gives focus back to its opener passes', () => {
    expect(run(recorded('native-returns'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('focus sent to the document when the dialog closes is failed, on the opener', () => {
    const r = run(recorded('native-focus-body'));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'dialog-focus-lost', outcome: 'failed', wcag: ['2.4.3'], domPath: recorded('native-focus-body').trials[0].opener.domPath });
  });
  it('focus on another element is only cantTell; an opener that is gone is not judged', () => {
    const bad = recorded('native-focus-body');
    const elsewhere = { ...bad, trials: [{ ...bad.trials[0], focusAfterClose: { domPath: 'html>body>main>h1', tag: 'h1', name: 'Your circumstances' } }] };
    expect(run(elsewhere)).toMatchObject({ outcome: 'cantTell', findings: [{ ruleId: 'dialog-focus-elsewhere', outcome: 'cantTell' }] });
    expect(run({ ...bad, trials: [{ ...bad.trials[0], openerPresent: false }] })).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('no dialog opened, or none closed with Escape: inapplicable', () => {
    const bad = recorded('native-focus-body');
    expect(run({ ...bad, trials: [] }).outcome).toBe('inapplicable');
    expect(run({ ...bad, trials: [{ ...bad.trials[0], closedWithEscape: false, focusAfterClose: undefined }] }).outcome).toBe('inapplicable');
  });
});
