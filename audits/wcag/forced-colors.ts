import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/** At most this many findings of one kind per page (the rest are counted in the notes). */
const CAP = 10;

/**
 * Forced colours (1.4.11 Non-text Contrast, 1.4.3 Contrast, 2.4.7 Focus Visible, with the person's
 * own palette forced): what the forced-colors probe saw vanish against the page in its own colours.
 * A probe whose emulation did not apply is cantTell, never a pass.
 */
export const forcedColorsAudit: Audit = {
  meta: {
    id: 'forced-colors',
    title: 'Controls, icons, focus and text stay visible in forced colours',
    failureTitle: 'Something stops being visible in forced colours',
    description:
      'With forced-colors: active (Windows contrast themes and the like), a control that had a visible boundary keeps one, an icon a control depends on stays distinguishable (3:1) from the forced background, a focus indicator stays visible (box-shadow is dropped), and text kept in author colours by forced-color-adjust: none keeps 4.5:1.',
    requiredArtifacts: ['forced-colors'],
    requirements: { wcag: ['1.4.11', '1.4.3', '2.4.7'] },
    mode: 'automatic',
    rules: {
      'forced-colors-boundary': { title: 'A control loses its boundary in forced colours', wcag: ['1.4.11'], impact: 'serious', help: 'Give controls a border (a transparent one shows in forced colours).' },
      'forced-colors-icon': { title: 'An icon vanishes in forced colours', wcag: ['1.4.11'], impact: 'serious', help: 'Draw icons with currentColor, or give the control text.' },
      'forced-colors-focus': { title: 'The focus indicator vanishes in forced colours', wcag: ['2.4.7'], impact: 'serious', help: 'Show focus with an outline (a transparent one shows in forced colours), not only a box-shadow.' },
      'forced-colors-adjust-none': { title: 'Text kept in author colours is unreadable in forced colours', wcag: ['1.4.3'], impact: 'serious', help: 'Avoid forced-color-adjust: none on text, or keep its contrast.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'forced-colors');
    if (r.alreadyForced) return { outcome: 'inapplicable', findings: [], notes: ['the page was already in forced colours: nothing to compare with'] };
    if (!r.active) return { outcome: 'cantTell', findings: [], notes: ['forced colours could not be emulated here'] };
    const notes = [`checked ${r.checked.controls} control(s), ${r.checked.icons} icon(s), ${r.checked.focusStops} Tab stop(s) in forced colours`];
    if (!r.restored) notes.push('the probe could not switch forced colours off again: later checks at this checkpoint may be affected');
    if (r.unknownIcons.length) notes.push(`${r.unknownIcons.length} icon(s) whose pixels could not be read (cross-origin images): not judged`);
    const findings: DraftFinding[] = [];
    const push = (kind: string, list: DraftFinding[]) => {
      findings.push(...list.slice(0, CAP));
      if (list.length > CAP) notes.push(`${list.length - CAP} more ${kind} not listed`);
    };
    push('controls without a boundary', r.lostBoundary.map((c) => ({
      engines: ['portico'], ruleId: 'forced-colors-boundary', outcome: 'failed', impact: 'serious',
      message: `In forced colours the ${c.tag}${c.name ? ` "${c.name}"` : ''} loses its boundary: its shape came from its background colour, which forced colours replace, and it has no border (a transparent border would show).`,
      selector: c.domPath, domPath: c.domPath, snippet: c.snippet, wcag: ['1.4.11'],
    })));
    push('icons', r.vanishedIcons.map((i) => ({
      engines: ['portico'], ruleId: 'forced-colors-icon', outcome: 'failed', impact: 'serious',
      message: `In forced colours the ${i.kind === 'svg' ? 'SVG icon (hard-coded fill/stroke, not currentColor)' : i.kind === 'img' ? 'image icon' : 'background-image icon'} of "${i.name || i.tag}" vanishes: ${i.forcedContrast === null ? 'it is no longer drawn' : `${i.forcedContrast.toFixed(2)}:1 against the forced background`} (it was ${i.normalContrast?.toFixed(2)}:1), and the control has no text.`,
      selector: i.domPath, domPath: i.domPath, snippet: i.snippet, wcag: ['1.4.11'],
    })));
    push('focus indicators', r.lostFocus.map((f) => ({
      engines: ['portico'], ruleId: 'forced-colors-focus', outcome: 'failed', impact: 'serious',
      message: `In forced colours the focus indicator of the ${f.tag}${f.name ? ` "${f.name}"` : ''} disappears: in the page's colours focus shows as ${f.normal}, in forced colours ${f.forced}.`,
      selector: f.domPath, domPath: f.domPath, snippet: f.snippet, wcag: ['2.4.7'],
    })));
    push('texts', r.adjustNoneLowContrast.map((t) => ({
      engines: ['portico'], ruleId: 'forced-colors-adjust-none', outcome: 'failed', impact: 'serious',
      message: `Text kept in the author's colours by forced-color-adjust: none ("${t.name}") is ${t.contrast.toFixed(2)}:1 (${t.color} on ${t.background}) in forced colours.`,
      selector: t.domPath, domPath: t.domPath, snippet: t.snippet, wcag: ['1.4.3'],
    })));
    return { outcome: findings.length ? 'failed' : 'passed', findings, notes };
  },
};
