import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const darkerSkinSelfie: Persona = {
  id: 'darker-skin-selfie',
  title: 'Person with darker skin at the selfie step',
  summary: 'Black asylum seekers reported being unable to get past CBP One\'s live photo check. Acceptance must not depend on skin tone, and there must be a way that needs no photo.',
  checks: [
    'takes the identity photo through the app\'s own capture control with a synthetic camera (harness/camera), for Monk Skin Tones 1–10 under even, side, dim and backlit light, 3 slightly varied attempts each',
    'acceptance per tone per lighting with Wilson 95% intervals and the ratio to the best tone; a failure below 0.8 (EEOC four-fifths, as an analogy) or when every photo is rejected; cantTell when the harness could not capture',
    'an alternative that needs no photo (Section 508 §403.1, persuasive)',
  ],
  use: { locale: 'fr' },
  actor: 'pointer',
  language: 'fr',
  data: { ...baseData, givenNames: 'Jean-Claude', familyNames: 'Étienne', nationality: 'HT', countryOfBirth: 'HT', languages: ['fr', 'ht'], email: 'jc.{run}@example.fr' },
  audits: ['axe', 'capture-parity', 'biometric-alternative'],
  // At a described target's `capture:` step: the whole skin-tone × lighting grid, not one photo.
  camera: 'grid',
  blockedCites: { wcag: [], other: ['508 §403.1 (persuasive)', 'blocked: no way past the biometric check'] },
};
