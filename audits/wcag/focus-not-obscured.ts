import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

export const focusNotObscuredAudit: Audit = {
  meta: {
    id: 'focus-not-obscured',
    title: 'Focused elements are not hidden by other content',
    failureTitle: 'Focused elements are entirely hidden by other content',
    description: 'At each Tab stop, samples the focused box: when all of it is covered by author content (sticky headers, banners) the user cannot see it (WCAG 2.4.11).',
    requiredArtifacts: ['keyboard'],
    requirements: { wcag: ['2.4.11'] },
    rules: {
      'focus-obscured': { title: 'The focused control is hidden by content the page puts over it', wcag: ['2.4.11'], impact: 'serious', help: 'Keep sticky headers, footers and banners from covering the focused control (scroll-padding, or close the overlay).' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const kb = gathered(artifacts, 'keyboard');
    if (kb.sequence.length === 0) return { outcome: 'inapplicable', findings: [] };
    const hidden = kb.sequence.filter((s) => s.rect && s.obscured >= 1);
    return {
      outcome: hidden.length ? 'failed' : 'passed',
      findings: hidden.map((s) => ({
        engines: ['portico'],
        ruleId: 'focus-obscured',
        outcome: 'failed' as const,
        impact: 'serious' as const,
        message: `Tab stop ${s.index + 1}, <${s.tag}> "${s.name}", is entirely covered by other content when focused.`,
        selector: s.domPath ?? undefined,
        domPath: s.domPath ?? undefined,
        wcag: ['2.4.11'],
      })),
    };
  },
};
