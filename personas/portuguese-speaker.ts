import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const portugueseSpeaker: Persona = {
  id: 'portuguese-speaker',
  title: 'Portuguese speaker',
  summary: 'Reads Portuguese (Brazil); no English or Spanish. Every page, error, email and help text they meet must be in Portuguese.',
  checks: [
    'every page declares lang="pt" and reads as Portuguese (3.1.1), judged on the page\'s text in aggregate, never on one short string',
    'no English left on the page — labels, errors, help — with catalogue evidence (3.1.2, i18n)',
    'the mail the flow waits for arrives in Portuguese',
  ],
  use: { locale: 'pt-BR' },
  actor: 'pointer',
  language: 'pt',
  data: { ...baseData, givenNames: 'João Vitor', familyNames: 'Conceição', nationality: 'BR', countryOfBirth: 'BR', phone: '+55 11 91234 5678', languages: ['pt'], email: 'joao.{run}@example.org' },
  audits: ['axe', 'page-language', 'untranslated-text', 'mail-language'],
  blockedCites: { wcag: [], other: ['i18n: a control could not be found by its Portuguese name'] },
};
