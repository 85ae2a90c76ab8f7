import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { FormControlInfo } from '../../harness/gatherers/probes/form-semantics.ts';
import { judgeForm } from './form-errors.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

export const NATIVE_BUBBLE_NOTE = 'native validation bubble: not announced reliably, not translated to the page language, disappears';

const label = (c: FormControlInfo) => `"${c.name || c.visibleLabelText || c.placeholder || c.nameAttr || c.id || c.tag}"`;

/**
 * On a page that shows validation errors, each field in error must be identified in text (not by
 * colour alone, WCAG 1.4.1) and programmatically: aria-invalid plus the error text in its
 * description (aria-describedby / aria-errormessage), so a screen reader says what is wrong when
 * the person reaches the field (WCAG 3.3.1). Forms that leave validation to the browser's own
 * bubbles are flagged too: the bubble is in the browser's language, vanishes after a moment and is
 * not reliably announced — judged only when the browser has stopped a submit (fields flagged
 * :user-invalid): a form with `required` or `type=email` and no error on screen is not a failure.
 * A colour mark counts only where it differs from the page's normal styling for that field.
 */
export const errorIdentifiedAudit: Audit = {
  meta: {
    id: 'error-identified',
    title: 'Errors are identified in text and tied to their fields',
    failureTitle: 'Errors are not identified in text, or not tied to their fields',
    description:
      'On a page showing validation errors: every field in error has error text (not colour alone) that is programmatically tied to it (aria-invalid + aria-describedby/aria-errormessage). Forms whose submit the browser stopped with its own validation bubble are flagged. Not applicable when no errors are shown.',
    requiredArtifacts: ['form-semantics'],
    requirements: { wcag: ['3.3.1', '1.4.1'] },
    rules: {
      'native-validation-bubbles': { title: 'Errors are shown only as the browser\'s transient validation bubbles', wcag: ['3.3.1'], impact: 'serious', help: 'Validate on the server or in script and write each error as text next to its field and in a summary.' },
      'error-identified': { title: 'An input error is not identified in text tied to its field', wcag: ['3.3.1'], impact: 'serious', help: 'Write the error as text, tie it to the field with aria-describedby, and mark the field aria-invalid.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const fs = gathered(artifacts, 'form-semantics');
    const findings: DraftFinding[] = [];
    const notes: string[] = [];
    const j = judgeForm(fs);
    // Native validation is judged only once the browser has stopped a submit: its bubble is then the
    // only error the person gets. Constraints on a form nobody has submitted are not an error on screen.
    const native = (fs.forms ?? []).filter((f) => !f.noValidate && f.constrainedControls > 0 && (f.userInvalid ?? 0) > 0);
    if (fs.forms?.some((f) => !f.noValidate && f.constrainedControls > 0 && !(f.userInvalid > 0))) notes.push('a form uses native constraints (required / type / pattern) but no submit was stopped by the browser here: not judged');
    for (const f of native) {
      const msgs = f.validationMessages.length ? ` The browser's own message reads "${f.validationMessages[0]}" (in the browser's language; the page is lang="${fs.lang ?? '?'}").` : '';
      findings.push({
        engines: ['portico'],
        ruleId: 'native-validation-bubbles',
        outcome: 'failed',
        impact: 'serious',
        message: `The browser stopped the submit of the form (action "${f.action}"): ${f.userInvalid} field(s) failed its required/pattern/type constraints and there is no novalidate, so errors are shown only in the browser's validation bubble, which is not reliably announced, is not translated to the page language and disappears, and the form never reaches the server's own error messages.${msgs}`,
        selector: f.domPath,
        domPath: f.domPath,
        wcag: ['3.3.1'],
        other: [NATIVE_BUBBLE_NOTE],
      });
    }
    if (j.hints.length) notes.push(`red text repeated beside several fields taken for hints, not errors: ${[...new Set(j.hints.map((h) => `"${h.text}"`))].slice(0, 3).join(', ')}`);
    if (!j.errorsShown) {
      if (findings.length) return { outcome: 'failed', findings, notes };
      return { outcome: 'inapplicable', findings: [], notes: ['no validation errors are shown on the page', ...notes] };
    }
    const summaryFor = new Map<string, string>();
    for (const l of fs.summary?.links ?? []) if (l.target) summaryFor.set(l.target, l.text);
    const inError = j.inError;
    for (const c of inError) {
      const errorTexts = j.errorTexts(c);
      const errorTied = j.errorTied(c);
      const mark = j.marks.get(c.domPath) ?? null;
      const base = { engines: ['portico'] as DraftFinding['engines'], ruleId: 'error-identified', selector: c.domPath, domPath: c.domPath, snippet: c.snippet };
      const invalid = c.ariaInvalid === 'true';
      const summaryText = summaryFor.get(c.domPath);
      if (errorTexts.length === 0 && !summaryText) {
        if (mark) {
          findings.push({
            ...base,
            outcome: 'failed',
            impact: 'critical',
            message: `Field ${label(c)} is shown in error only by colour (${mark}): no text says what is wrong${invalid ? '' : ', it is not marked aria-invalid'}, and nothing is tied to it, so a screen-reader user (and anyone who cannot tell red apart) never learns there is an error.`,
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
      const text = errorTexts[0] ?? summaryText!;
      if (!errorTied && !invalid) {
        findings.push({
          ...base,
          outcome: 'failed',
          impact: 'serious',
          message: `Field ${label(c)} has the error "${text}" on screen, but the field is not marked aria-invalid and the text is not in its aria-describedby/aria-errormessage: a screen-reader user on the field hears no error.`,
          wcag: ['3.3.1'],
        });
      } else if (!errorTied) {
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
    if (inError.length === 0 && j.errors.length === 0 && fs.summary === null) return { outcome: 'cantTell', findings, notes: ['errors were detected but no field or message could be identified'] };
    return { outcome: findings.some((f) => f.outcome === 'failed') ? 'failed' : 'passed', findings, notes: notes.length ? notes : undefined };
  },
};
