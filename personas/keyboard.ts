import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const keyboard: Persona = {
  id: 'keyboard',
  title: 'Keyboard-only user',
  summary: 'Cannot use a mouse or touch screen (tremor, paralysis, or a switch device). Moves with Tab and Shift+Tab, operates with Enter, Space and arrows.',
  checks: [
    'walks the journey with Tab, Shift+Tab, Enter, Space and arrows only; records the tab sequence',
    'every control reachable and operable (2.1.1); no keyboard trap (2.1.2)',
    'focus visible at every stop (2.4.7), compared pixel by pixel focused vs unfocused',
    'focus not hidden under other content (2.4.11)',
    'focus goes back to the control that opened a dialog when it closes (2.4.3)',
  ],
  use: { locale: 'es' },
  actor: 'keyboard',
  language: 'es',
  data: { ...baseData, email: 'teclado.{run}@example.org' },
  audits: ['keyboard-trap', 'keyboard-operable', 'focus-visible', 'focus-not-obscured', 'focus-order', 'dialog-focus-return'],
  blockedCites: { wcag: ['2.1.1'], other: ['blocked: cannot continue with the keyboard only'] },
};
