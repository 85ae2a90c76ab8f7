import type { Audit } from '../harness/types.ts';
import { axeAudit } from './engines/axe.ts';
import { lighthouseAccessibilityAudit } from './engines/lighthouse.ts';
import { htmlcsAudit } from './engines/htmlcs.ts';
import { keyboardTrapAudit } from './wcag/keyboard-trap.ts';
import { keyboardOperableAudit } from './wcag/keyboard-operable.ts';
import { focusVisibleAudit } from './wcag/focus-visible.ts';
import { focusNotObscuredAudit } from './wcag/focus-not-obscured.ts';

/** Every audit, in the order findings are merged (axe first, so its wording leads a merged finding). */
export const AUDITS: Audit[] = [
  axeAudit,
  lighthouseAccessibilityAudit,
  htmlcsAudit,
  keyboardTrapAudit,
  keyboardOperableAudit,
  focusVisibleAudit,
  focusNotObscuredAudit,
];

export function auditById(id: string): Audit | undefined {
  return AUDITS.find((a) => a.meta.id === id);
}
