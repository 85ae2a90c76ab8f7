/**
 * What a control a description `require`s is for, and what its absence is filed under. The words
 * are the harness's, not a target's: any service that takes a biometric capture owes a way through
 * without it; any service that takes answers owes a way to correct them; any service owes a way to
 * reach help. A target names the purpose; it never writes its own criteria.
 */
export const PURPOSES: Record<'biometric-alternative' | 'correction' | 'help', { what: string; cites: { wcag: string[]; other: string[] } }> = {
  'biometric-alternative': {
    what: 'a way through without the biometric capture',
    cites: { wcag: [], other: ['journey blocked: no alternative to biometric capture', 'Section 508 §403.1 (biometrics, persuasive)'] },
  },
  correction: {
    what: 'a way to correct what was sent',
    cites: { wcag: [], other: ['journey blocked: registration cannot be corrected', '508 §602.3 (persuasive)'] },
  },
  help: {
    what: 'a way to reach help or support',
    cites: { wcag: [], other: ['journey blocked: no way to reach help', '508 §603 support services (persuasive)'] },
  },
};

export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_IDS = ['biometric-alternative', 'correction', 'help'] as const;
