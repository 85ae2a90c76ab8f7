import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import type { KeyboardArtifact } from '../../harness/gatherers/types.ts';

export const focusVisibleAudit: Audit = {
  meta: {
    id: 'focus-visible',
    title: 'Keyboard focus is visible',
    failureTitle: 'Keyboard focus is not visible',
    description: "Compares each Tab stop's pixels focused and unfocused: no difference means a keyboard user cannot see where they are (WCAG 2.4.7).",
    requiredArtifacts: ['keyboard'],
    requirements: { wcag: ['2.4.7'] },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const kb = artifacts.gathered.keyboard as KeyboardArtifact;
    const checked = kb.sequence.filter((s) => s.visibleFocus !== null);
    if (checked.length === 0) return { outcome: kb.sequence.length ? 'cantTell' : 'inapplicable', findings: [], notes: ['no focus stop could be compared'] };
    const invisible = checked.filter((s) => s.visibleFocus === false);
    return {
      outcome: invisible.length ? 'failed' : 'passed',
      findings: invisible.map((s) => ({
        engines: ['portico'],
        ruleId: 'focus-visible',
        outcome: 'failed' as const,
        impact: 'serious' as const,
        message: `Tab stop ${s.index + 1}, <${s.tag}> "${s.name}", looks exactly the same focused and unfocused.`,
        selector: s.domPath ?? undefined,
        domPath: s.domPath ?? undefined,
        wcag: ['2.4.7'],
      })),
    };
  },
};
