import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * 2.4.3 Focus Order, for modal dialogs (ARIA APG dialog pattern; F85 family): when a dialog closes,
 * focus goes back to the control that opened it. Focus dropped on the document (body, or nothing)
 * while the opener is still there is failed: a keyboard or screen-reader user is sent back to the
 * top of the page. Focus on some other element is cantTell (the APG allows a more logical place,
 * e.g. when the dialog's action moved the person on); an opener that is gone is inapplicable.
 */
export const dialogFocusReturnAudit: Audit = {
  meta: {
    id: 'dialog-focus-return',
    title: 'Focus returns to the control that opened a dialog',
    failureTitle: 'Focus is lost when a dialog closes',
    description:
      'Opens each dialog of the page with Enter and closes it with Escape: focus must go back to the control that opened it (ARIA Authoring Practices dialog pattern; WCAG 2.4.3, F85). Focus left on the document is failed; focus on another element is cantTell.',
    requiredArtifacts: ['dialog-focus'],
    requirements: { wcag: ['2.4.3'], other: ['F85'] },
    mode: 'automatic',
    rules: {
      'dialog-focus-lost': { title: 'Focus is lost when a dialog closes', wcag: ['2.4.3'], other: ['F85'], impact: 'serious', help: 'When the dialog closes, move focus back to the element that opened it (a native <dialog> opened with showModal() does this unless a script moves focus).' },
      'dialog-focus-elsewhere': { title: 'Focus goes somewhere else when a dialog closes', wcag: ['2.4.3'], impact: 'moderate', help: 'Check that the place focus goes after the dialog closes is where the person expects to continue; usually the control that opened it.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'dialog-focus');
    const closed = r.trials.filter((t) => t.opened && t.closedWithEscape);
    const notes = [`${r.trials.length} control(s) tried, ${r.trials.filter((t) => t.opened).length} opened a modal dialog, ${closed.length} closed with Escape`];
    const unclosed = r.trials.filter((t) => t.opened && !t.closedWithEscape);
    if (unclosed.length) notes.push(`Escape did not close: ${unclosed.map((t) => `"${t.dialog?.name ?? t.opener.name}"`).join(', ')} (where focus goes then was not judged)`);
    if (closed.length === 0) return { outcome: 'inapplicable', findings: [], notes };
    const findings: DraftFinding[] = [];
    for (const t of closed) {
      if (t.focusAfterClose?.domPath === t.opener.domPath) continue;
      const what = `the ${t.dialog?.tag === 'dialog' ? '<dialog>' : 'dialog'} "${t.dialog?.name ?? ''}" opened by the ${t.opener.tag} "${t.opener.name}"`;
      if (!t.openerPresent) { notes.push(`after ${what} closed, its opener was gone: not judged`); continue; }
      findings.push(t.focusAfterClose === null || t.focusAfterClose === undefined
        ? { engines: ['portico'], ruleId: 'dialog-focus-lost', outcome: 'failed', impact: 'serious',
            message: `When ${what} is closed with Escape, focus goes to the document instead of back to the ${t.opener.tag} "${t.opener.name}": the next Tab starts again from the top of the page.`,
            selector: t.opener.domPath, domPath: t.opener.domPath, snippet: t.opener.snippet, wcag: ['2.4.3'], other: ['F85'] }
        : { engines: ['portico'], ruleId: 'dialog-focus-elsewhere', outcome: 'cantTell', impact: 'moderate',
            message: `When ${what} is closed with Escape, focus goes to the ${t.focusAfterClose.tag} "${t.focusAfterClose.name}", not back to the control that opened it. Check that this is where the person continues.`,
            selector: t.opener.domPath, domPath: t.opener.domPath, snippet: t.opener.snippet, wcag: ['2.4.3'] });
    }
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length ? 'cantTell' : 'passed';
    return { outcome, findings, notes };
  },
};
