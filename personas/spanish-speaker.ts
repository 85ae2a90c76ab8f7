import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const spanishSpeaker: Persona = {
  id: 'spanish-speaker',
  title: 'Spanish speaker',
  summary: 'Reads Spanish; little English. Every page, error, email and help text they meet must be in Spanish.',
  checks: [
    'every page declares lang="es" and reads as Spanish (3.1.1), judged on the page\'s text in aggregate, never on one short string',
    'no English left on the page — labels, errors, help — with catalogue evidence (3.1.2, i18n)',
    'the mail the flow waits for arrives in Spanish',
  ],
  use: { locale: 'es' },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, givenNames: 'Lucía', familyNames: 'Ramírez Ortega', nationality: 'VE', countryOfBirth: 'VE', phone: '+58 412 555 1234', languages: ['es'], email: 'lucia.{run}@example.org' },
  audits: ['axe', 'page-language', 'untranslated-text', 'mail-language'],
  blockedCites: { wcag: [], other: ['i18n: a control could not be found by its Spanish name'] },
};
