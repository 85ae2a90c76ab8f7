import type { Persona } from '../harness/journey/types.ts';

const ENGINE_AUDITS: Record<string, string[]> = {
  axe: ['axe'],
  htmlcs: ['htmlcs'],
  lighthouse: ['lighthouse-accessibility'],
  keyboard: ['keyboard-trap', 'keyboard-operable', 'focus-visible', 'focus-not-obscured'],
};

/** The audits that judge a persona's checkpoints: its engines', its own, and the journey's. */
export function auditIdsFor(persona: Persona): string[] {
  const engines = [...persona.engines, ...(persona.lighthouseAt?.length ? ['lighthouse'] : [])];
  return [...new Set([...engines.flatMap((e) => ENGINE_AUDITS[e] ?? []), ...persona.audits, 'journey-blocked', 'journey-observations'])];
}
