import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { capFindings, layoutFinding } from './layout-findings.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * WCAG 1.4.12 Text Spacing: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and
 * word spacing 0.16em forced, no text may be cut off (fixed-height or fixed-width boxes hiding
 * overflow) or drawn over other text.
 */
export const textSpacingAudit: Audit = {
  meta: {
    id: 'text-spacing',
    title: 'No loss of content when text spacing is increased',
    failureTitle: 'Text is clipped or overlaps when text spacing is increased',
    description: 'Injects the WCAG 1.4.12 spacing (line-height 1.5, paragraph spacing 2em, letter-spacing 0.12em, word-spacing 0.16em) and reports text newly clipped or overlapping (WCAG 1.4.12).',
    requiredArtifacts: ['text-spacing'],
    requirements: { wcag: ['1.4.12'] },
    rules: {
      'text-spacing-clipped': { title: 'Text is clipped when text spacing is increased', wcag: ['1.4.12'], impact: 'serious', help: 'Let boxes grow with their text: no fixed heights or overflow:hidden on text containers.' },
      'text-spacing-overlap': { title: 'Text overlaps other content when text spacing is increased', wcag: ['1.4.12'], impact: 'serious', help: 'Let boxes grow with their text: no fixed heights or absolutely positioned text.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'text-spacing');
    const evidence = [{ kind: 'artifact' as const, description: r.summary.join('\n') }];
    if (!r.applied) return { outcome: 'cantTell', findings: [], notes: ['the text-spacing style did not take effect on this page (blocked, e.g. by a Content-Security-Policy): nothing was tested'] };
    const notes: string[] = r.restored ? [] : ['the probe could not remove its style: later checks at this checkpoint may be affected'];
    const when = 'With WCAG 1.4.12 text spacing';
    const findings: DraftFinding[] = [
      ...r.newlyClipped.map((i) => layoutFinding(i, { ruleId: 'text-spacing-clipped', wcag: ['1.4.12'], when, evidence })),
      ...r.newOverlaps.map((i) => layoutFinding(i, { ruleId: 'text-spacing-overlap', wcag: ['1.4.12'], when, evidence })),
    ];
    if (findings.length === 0) return { outcome: 'passed', findings: [], notes: ['no text newly clipped or overlapping', ...notes] };
    return { outcome: 'failed', findings: capFindings(findings, notes), notes };
  },
};
