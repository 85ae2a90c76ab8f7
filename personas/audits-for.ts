import type { Persona } from '../harness/journey/types.ts';

/** Every persona walks journeys, so the journey's own audits judge every persona's steps. */
export const JOURNEY_AUDITS = ['journey-blocked', 'journey-observations'];

/** The audits that judge a persona's checkpoints: the ones it names, and the journey's. */
export function auditIdsFor(persona: Persona): string[] {
  return [...new Set([...persona.audits, ...JOURNEY_AUDITS])];
}
