import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { FormControlInfo } from '../../harness/gatherers/probes/form-semantics.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const describe = (c: FormControlInfo) => `<${c.tag}${c.type && c.tag === 'input' ? ` type=${c.type}` : ''}${c.nameAttr ? ` name="${c.nameAttr}"` : c.id ? ` id="${c.id}"` : ''}>`;
const inGroup = (c: FormControlInfo) => (c.group ? ` (in the group "${c.group}")` : '');

/**
 * Every form control needs a label a sighted person can see while typing and a screen reader can
 * announce. A placeholder is not one: it disappears as soon as the person types, is often low in
 * contrast, and axe accepts it as an accessible name — so axe does not catch placeholder-only
 * fields. A <select> whose first option ("Nationality") stands in for a label has no name at all.
 */
export const visibleLabelsAudit: Audit = {
  meta: {
    id: 'visible-labels',
    title: 'Form controls have visible, programmatic labels',
    failureTitle: 'Form controls are labelled only by a placeholder, or not at all',
    description:
      'Reads each form control\'s accessible name and where it comes from. A control named only by its placeholder (gone once the person types) fails 1.3.1 and 3.3.2; a control with no name at all also fails 4.1.2. A control named only by aria-label/title with no visible label is reported as cannot-tell (3.3.2).',
    requiredArtifacts: ['form-semantics'],
    requirements: { wcag: ['1.3.1', '3.3.2', '4.1.2'] },
    rules: {
      'label': { title: 'A form field has no accessible name', wcag: ['1.3.1', '3.3.2', '4.1.2'], impact: 'critical', help: 'Give the field a <label for>, or aria-labelledby pointing at its visible label.' },
      'select-name': { title: 'A select has no accessible name', wcag: ['1.3.1', '3.3.2', '4.1.2'], impact: 'critical', help: 'Give the select a <label for>, or aria-labelledby pointing at its visible label.' },
      'placeholder-only-label': { title: 'A field is labelled only by its placeholder', wcag: ['1.3.1', '3.3.2'], impact: 'serious', help: 'Add a visible label; the placeholder disappears as soon as the person types.' },
      'visible-label': { title: 'A field has no visible label', wcag: ['3.3.2'], impact: 'serious', help: 'Show a label next to the field, and use it as the accessible name.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const fs = gathered(artifacts, 'form-semantics');
    // A disabled control is not a field the person fills, and one made presentational (role=none) is not exposed as one (ACT e086e5).
    const controls = (fs.controls ?? []).filter((c) => !c.disabled && c.role !== 'none' && c.role !== 'presentation');
    if (controls.length === 0) return { outcome: 'inapplicable', findings: [], notes: ['no visible form controls on the page'] };
    const findings: DraftFinding[] = [];
    for (const c of controls) {
      const name = (c.axName ?? c.name ?? '').trim();
      const base = { engines: ['portico'] as DraftFinding['engines'], selector: c.domPath, domPath: c.domPath, snippet: c.snippet };
      if (!name) {
        const stand = c.firstOptionText
          ? ` Its first option "${c.firstOptionText}" stands in for a label: a screen reader announces it as the selected value, not as the field's name, and it is gone once a choice is made.`
          : c.placeholder ? ` Its placeholder "${c.placeholder}" is not exposed as a name.` : '';
        findings.push({
          ...base,
          ruleId: c.tag === 'select' ? 'select-name' : 'label',
          outcome: 'failed',
          impact: 'critical',
          message: `${c.role} ${describe(c)}${inGroup(c)} has no accessible name and no visible label: a screen reader announces only "${c.role}".${stand}`,
          wcag: ['1.3.1', '3.3.2', '4.1.2'],
        });
      } else if (c.nameSource === 'placeholder' && !c.visibleLabel) {
        findings.push({
          ...base,
          ruleId: 'placeholder-only-label',
          outcome: 'failed',
          impact: 'serious',
          message: `${c.role} ${describe(c)}${inGroup(c)} is labelled only by its placeholder "${c.placeholder ?? name}": there is no <label>, and the text disappears as soon as the person types, so what the field asks for is lost (axe accepts a placeholder as a name and does not report this).`,
          wcag: ['1.3.1', '3.3.2'],
        });
      } else if (!c.visibleLabel) {
        if (c.labelHidden && c.placeholder) {
          findings.push({
            ...base,
            ruleId: 'visible-label',
            outcome: 'failed',
            impact: 'serious',
            message: `${c.role} "${name}" ${describe(c)}${inGroup(c)} has a visually hidden label; sighted users see only the placeholder "${c.placeholder}", which disappears while typing.`,
            wcag: ['3.3.2'],
          });
        } else {
          findings.push({
            ...base,
            ruleId: 'visible-label',
            outcome: 'cantTell',
            impact: 'moderate',
            message: `${c.role} "${name}" ${describe(c)}${inGroup(c)} is named by ${c.nameSource}, but no visible label was found next to it; check that its purpose is visible.`,
            wcag: ['3.3.2'],
          });
        }
      }
    }
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length ? 'cantTell' : 'passed';
    return { outcome, findings, notes: fs.truncated ? ['more controls than the probe records: only the first ones were checked'] : undefined };
  },
};
