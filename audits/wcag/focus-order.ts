import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { FocusOrderStop } from '../../harness/gatherers/probes/focus-order.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CAP = 10;
/** An upward jump of more than this many CSS px between two stops is against top-to-bottom reading. */
const UP = 40;

/** How the move from a to b runs against the reading order, or null when it does not. */
export function backwardJump(a: FocusOrderStop, b: FocusOrderStop, dir: 'ltr' | 'rtl'): string | null {
  const up = a.box.y - (b.box.y + b.box.height);
  if (up > UP) return `${up} px back up the page`;
  const sameRow = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y) > Math.min(a.box.height, b.box.height) / 2;
  if (sameRow) {
    const back = dir === 'ltr' ? a.box.x - (b.box.x + b.box.width) : b.box.x - (a.box.x + a.box.width);
    if (back > UP) return `${back} px back along the same line (${dir === 'ltr' ? 'leftwards' : 'rightwards'})`;
  }
  return null;
}

/**
 * 2.4.3 Focus Order: focus moves in an order that keeps meaning. A positive tabindex that pulls a
 * control out of DOM order and makes focus jump back against the reading order is F44 — failed.
 * Other jumps against the reading order (CSS order, absolute positioning, a second column) may be
 * meaningful: cantTell, with the two stops as evidence.
 */
export const focusOrderAudit: Audit = {
  meta: {
    id: 'focus-order',
    title: 'Focus moves in the reading order',
    failureTitle: 'Focus jumps against the reading order',
    description:
      'The sequential focus order (positive tabindex first, then DOM order) follows the page’s reading order: a positive tabindex that makes focus jump back is F44 (failed); other backward jumps are cantTell (2.4.3).',
    requiredArtifacts: ['focus-order'],
    requirements: { wcag: ['2.4.3'] },
    mode: 'semiAuto',
    rules: {
      'focus-order-tabindex': { title: 'A positive tabindex makes focus jump against the reading order', wcag: ['2.4.3'], other: ['F44'], impact: 'serious', help: 'Remove positive tabindex values; put elements in the DOM in the order they are read.' },
      'focus-order-visual': { title: 'Focus jumps back against the reading order', wcag: ['2.4.3'], other: ['C27'], impact: 'moderate', help: 'Make the DOM order match the visual order (avoid CSS order / row-reverse / positioning that reorders controls).' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'focus-order');
    if (r.stops.length < 2) return { outcome: 'inapplicable', findings: [], notes: [`${r.stops.length} focus stop(s): no order to judge`] };
    const notes = [`${r.stops.length} focus stop(s), ${r.positiveTabindex} with a positive tabindex`];
    const findings: DraftFinding[] = [];
    for (let i = 1; i < r.stops.length; i++) {
      const a = r.stops[i - 1];
      const b = r.stops[i];
      const jump = backwardJump(a, b, r.dir);
      if (!jump) continue;
      // The jump comes from a positive tabindex when one of the two has one and they are not neighbours in the DOM.
      const byTabindex = (a.tabindex > 0 || b.tabindex > 0) && b.domIndex !== a.domIndex + 1;
      const label = (s: FocusOrderStop) => `${s.tag}${s.name ? ` "${s.name}"` : ''}${s.tabindex > 0 ? ` (tabindex=${s.tabindex})` : ''}`;
      findings.push(byTabindex
        ? { engines: ['portico'], ruleId: 'focus-order-tabindex', outcome: 'failed', impact: 'serious',
            message: `After the ${label(a)}, Tab goes to the ${label(b)}, ${jump}: a positive tabindex takes focus out of the reading order.`,
            selector: b.domPath, domPath: b.domPath, snippet: b.snippet, wcag: ['2.4.3'] }
        : { engines: ['portico'], ruleId: 'focus-order-visual', outcome: 'cantTell', impact: 'moderate',
            message: `After the ${label(a)}, Tab goes to the ${label(b)}, ${jump}. Check that this order keeps the meaning (a second column can be fine; a reordered form is not).`,
            selector: b.domPath, domPath: b.domPath, snippet: b.snippet, wcag: ['2.4.3'] });
    }
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    const kept = findings.slice(0, CAP);
    return { outcome: kept.some((f) => f.outcome === 'failed') ? 'failed' : kept.length ? 'cantTell' : 'passed', findings: kept, notes };
  },
};
