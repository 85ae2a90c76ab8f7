import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const lowVision: Persona = {
  id: 'low-vision',
  title: 'Low-vision user',
  summary: 'Zooms text to 200% or more, reads at 320 CSS px wide, widens text spacing, needs strong contrast.',
  checks: [
    'text at 200% without loss (1.4.4)',
    'reflow at 320 CSS px: no two-way scrolling, nothing clipped (1.4.10); text keeps its contrast in that narrow layout (1.4.3)',
    'text spacing overrides do not clip text (1.4.12)',
    'contrast of text and controls (1.4.3, 1.4.11) through axe-core',
    'forced colours (a contrast theme): controls keep their boundary, icons and focus indicators stay visible, text kept in author colours stays readable (1.4.11, 1.4.3, 2.4.7)',
  ],
  use: { locale: 'es', viewport: { width: 1280, height: 900 } },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, email: 'vision.{run}@example.org' },
  audits: ['axe', 'reflow', 'contrast-at-phone-width', 'resize-text', 'text-spacing', 'forced-colors', 'new-window', 'pause-stop-hide', 'target-size', 'dragging-movements', 'consistent-help'],
  blockedCites: { wcag: [], other: ['blocked: a control could not be found or used by sight'] },
};
