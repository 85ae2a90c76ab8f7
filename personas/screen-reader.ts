import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const screenReader: Persona = {
  id: 'screen-reader',
  title: 'Screen-reader user',
  summary: 'Blind; uses a screen reader. Finds every control by its role and accessible name, never by position or looks.',
  checks: [
    'completes the whole journey by role and accessible name only (getByRole / getByLabel; no CSS, no coordinates)',
    'records what a screen reader announces at each step (accessibility tree) as a transcript',
    'names and roles of controls (4.1.2), labels and visible labels (1.3.1, 3.3.2)',
    'headings and landmarks (1.3.1)',
    'errors identified in text and announced — focus moved or live region (3.3.1, 4.1.3)',
    'image CAPTCHAs have a non-visual alternative (1.1.1)',
    'non-visual guidance and an alternative path at the selfie step',
    'axe-core and HTML_CodeSniffer at every step',
  ],
  use: { locale: 'es' },
  actor: 'screen-reader',
  language: 'es',
  data: { ...baseData, email: 'lector.{run}@example.org' },
  audits: ['axe', 'htmlcs', 'headings-landmarks', 'visible-labels', 'error-identified', 'error-announced', 'captcha-alternative', 'biometric-alternative', 'new-window', 'audio-control', 'label-in-name', 'image-text-alternative', 'sensory-instructions', 'descriptive-labels', 'accessible-authentication', 'consistent-help'],
  blockedCites: { wcag: ['4.1.2'], other: ['blocked: cannot continue by role and accessible name'] },
};
