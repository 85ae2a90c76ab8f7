import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

export const keyboardTrapAudit: Audit = {
  meta: {
    id: 'keyboard-trap',
    title: 'Keyboard focus can always move on',
    failureTitle: 'Keyboard focus is trapped',
    description: 'Tabs through the page: a cycle of focus that leaves content unreachable and that Shift+Tab cannot leave is a keyboard trap (WCAG 2.1.2).',
    requiredArtifacts: ['keyboard'],
    requirements: { wcag: ['2.1.2'] },
    rules: {
      'keyboard-trap': { title: 'Keyboard focus is trapped', wcag: ['2.1.2'], impact: 'critical', help: 'Let Tab and Shift+Tab (or Escape) move focus out of every component.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const kb = gathered(artifacts, 'keyboard');
    if (kb.sequence.length === 0) return { outcome: 'inapplicable', findings: [], notes: ['nothing on the page takes keyboard focus'] };
    if (!kb.trap) return kb.capped ? { outcome: 'cantTell', findings: [], notes: [`the walk stopped at its limit of ${kb.presses} Tab presses before focus went round the page`] } : { outcome: 'passed', findings: [] };
    // An open modal dialog keeps focus inside it by design (WAI-ARIA dialog pattern): not a trap.
    if (kb.trap.insideModal) return { outcome: 'passed', findings: [], notes: ['focus cycles inside an open modal dialog (aria-modal / <dialog> shown modal): the dialog pattern, not a trap'] };
    const first = kb.trap.domPaths[0];
    const stop = kb.sequence.find((s) => s.domPath === first);
    return {
      outcome: 'failed',
      findings: [{
        engines: ['portico'],
        ruleId: 'keyboard-trap',
        outcome: 'failed',
        impact: 'critical',
        message: kb.trap.inFrame
          ? `Keyboard focus is trapped inside the embedded frame <${stop?.tag ?? 'iframe'}> "${stop?.name ?? ''}": Tab keeps focus on ${kb.trap.inFrame.domPaths.length} element(s) of the frame (${kb.trap.inFrame.domPaths.slice(0, 3).join(', ')}) and never leaves it (${kb.unreached.length} element(s) of the page unreachable); Shift+Tab does not escape either (F10).`
          : `Keyboard focus is trapped: Tab cycles through ${kb.trap.domPaths.length} element(s) starting at <${stop?.tag ?? '?'}> "${stop?.name ?? ''}" and never reaches the rest of the page (${kb.unreached.length} element(s) unreachable); Shift+Tab ${kb.trap.escapedWithShiftTab ? 'escapes' : 'does not escape either'}.`,
        selector: first,
        domPath: first,
        wcag: ['2.1.2'],
      }],
    };
  },
};
