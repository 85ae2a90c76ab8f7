import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { judgeForm, titleMentionsError } from './form-errors.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * When a page shows validation errors, a screen-reader user must be told: focus moved into the
 * error summary (or onto the first field in error), or the errors placed in a live region
 * (role=alert / aria-live). Otherwise the page reloads and says nothing.
 */
export const errorAnnouncedAudit: Audit = {
  meta: {
    id: 'error-announced',
    title: 'Validation errors are announced',
    failureTitle: 'Validation errors are not announced to screen readers',
    description:
      'On a page showing validation errors: focus is in the error summary or on a field in error, or the errors are in a live region (role=alert, role=status, aria-live). Not applicable when no errors are shown.',
    requiredArtifacts: ['form-semantics'],
    requirements: { wcag: ['4.1.3'] },
    rules: {
      'error-announced': { title: 'An error message that appears is not announced to assistive technology', wcag: ['4.1.3'], impact: 'serious', help: 'Put the error summary or message in a live region (role="alert"), or move focus to it.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const fs = gathered(artifacts, 'form-semantics');
    const j = judgeForm(fs);
    if (!j.errorsShown) return { outcome: 'inapplicable', findings: [], notes: ['no validation errors are shown on the page'] };
    const a = { focusInSummary: j.focusInSummary, focusOnErrorField: j.focusOnErrorField, liveRegionsWithErrors: j.liveRegionsWithErrors, titleMentionsError: titleMentionsError(fs) };
    if (a.focusInSummary) return { outcome: 'passed', findings: [], notes: ['focus is in the error summary'] };
    if (a.focusOnErrorField) return { outcome: 'passed', findings: [], notes: ['focus is on a field in error'] };
    if (a.liveRegionsWithErrors.length) return { outcome: 'passed', findings: [], notes: [`errors are in a live region: ${a.liveRegionsWithErrors.join(', ')}`] };
    const texts = [...(fs.summary ? [fs.summary.text] : []), ...j.errors.map((e) => e.text)].filter(Boolean);
    const marked = fs.controls.filter((c) => j.marks.has(c.domPath) && j.errorTexts(c).length === 0).map((c) => `"${c.name || c.visibleLabelText || c.nameAttr}"`);
    const what = texts.length
      ? `${texts.length} error message(s) (${texts.slice(0, 3).map((t) => `"${t}"`).join(', ')}${texts.length > 3 ? ', …' : ''})`
      : marked.length ? `fields marked in error by colour only (${marked.slice(0, 5).join(', ')})` : 'fields marked aria-invalid';
    const focus = fs.activeElement ? `focus is on <${fs.activeElement.tag}> "${fs.activeElement.name}"` : 'focus is on the document body';
    const where = fs.summary?.domPath ?? j.errors[0]?.domPath ?? fs.controls.find((c) => j.marks.has(c.domPath) || c.ariaInvalid === 'true')?.domPath;
    const snippet = fs.summary?.snippet ?? j.errors[0]?.snippet ?? fs.controls.find((c) => c.domPath === where)?.snippet;
    return {
      outcome: 'failed',
      findings: [{
        engines: ['portico'],
        ruleId: 'error-announced',
        outcome: 'failed',
        impact: 'serious',
        message: `The page shows ${what}, but ${focus}, no error summary has focus and no live region (role=alert / aria-live) contains the errors: a screen-reader user hears nothing about them${a.titleMentionsError ? ' beyond the word "Error" in the page title' : ''}.`,
        selector: where,
        domPath: where,
        snippet,
        wcag: ['4.1.3'],
      }],
    };
  },
};
