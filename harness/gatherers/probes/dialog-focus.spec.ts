import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { gatherDialogFocus } from './dialog-focus.ts';
import { testPage, artifactsWith, auditCtx } from './test-pages/url.ts';
import { dialogFocusReturnAudit } from '../../../audits/wcag/dialog-focus-return.ts';

const record = process.env.PORTICO_RECORD ? (name: string, a: unknown) => writeFileSync(new URL(`../../../audits/recorded/probes/dialog-focus-${name}.json`, import.meta.url), JSON.stringify(a, null, 2) + '\n') : () => undefined;
const judge = (a: unknown) => dialogFocusReturnAudit.audit(artifactsWith('dialog-focus', a), auditCtx);

test('a native <dialog> shown modal returns focus to its opener by itself; a link whose name shares no word with the dialog is never pressed', async ({ page }) => {
  await page.goto(testPage('dialog-focus', 'native-returns.html'));
  const url = page.url();
  const a = await gatherDialogFocus(page);
  record('native-returns', a);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as unknown as { otherClicked?: boolean }).otherClicked)).toBeUndefined();
  const signOut = a.trials.find((t) => t.opener.name === 'Sign out');
  expect(signOut).toMatchObject({ opened: true, closedWithEscape: true, focusInsideOnOpen: true, openerPresent: true });
  expect(signOut?.focusAfterClose?.domPath).toBe(signOut?.opener.domPath);
  expect(a.trials.find((t) => t.opener.name === 'Other page')).toBeUndefined();
  expect((await judge(a)).outcome).toBe('passed');
});

test('a dialog whose close sends focus to the document is failed (2.4.3)', async ({ page }) => {
  await page.goto(testPage('dialog-focus', 'native-focus-body.html'));
  const a = await gatherDialogFocus(page);
  record('native-focus-body', a);
  expect(a.trials[0]).toMatchObject({ opened: true, closedWithEscape: true, focusAfterClose: null });
  const r = await judge(a);
  expect(r.outcome).toBe('failed');
  expect(r.findings[0]).toMatchObject({ ruleId: 'dialog-focus-lost', wcag: ['2.4.3'] });
});

test('an ARIA modal (USWDS-like, aria-controls) that puts focus back on its opener passes', async ({ page }) => {
  await page.goto(testPage('dialog-focus', 'aria-modal-returns.html'));
  const a = await gatherDialogFocus(page);
  expect(a.trials[0]).toMatchObject({ opened: true, closedWithEscape: true, dialog: { native: false } });
  expect((await judge(a)).outcome).toBe('passed');
});

test('an ARIA modal (aria-haspopup=dialog) that only hides itself loses focus: failed', async ({ page }) => {
  await page.goto(testPage('dialog-focus', 'aria-modal-no-return.html'));
  const a = await gatherDialogFocus(page);
  expect(a.trials[0]).toMatchObject({ opened: true, closedWithEscape: true, focusAfterClose: null });
  expect((await judge(a)).outcome).toBe('failed');
});
