import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { capFindings, layoutFinding } from './layout-findings.ts';
import { REFLOW_TOLERANCE_PX } from './reflow.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * WCAG 1.4.4 Resize Text at 200% page zoom: no text newly clipped or drawn over other text.
 * Horizontal scrolling alone is not a 1.4.4 failure (reflow's business), but content the page hides
 * beyond its edge (overflow hidden on html/body) is lost, so it is reported.
 */
export const resizeTextAudit: Audit = {
  meta: {
    id: 'resize-text',
    title: 'Text can be resized to 200% without loss of content',
    failureTitle: 'Text is clipped or overlaps at 200% zoom',
    description: 'Emulates 200% page zoom and reports text that becomes clipped (overflow hidden, ellipsis, line clamp) or overlaps other text, compared with 100% (WCAG 1.4.4).',
    requiredArtifacts: ['text-resize'],
    requirements: { wcag: ['1.4.4'] },
    rules: {
      'resize-text-clipped': { title: 'Text is clipped at 200 % text size', wcag: ['1.4.4'], impact: 'serious', help: 'Size text containers in relative units and let them grow with the text.' },
      'resize-text-overlap': { title: 'Text overlaps other content at 200 % text size', wcag: ['1.4.4'], impact: 'serious', help: 'Size text containers in relative units and let them grow with the text.' },
      'resize-text-cut-off': { title: 'Content is cut off at 200 % text size', wcag: ['1.4.4'], impact: 'serious', help: 'Do not fix the page height or hide overflow on the page.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'text-resize');
    const notes: string[] = [];
    const evidence = [{ kind: 'artifact' as const, description: r.summary.join('\n') }];
    if (r.factor < 2) notes.push(`the window (${r.original.width} px) allowed only ${Math.round(r.factor * 100)}% before going under 320 CSS px`);
    if (!r.restored) notes.push('the probe could not restore the viewport exactly');
    const when = `At ${Math.round(r.factor * 100)}% zoom (${r.zoomed.width} CSS px wide)`;
    const findings: DraftFinding[] = [
      ...r.newlyClipped.map((i) => layoutFinding(i, { ruleId: 'resize-text-clipped', wcag: ['1.4.4'], when, evidence })),
      ...r.newOverlaps.map((i) => layoutFinding(i, { ruleId: 'resize-text-overlap', wcag: ['1.4.4'], when, evidence })),
    ];
    if (r.atZoom.document.clipsX && r.atZoom.horizontalOverflow > REFLOW_TOLERANCE_PX) {
      findings.push({
        engines: ['portico'], ruleId: 'resize-text-cut-off', outcome: 'failed', impact: 'serious',
        message: `${when}, ${r.atZoom.horizontalOverflow} px of the page is beyond the window and the page hides horizontal overflow: that content cannot be reached.`,
        selector: 'html', domPath: 'html', snippet: '<html>', wcag: ['1.4.4'], evidence,
      });
    }
    if (findings.length === 0) return { outcome: 'passed', findings: [], notes: [`${when}: no text newly clipped or overlapping`, ...notes] };
    return { outcome: 'failed', findings: capFindings(findings, notes), notes };
  },
};
