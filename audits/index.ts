import type { Audit } from '../harness/types.ts';
import { axeAudit } from './engines/axe.ts';
import { lighthouseAccessibilityAudit } from './engines/lighthouse.ts';
import { lighthousePerformanceAudit } from './engines/lighthouse-performance.ts';
import { htmlcsAudit } from './engines/htmlcs.ts';
import { keyboardTrapAudit } from './wcag/keyboard-trap.ts';
import { keyboardOperableAudit } from './wcag/keyboard-operable.ts';
import { focusVisibleAudit } from './wcag/focus-visible.ts';
import { focusNotObscuredAudit } from './wcag/focus-not-obscured.ts';
import { reflowAudit } from './wcag/reflow.ts';
import { forcedColorsAudit } from './wcag/forced-colors.ts';
import { resizeTextAudit } from './wcag/resize-text.ts';
import { textSpacingAudit } from './wcag/text-spacing.ts';
import { textDirectionAudit } from './wcag/text-direction.ts';
import { pageLanguageAudit } from './i18n/page-language.ts';
import { untranslatedTextAudit } from './i18n/untranslated-text.ts';
import { mailLanguageAudit } from './i18n/mail-language.ts';
import { captureParityAudit } from './equity/capture-parity.ts';
import { biometricAlternativeAudit } from './equity/biometric-alternative.ts';
import { visibleLabelsAudit } from './wcag/visible-labels.ts';
import { errorIdentifiedAudit } from './wcag/error-identified.ts';
import { errorAnnouncedAudit } from './wcag/error-announced.ts';
import { captchaAlternativeAudit } from './wcag/captcha-alternative.ts';
import { headingsLandmarksAudit } from './wcag/headings-landmarks.ts';
import { newWindowAudit } from './wcag/new-window.ts';
import { audioControlAudit } from './wcag/audio-control.ts';
import { pauseStopHideAudit } from './wcag/pause-stop-hide.ts';
import { labelInNameAudit } from './wcag/label-in-name.ts';
import { imageTextAlternativeAudit } from './wcag/image-text-alternative.ts';
import { contrastAtPhoneWidthAudit } from './wcag/contrast-at-phone-width.ts';
import { targetSizeAudit } from './wcag/target-size.ts';
import { focusOrderAudit } from './wcag/focus-order.ts';
import { dialogFocusReturnAudit } from './wcag/dialog-focus-return.ts';
import { sensoryInstructionsAudit } from './wcag/sensory-instructions.ts';
import { descriptiveLabelsAudit } from './wcag/descriptive-labels.ts';
import { draggingMovementsAudit } from './wcag/dragging-movements.ts';
import { accessibleAuthenticationAudit } from './wcag/accessible-authentication.ts';
import { consistentHelpAudit } from './wcag/consistent-help.ts';
import { journeyBlockedAudit } from './journey/journey-blocked.ts';
import { journeyObservationsAudit } from './journey/journey-observations.ts';
import { universalAcceptanceAudit } from './journey/universal-acceptance.ts';

/** Every audit, in the order findings are merged (axe first, so its wording leads a merged finding). */
export const AUDITS: Audit[] = [
  axeAudit,
  lighthouseAccessibilityAudit,
  lighthousePerformanceAudit,
  htmlcsAudit,
  keyboardTrapAudit,
  keyboardOperableAudit,
  focusVisibleAudit,
  focusNotObscuredAudit,
  visibleLabelsAudit,
  errorIdentifiedAudit,
  errorAnnouncedAudit,
  captchaAlternativeAudit,
  headingsLandmarksAudit,
  reflowAudit,
  forcedColorsAudit,
  resizeTextAudit,
  textSpacingAudit,
  textDirectionAudit,
  pageLanguageAudit,
  untranslatedTextAudit,
  mailLanguageAudit,
  captureParityAudit,
  biometricAlternativeAudit,
  newWindowAudit,
  audioControlAudit,
  pauseStopHideAudit,
  labelInNameAudit,
  imageTextAlternativeAudit,
  contrastAtPhoneWidthAudit,
  targetSizeAudit,
  focusOrderAudit,
  dialogFocusReturnAudit,
  sensoryInstructionsAudit,
  descriptiveLabelsAudit,
  draggingMovementsAudit,
  accessibleAuthenticationAudit,
  consistentHelpAudit,
  journeyBlockedAudit,
  journeyObservationsAudit,
  universalAcceptanceAudit,
];

export function auditById(id: string): Audit | undefined {
  return AUDITS.find((a) => a.meta.id === id);
}
