import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { FormControlInfo, FormSemanticsArtifact } from '../../harness/gatherers/probes/form-semantics.ts';

export const NATIVE_BUBBLE_NOTE = 'native validation bubble: not announced reliably, not translated to the page language, disappears';

const label = (c: FormControlInfo) => `"${c.name || c.visibleLabelText || c.placeholder || c.nameAttr || c.id || c.tag}"`;

/**
 * On a page that shows validation errors, each field in error must be identified in text (not by
 * colour alone, WCAG 1.4.1) and programmatically: aria-invalid plus the error text in its
 * description (aria-describedby / aria-errormessage), so a screen reader says what is wrong when
 * the person reaches the field (WCAG 3.3.1). Forms that leave validation to the browser's own
 * bubbles are flagged too: the bubble is in the browser's language, vanishes after a moment and is
 * not reliably announced.
 */
export const errorIdentifiedAudit: Audit = {
  meta: {
    id: 'error-identified',
    title: 'Errors are identified in text and tied to their fields',
    failureTitle: 'Errors are not identified in text, or not tied to their fields',
    description:
      'On a page showing validation errors: every field in error has error text (not colour alone) that is programmatically tied to it (aria-invalid + aria-describedby/aria-errormessage). Forms relying on native browser validation bubbles are flagged. Not applicable when no errors are shown and no form uses native validation.',
    requiredArtifacts: ['form-semantics'],
    requirements: { wcag: ['3.3.1', '1.4.1'] },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const fs = artifacts.gathered['form-semantics'] as FormSemanticsArtifact;
    const findings: DraftFinding[] = [];
    const notes: string[] = [];
    const native = (fs.forms ?? []).filter((f) => !f.noValidate && f.constrainedControls > 0);
    for (const f of native) {
      const msgs = f.validationMessages.length ? ` The browser's own message reads "${f.validationMessages[0]}" (in the browser's language; the page is lang="${fs.lang ?? '?'}").` : '';
      findings.push({
        engines: ['portico'],
        ruleId: 'native-validation-bubbles',
        outcome: 'failed',
        impact: 'serious',
        message: `The form (action "${f.action}") has ${f.constrainedControls} control(s) with required/pattern/type constraints and no novalidate: errors are shown only in the browser's validation bubble, which is not reliably announced, is not translated to the page language and disappears, and the form never reaches the server's own error messages.${msgs}`,
        selector: f.domPath,
        domPath: f.domPath,
        wcag: ['3.3.1'],
        other: [NATIVE_BUBBLE_NOTE],
      });
    }
    if (!fs.errorsShown) {
      if (findings.length) return { outcome: 'failed', findings };
      return { outcome: 'inapplicable', findings: [], notes: ['no validation errors are shown on the page'] };
    }
    const summaryFor = new Map<string, string>();
    for (const l of fs.summary?.links ?? []) if (l.target) summaryFor.set(l.target, l.text);
    const inError = fs.controls.filter((c) => c.ariaInvalid === 'true' || c.errorTexts.length > 0 || c.colourMarked || summaryFor.has(c.domPath));
    for (const c of inError) {
      const base = { engines: ['portico'] as DraftFinding['engines'], ruleId: 'error-identified', selector: c.domPath, domPath: c.domPath, snippet: c.snippet };
      const invalid = c.ariaInvalid === 'true';
      const summaryText = summaryFor.get(c.domPath);
      if (c.errorTexts.length === 0 && !summaryText) {
        if (c.colourMarked) {
          findings.push({
            ...base,
            outcome: 'failed',
            impact: 'critical',
            message: `Field ${label(c)} is shown in error only by colour (${c.colourMarkDetail}): no text says what is wrong${invalid ? '' : ', it is not marked aria-invalid'}, and nothing is tied to it, so a screen-reader user (and anyone who cannot tell red apart) never learns there is an error.`,
            wcag: ['3.3.1', '1.4.1'],
          });
        } else if (invalid) {
          findings.push({
            ...base,
            outcome: 'failed',
            impact: 'serious',
            message: `Field ${label(c)} is marked aria-invalid, but no error text is shown or tied to it: a screen reader says "invalid entry" without saying what is wrong, and sighted users see nothing.`,
            wcag: ['3.3.1'],
          });
        }
        continue;
      }
      const text = c.errorTexts[0] ?? summaryText!;
      if (!c.errorTied && !invalid) {
        findings.push({
          ...base,
          outcome: 'failed',
          impact: 'serious',
          message: `Field ${label(c)} has the error "${text}" on screen, but the field is not marked aria-invalid and the text is not in its aria-describedby/aria-errormessage: a screen-reader user on the field hears no error.`,
          wcag: ['3.3.1'],
        });
      } else if (!c.errorTied) {
        findings.push({
          ...base,
          outcome: 'failed',
          impact: 'moderate',
          message: `Field ${label(c)} is marked aria-invalid, but its error "${text}" is not in its aria-describedby/aria-errormessage: a screen reader says "invalid" without what is wrong.`,
          wcag: ['3.3.1'],
        });
      } else if (!invalid) {
        notes.push(`field ${label(c)}: error text is tied but aria-invalid is not set`);
      }
    }
    if (inError.length === 0 && fs.errors.length === 0 && fs.summary === null) return { outcome: 'cantTell', findings, notes: ['errors were detected but no field or message could be identified'] };
    return { outcome: findings.some((f) => f.outcome === 'failed') ? 'failed' : 'passed', findings, notes: notes.length ? notes : undefined };
  },
};
