/** Persona ids, for help texts and validation that must not load the personas themselves. */
export const PERSONA_IDS = [
  'screen-reader', 'keyboard', 'low-vision', 'time-limits', 'low-end-network', 'no-us-address',
  'haitian-creole', 'universal-email', 'darker-skin-selfie', 'rtl-reader', 'multi-account',
  'spanish-speaker', 'portuguese-speaker',
] as const;
