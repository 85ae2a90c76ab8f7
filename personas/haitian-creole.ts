import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const haitianCreole: Persona = {
  id: 'haitian-creole',
  title: 'Haitian Creole speaker',
  summary: 'Reads Kreyòl ayisyen; little English, Spanish or French. Every string, error, email and help text they meet must be in Kreyòl.',
  checks: [
    'every page declares lang="ht" and reads as Kreyòl (3.1.1), judged on long text, never on one short string',
    'no English left on the page — labels, errors, help — with catalogue evidence (3.1.2, i18n)',
    'the result email and the support answer arrive in Kreyòl',
  ],
  use: { locale: 'ht' },
  actor: 'pointer',
  language: 'ht',
  data: { ...baseData, givenNames: 'Wideline', familyNames: 'Jean-Baptiste', nationality: 'HT', countryOfBirth: 'HT', phone: '+509 3456 7890', languages: ['ht'], email: 'wideline.{run}@example.ht' },
  audits: ['axe', 'page-language', 'untranslated-text', 'mail-language'],
  blockedCites: { wcag: [], other: ['i18n: a control could not be found by its Kreyòl name'] },
};
