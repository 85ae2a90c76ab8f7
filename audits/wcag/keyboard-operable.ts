import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { KeyboardArtifact } from '../../harness/gatherers/types.ts';

export const keyboardOperableAudit: Audit = {
  meta: {
    id: 'keyboard-operable',
    title: 'Every control can be reached and used from the keyboard',
    failureTitle: 'Some controls cannot be reached or used from the keyboard',
    description: 'Controls that respond to a pointer but cannot take focus, and tabbable elements Tab never reached (WCAG 2.1.1).',
    requiredArtifacts: ['keyboard'],
    requirements: { wcag: ['2.1.1'] },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const kb = artifacts.gathered.keyboard as KeyboardArtifact;
    const trapped = new Set(kb.trap ? kb.unreached.map((u) => u.domPath) : []);
    const findings: DraftFinding[] = [
      ...kb.pointerOnly.map((el): DraftFinding => ({
        engines: ['portico'],
        ruleId: 'pointer-only-control',
        outcome: 'failed',
        impact: 'critical',
        message: `<${el.tag}> "${el.name}" responds to a click but cannot take keyboard focus, so a keyboard user cannot operate it.`,
        selector: el.domPath,
        domPath: el.domPath,
        snippet: el.html,
        wcag: ['2.1.1'],
      })),
      // Unreached because of a trap is the trap's finding, not a second one.
      ...kb.unreached.filter((u) => !trapped.has(u.domPath)).map((el): DraftFinding => ({
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
    return { outcome: findings.length ? 'failed' : 'passed', findings };
  },
};
