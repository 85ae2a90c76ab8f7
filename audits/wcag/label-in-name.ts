import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CAP = 15;

/** Case, punctuation and symbols (asterisks, arrows, ×) do not matter to a person saying the label. */
export const normaliseLabel = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

/** Whether the accessible name contains the visible label as a phrase (word-bounded). */
export const nameContainsLabel = (name: string, label: string) => ` ${normaliseLabel(name)} `.includes(` ${normaliseLabel(label)} `);

/**
 * 2.5.3 Label in Name (F96): a control whose visible text label is not in its accessible name
 * cannot be operated by saying what is written on it (speech input), and what a screen reader
 * says differs from what is seen. The probe read the visible label (visually hidden text left
 * out) and Chromium's accessible name; an empty name is another rule's business (4.1.2).
 * When every word of the label is in the name but not as one phrase, the verdict is cantTell.
 */
export const labelInNameAudit: Audit = {
  meta: {
    id: 'label-in-name',
    title: 'The visible label of each control is part of its accessible name',
    failureTitle: 'A control’s accessible name does not contain its visible label',
    description:
      'For buttons, links, tabs, menu items and form fields with a visible text label, the accessible name (as Chromium computes it) contains that label as a phrase — so a speech-input user can say what they see (2.5.3, F96). Best practice puts it at the start.',
    requiredArtifacts: ['label-in-name'],
    requirements: { wcag: ['2.5.3'] },
    mode: 'automatic',
    rules: {
      'label-in-name': { title: 'The accessible name does not contain the visible label', wcag: ['2.5.3'], other: ['F96'], impact: 'serious', help: 'Start the accessible name (aria-label, aria-labelledby) with the visible text, or drop the aria-label.' },
      'label-in-name-order': { title: 'The accessible name has the label’s words, but not as one phrase', wcag: ['2.5.3'], impact: 'minor', help: 'Keep the visible label together, in order, at the start of the accessible name.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'label-in-name');
    if (r.source === 'none') return { outcome: 'cantTell', findings: [], notes: ['accessible names could not be read (no CDP in this browser)'] };
    const judged = r.controls.filter((c) => c.accessibleName && normaliseLabel(c.visibleLabel));
    if (!judged.length) return { outcome: 'inapplicable', findings: [], notes: [`${r.checked} control(s); none with both a visible text label and an accessible name`] };
    const notes = [`${judged.length} control(s) with a visible text label compared with their accessible name`];
    const findings: DraftFinding[] = [];
    for (const c of judged) {
      if (nameContainsLabel(c.accessibleName, c.visibleLabel)) continue;
      const nameWords = new Set(normaliseLabel(c.accessibleName).split(' '));
      const allWords = normaliseLabel(c.visibleLabel).split(' ').every((w) => nameWords.has(w));
      const what = `${c.role || c.tag} labelled "${c.visibleLabel}"${c.labelFrom === 'label' ? ' (by its <label>)' : ''}`;
      findings.push(allWords
        ? { engines: ['portico'], ruleId: 'label-in-name-order', outcome: 'cantTell', impact: 'minor',
            message: `The ${what} is named "${c.accessibleName}": the label's words are all there, but not together as seen. Check that saying the visible label operates it.`,
            selector: c.domPath, domPath: c.domPath, snippet: c.snippet, wcag: ['2.5.3'] }
        : { engines: ['portico'], ruleId: 'label-in-name', outcome: 'failed', impact: 'serious',
            message: `The ${what} is named "${c.accessibleName}"${c.nameFrom ? ` (from ${c.nameFrom})` : ''}: the visible label is not part of the name, so saying "${c.visibleLabel}" does not reach it and a screen reader announces something other than what is shown.`,
            selector: c.domPath, domPath: c.domPath, snippet: c.snippet, wcag: ['2.5.3'] });
    }
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    const kept = findings.slice(0, CAP);
    return { outcome: kept.some((f) => f.outcome === 'failed') ? 'failed' : kept.length ? 'cantTell' : 'passed', findings: kept, notes };
  },
};
