import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

export const focusVisibleAudit: Audit = {
  meta: {
    id: 'focus-visible',
    title: 'Keyboard focus is visible',
    failureTitle: 'Keyboard focus is not visible',
    description: "Compares each Tab stop's pixels focused and unfocused: no difference means a keyboard user cannot see where they are (WCAG 2.4.7).",
    requiredArtifacts: ['keyboard'],
    requirements: { wcag: ['2.4.7'] },
    rules: {
      'focus-visible': { title: 'Keyboard focus is not visible', wcag: ['2.4.7'], impact: 'serious', help: 'Do not remove the focus outline; give :focus-visible a clear indicator.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const kb = gathered(artifacts, 'keyboard');
    // Focus that enters an iframe lands in the frame's own document, where its indicator is drawn:
    // comparing the <iframe> element's box says nothing about it.
    const frames = kb.sequence.filter((s) => s.tag === 'iframe');
    const notes = frames.length ? [`${frames.length} Tab stop(s) entered an iframe: the focus indicator inside the frame was not compared`] : [];
    const checked = kb.sequence.filter((s) => s.visibleFocus !== null && s.tag !== 'iframe');
    if (checked.length === 0) return { outcome: kb.sequence.length ? 'cantTell' : 'inapplicable', findings: [], notes: ['no focus stop could be compared', ...notes] };
    const invisible = checked.filter((s) => s.visibleFocus === false);
    return {
      outcome: invisible.length ? 'failed' : 'passed',
      notes,
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
