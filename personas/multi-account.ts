import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const multiAccount: Persona = {
  id: 'multi-account',
  title: 'Lottery integrity check: one person, two accounts',
  summary: 'Not a person with a disability but a fairness check the mission names: one person submitted 466 registrations in a month. The same person behind several accounts must count once in the draw.',
  checks: ['registers the same person under two email addresses, asks from both, and reads the published, recomputable draw record: one entry, not two'],
  use: { locale: 'es' },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, givenNames: 'Luis', familyNames: 'Ramírez', email: 'luis.{run}@example.org' },
  audits: [],
  blockedCites: { wcag: [], other: ['blocked while checking the lottery: a control could not be found or used'] },
};
