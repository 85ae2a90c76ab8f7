import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered, gatheredIfAny } from '../../harness/artifacts/gathered.ts';

const CAP = 15;

/**
 * 1.4.3 at the width a phone (or 400 % zoom) lays the page out at. Text whose contrast is enough at
 * desktop width can fall short when the layout narrows — a header link that spills past its dark
 * bar onto the light page. Only text that fails at that width and not in the desktop axe run is
 * reported here (the desktop failures are axe's own findings); without a desktop run to compare
 * with, every failure at that width is reported.
 */
export const contrastAtPhoneWidthAudit: Audit = {
  meta: {
    id: 'contrast-at-phone-width',
    title: 'Text keeps its contrast when the page is laid out for a phone',
    failureTitle: 'Text loses contrast when the page is laid out for a phone',
    description:
      'axe’s color-contrast rule run with the page 320 CSS px wide (WCAG 1.4.10’s width: a phone, or 400 % zoom). Text that fails there but passed at desktop width fails 1.4.3: people who read on a phone or zoom in meet it.',
    requiredArtifacts: ['phone-width-contrast'],
    requirements: { wcag: ['1.4.3'] },
    mode: 'automatic',
    rules: {
      'contrast-at-phone-width': { title: 'Text has too little contrast at phone width', wcag: ['1.4.3'], impact: 'serious', help: 'Check the narrow layout: keep text on the background it was designed for (contain it in its bar, or give it its own background).' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const narrow = gathered(artifacts, 'phone-width-contrast');
    if (narrow.width === null) return { outcome: 'cantTell', findings: [], notes: [narrow.note ?? 'the page could not be laid out at phone width'] };
    const desktop = gatheredIfAny(artifacts, 'axe');
    const desktopRun = desktop && !('error' in desktop) ? desktop : undefined;
    const failingAtDesktop = new Set((desktopRun?.violations ?? []).filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => n.domPath)));
    const onlyNarrow = narrow.failing.filter((n) => !n.domPath || !failingAtDesktop.has(n.domPath));
    const notes = [`${narrow.failing.length} text element(s) below the contrast minimum at ${narrow.width} px${desktopRun ? `, ${onlyNarrow.length} of them not at desktop width` : ' (no desktop axe run to compare with)'}`];
    if (!onlyNarrow.length) return { outcome: 'passed', findings: [], notes };
    const findings: DraftFinding[] = onlyNarrow.slice(0, CAP).map((n) => ({
      engines: ['portico'], ruleId: 'contrast-at-phone-width', outcome: 'failed', impact: 'serious',
      message: `At ${narrow.width} px wide (a phone, or 400 % zoom) this text has too little contrast${desktopRun ? ', though it has enough at desktop width' : ''}: ${n.summary.replace(/\s+/g, ' ').replace(/^Fix any of the following:\s*/i, '').trim()}`,
      ...(n.domPath ? { selector: n.domPath, domPath: n.domPath } : {}), snippet: n.html, wcag: ['1.4.3'],
    }));
    if (onlyNarrow.length > CAP) notes.push(`${onlyNarrow.length - CAP} more not listed`);
    return { outcome: 'failed', findings, notes };
  },
};
