import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { capFindings, layoutFinding } from './layout-findings.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/** Sub-pixel rounding and scrollbar gutters: overflow up to this many CSS px is not a failure. */
export const REFLOW_TOLERANCE_PX = 4;

/**
 * WCAG 1.4.10 Reflow at 320 CSS px: no horizontal scrolling for the page, and nothing cut off or
 * pushed out of reach. Content that needs two dimensions (data tables, pre/code, media, maps, own
 * scroll regions) is exempt and listed in the notes.
 */
export const reflowAudit: Audit = {
  meta: {
    id: 'reflow',
    title: 'Content reflows at 320 CSS px without horizontal scrolling',
    failureTitle: 'Content does not reflow at 320 CSS px',
    description: 'At a 320 CSS px wide viewport (1280 px at 400% zoom) the page must not scroll sideways and no content may be clipped or pushed off-screen, except content that needs two-dimensional layout (WCAG 1.4.10).',
    requiredArtifacts: ['reflow'],
    requirements: { wcag: ['1.4.10'] },
    rules: {
      'reflow-horizontal-scroll': { title: 'The page scrolls sideways at 320 CSS px', wcag: ['1.4.10'], impact: 'serious', help: 'Use fluid layouts and media queries; no fixed widths wider than the viewport.' },
      'reflow-content-cut-off': { title: 'Content is cut off at 320 CSS px', wcag: ['1.4.10'], impact: 'serious', help: 'Let content wrap at narrow widths instead of being pushed off screen.' },
      'reflow-content-clipped': { title: 'Content is clipped at 320 CSS px', wcag: ['1.4.10'], impact: 'serious', help: 'Let boxes grow with their content at narrow widths.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'reflow');
    const n = r.narrow;
    const notes: string[] = [];
    const evidence = [{ kind: 'artifact' as const, description: r.summary.join('\n') }];
    if (!r.restored) notes.push(`the probe could not restore the viewport (${r.restoredTo.width}×${r.restoredTo.height} instead of ${r.original.width}×${r.original.height}): later checks at this checkpoint may be affected`);
    if (n.counts.exempt > 0) notes.push(`${n.counts.exempt} element(s) not judged: ${[...new Set(n.exempt.map((e) => e.reason))].join('; ')}`);
    const findings: DraftFinding[] = [];
    const when = `At ${r.tested.width} CSS px wide`;
    const culprits = n.offScreen.slice(0, 3).map((i) => `<${i.tag}>${i.text ? ` "${i.text.slice(0, 40)}"` : ''} (${i.rect.width} px wide, ${i.domPath})`);
    if (n.horizontalOverflow > REFLOW_TOLERANCE_PX) {
      const cut = n.document.clipsX;
      findings.push({
        engines: ['portico'],
        ruleId: cut ? 'reflow-content-cut-off' : 'reflow-horizontal-scroll',
        outcome: 'failed',
        impact: 'serious',
        message: `${when} the page is ${n.document.scrollWidth} px wide: ${cut ? `${n.horizontalOverflow} px of content is cut off and cannot be scrolled to (the page hides horizontal overflow)` : `the reader must scroll ${n.horizontalOverflow} px sideways to read each line`}${culprits.length ? `; widest content: ${culprits.join(', ')}` : ''}.`,
        selector: 'html',
        domPath: 'html',
        snippet: culprits.length ? n.offScreen[0].snippet : '<html>',
        wcag: ['1.4.10'],
        evidence,
      });
    } else if (n.offScreen.length > 0) {
      // The page does not scroll, yet content sticks out of the viewport: it is out of reach.
      for (const i of n.offScreen) findings.push(layoutFinding(i, { ruleId: 'reflow-content-cut-off', wcag: ['1.4.10'], when, evidence }));
    }
    for (const i of r.newlyClipped) findings.push(layoutFinding(i, { ruleId: 'reflow-content-clipped', wcag: ['1.4.10'], when, evidence }));
    if (findings.length === 0) return { outcome: 'passed', findings: [], notes: [`${when}: no horizontal scrolling (${n.horizontalOverflow} px), nothing clipped or off-screen`, ...notes] };
    return { outcome: 'failed', findings: capFindings(findings, notes), notes };
  },
};
