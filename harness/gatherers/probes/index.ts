import type { Probe } from '../../journey/types.ts';
import { transcriptProbe } from './transcript.ts';
import { formSemanticsProbe } from './form-semantics.ts';
import { captchaProbe } from './captcha.ts';
import { cameraStepProbe } from './camera-step.ts';
import { languageProbe } from './language.ts';
import { reflowProbe } from './reflow.ts';
import { textResizeProbe } from './text-resize.ts';
import { textSpacingProbe } from './text-spacing.ts';
import { forcedColorsProbe } from './forced-colors.ts';
import { newWindowProbe } from './new-window.ts';
import { motionProbe } from './motion.ts';
import { labelInNameProbe } from './label-in-name.ts';
import { targetSizeProbe } from './target-size.ts';
import { draggingProbe } from './dragging.ts';
import { authenticationProbe } from './authentication.ts';
import { helpMechanismsProbe } from './help-mechanisms.ts';
import { focusOrderProbe } from './focus-order.ts';
import { pageTextProbe } from './page-text.ts';
import { dialogFocusProbe } from './dialog-focus.ts';
import { imageTextProbe } from './image-text.ts';
import { phoneWidthContrastProbe } from './phone-width-contrast.ts';

/** Portico's own gatherers, by the artifact key each one writes (an audit names that key in `requiredArtifacts`). */
export const PROBES: Probe[] = [
  transcriptProbe, formSemanticsProbe, captchaProbe, cameraStepProbe, languageProbe, reflowProbe, textResizeProbe, textSpacingProbe, forcedColorsProbe,
  newWindowProbe, motionProbe, labelInNameProbe, targetSizeProbe, draggingProbe, authenticationProbe, helpMechanismsProbe, focusOrderProbe, pageTextProbe, dialogFocusProbe, imageTextProbe, phoneWidthContrastProbe,
];
