import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

export const keyboardOperableAudit: Audit = {
  meta: {
    id: 'keyboard-operable',
    title: 'Every control can be reached and used from the keyboard',
    failureTitle: 'Some controls cannot be reached or used from the keyboard',
    description: 'Controls that respond to a pointer but cannot take focus, and tabbable elements Tab never reached (WCAG 2.1.1).',
    requiredArtifacts: ['keyboard'],
    requirements: { wcag: ['2.1.1'] },
    rules: {
      'pointer-only-control': { title: 'A control works with a pointer only', wcag: ['2.1.1'], impact: 'critical', help: 'Use a native button or link, or give the element a role, tabindex="0" and key handlers.' },
      'tab-unreachable': { title: 'A control cannot be reached with the Tab key', wcag: ['2.1.1'], impact: 'serious', help: 'Keep every control in the tab order (no tabindex="-1" on controls a person must use).' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const kb = gathered(artifacts, 'keyboard');
    const trapped = new Set(kb.trap ? kb.unreached.map((u) => u.domPath) : []);
    const notes: string[] = [];
    // A pointer handler counts when it activates: an onclick, a click/press listener or a framework
    // onClick, or a widget role. A listener on a container of focusable controls is event delegation.
    const pointerOnly = kb.pointerOnly.filter((el) => {
      if (el.containsFocusable && !(el.via ?? []).some((v) => v.startsWith('role='))) { notes.push(`<${el.tag}> ${el.domPath}: a handler on a container of focusable controls (delegation), not judged`); return false; }
      return (el.via ?? ['onclick attribute']).length > 0;
    });
    // Behind an open modal dialog is unreachable on purpose; past the press limit is unknown.
    // Tab skips an iframe with nothing focusable inside (an empty frame): it is no control to reach.
    const unreached = kb.unreached.filter((u) => !trapped.has(u.domPath) && !u.behindModal && u.tag !== 'iframe');
    if (kb.unreached.some((u) => u.tag === 'iframe')) notes.push('an iframe Tab did not enter: nothing focusable inside it, or its content was not inspected');
    if (kb.unreached.some((u) => u.behindModal)) notes.push(`${kb.unreached.filter((u) => u.behindModal).length} element(s) behind an open modal dialog: not expected to be reached`);
    if (kb.listenersUnread) notes.push('event listeners could not be read over CDP: only onclick attributes and roles were seen');
    const findings: DraftFinding[] = [
      ...pointerOnly.map((el): DraftFinding => ({
        engines: ['portico'],
        ruleId: 'pointer-only-control',
        outcome: 'failed',
        impact: 'critical',
        message: `<${el.tag}> "${el.name}" responds to a click (${(el.via ?? ['onclick attribute']).join(', ')}) but cannot take keyboard focus, so a keyboard user cannot operate it.`,
        selector: el.domPath,
        domPath: el.domPath,
        snippet: el.html,
        wcag: ['2.1.1'],
      })),
      // Unreached because of a trap is the trap's finding, not a second one.
      ...(kb.capped ? [] : unreached).map((el): DraftFinding => ({
        engines: ['portico'],
        ruleId: 'tab-unreachable',
        outcome: 'failed',
        impact: 'serious',
        message: `<${el.tag}> "${el.name}" is focusable but Tab never reached it.`,
        selector: el.domPath,
        domPath: el.domPath,
        wcag: ['2.1.1'],
      })),
    ];
    if (kb.capped && unreached.length) {
      notes.push(`the walk stopped at its limit of ${kb.presses} Tab presses before focus went round the page: ${unreached.length} element(s) after that were not tried (not reported as unreachable)`);
      return { outcome: findings.length ? 'failed' : 'cantTell', findings, notes };
    }
    return { outcome: findings.length ? 'failed' : 'passed', findings, notes: notes.length ? notes : undefined };
  },
};
