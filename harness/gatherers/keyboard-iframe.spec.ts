import { test, expect } from '@playwright/test';
import { gatherKeyboard } from './keyboard.ts';
import { testPage, artifactsWith, auditCtx } from './probes/test-pages/url.ts';
import { keyboardTrapAudit } from '../../audits/wcag/keyboard-trap.ts';

// F10: an embedded widget that cancels Tab keeps focus inside the frame: a keyboard trap (2.1.2).
test('a widget in an iframe that cancels Tab is a keyboard trap, found inside the frame', async ({ page }) => {
  await page.goto(testPage('keyboard-trap', 'iframe-trap.html'));
  const kb = await gatherKeyboard(page, {});
  expect(kb.trap?.inFrame?.domPaths).toEqual(['body:nth-of-type(1)>input#q']);
  expect(kb.trap?.escapedWithShiftTab).toBe(false);
  expect(kb.capped).toBeUndefined();
  const result = await keyboardTrapAudit.audit(artifactsWith('keyboard', kb), auditCtx);
  expect(result.outcome).toBe('failed');
  expect(result.findings[0]).toMatchObject({ ruleId: 'keyboard-trap', wcag: ['2.1.2'] });
});

// Focus moving into a frame, through its controls and out again is the normal Tab order.
test('an iframe Tab goes through and out of is not a trap', async ({ page }) => {
  await page.goto(testPage('keyboard-trap', 'iframe-tab-through.html'));
  const kb = await gatherKeyboard(page, {});
  expect(kb.trap).toBeNull();
  expect(kb.unreached).toEqual([]);
  expect(kb.sequence.map((s) => s.tag)).toEqual(['input', 'iframe', 'input', 'button']);
  const result = await keyboardTrapAudit.audit(artifactsWith('keyboard', kb), auditCtx);
  expect(result.outcome).toBe('passed');
});
