import { test, expect } from '@playwright/test';
import { gatherDialogFocus } from './dialog-focus.ts';
import { testPage, artifactsWith, auditCtx } from './test-pages/url.ts';
import { dialogFocusReturnAudit } from '../../../audits/wcag/dialog-focus-return.ts';

// Dialog patterns of design systems other than Portico's own markup, judged by the dialog-focus-return audit (2.4.3).
const judge = (a: unknown) => dialogFocusReturnAudit.audit(artifactsWith('dialog-focus', a), auditCtx);
const open = (page: import('@playwright/test').Page, name: string) => page.goto(testPage('design-systems', name));

test('USWDS modal (an <a> with aria-controls and data-open-modal, moved into a role=dialog wrapper): focus returns, passed', async ({ page }) => {
  await open(page, 'uswds-modal.html');
  const a = await gatherDialogFocus(page);
  expect(a.trials).toHaveLength(1);
  expect(a.trials[0]).toMatchObject({ opener: { tag: 'a', name: 'Open default modal' }, opened: true, closedWithEscape: true, focusInsideOnOpen: true, dialog: { native: false, name: 'Are you sure you want to continue?' } });
  expect(a.trials[0]!.focusAfterClose?.domPath).toBe(a.trials[0]!.opener.domPath);
  const r = await judge(a);
  expect(r.outcome).toBe('passed');
  expect(r.findings).toEqual([]);
});

test('GOV.UK modal dialogue (a <dialog> box its CSS shows, never opened; the trigger shares a word with its heading): focus returns, passed', async ({ page }) => {
  await open(page, 'govuk-modal-dialogue.html');
  const a = await gatherDialogFocus(page);
  // Only the trigger is tried ("Save draft" shares no word with "Document preview"), and the modal is left closed.
  expect(a.trials).toHaveLength(1);
  expect(a.trials[0]).toMatchObject({ opener: { name: 'Preview document' }, opened: true, closedWithEscape: true, focusInsideOnOpen: true, dialog: { tag: 'dialog', native: false, name: 'Document preview' } });
  expect(a.trials[0]!.focusAfterClose?.domPath).toBe(a.trials[0]!.opener.domPath);
  await expect(page.locator('#modal-preview')).toBeHidden();
  const r = await judge(a);
  expect(r.outcome).toBe('passed');
  expect(r.findings).toEqual([]);
});

test('a Delete button with a click listener beside an unrelated closed dialog is not pressed', async ({ page }) => {
  await open(page, 'delete-unrelated-dialog.html');
  const a = await gatherDialogFocus(page);
  expect(await page.evaluate(() => (window as unknown as { deleted?: boolean }).deleted)).toBeUndefined();
  expect(await page.locator('#delete').count()).toBe(1);
  expect(a).toMatchObject({ closedDialogs: 1, trials: [] });
  const r = await judge(a);
  expect(r.outcome).toBe('inapplicable');
  expect(r.findings).toEqual([]);
});

test('a native <dialog> opened with showModal() by a button that shares its name: the browser returns focus, passed', async ({ page }) => {
  await open(page, 'native-dialog-showmodal.html');
  const a = await gatherDialogFocus(page);
  expect(a.trials).toHaveLength(1);
  expect(a.trials[0]).toMatchObject({ opener: { name: 'Remove account' }, opened: true, closedWithEscape: true, dialog: { native: true, tag: 'dialog' } });
  expect(a.trials[0]!.focusAfterClose?.domPath).toBe(a.trials[0]!.opener.domPath);
  expect((await judge(a)).outcome).toBe('passed');
});

test('a modal whose Escape leaves focus on the document is failed (dialog-focus-lost, 2.4.3)', async ({ page }) => {
  await open(page, 'modal-focus-body.html');
  const a = await gatherDialogFocus(page);
  expect(a.trials[0]).toMatchObject({ opened: true, closedWithEscape: true, focusAfterClose: null, openerPresent: true });
  const r = await judge(a);
  expect(r.outcome).toBe('failed');
  expect(r.findings).toHaveLength(1);
  expect(r.findings[0]).toMatchObject({ ruleId: 'dialog-focus-lost', outcome: 'failed', wcag: ['2.4.3'], domPath: a.trials[0]!.opener.domPath });
});
