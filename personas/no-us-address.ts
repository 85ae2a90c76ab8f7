import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const noUsAddress: Persona = {
  id: 'no-us-address',
  title: 'Person with no US address',
  summary: 'Has no contact in the United States, as many asylum seekers at the border do. The law does not require a US address.',
  checks: ['can register and ask for an appointment without a US address'],
  use: { locale: 'es' },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, givenNames: 'Wilson', familyNames: 'Castillo', nationality: 'VE', countryOfBirth: 'VE', email: 'wilson.{run}@example.org', usAddress: null },
  audits: [],
  blockedCites: { wcag: [], other: ['blocked: a control could not be found or used'] },
  // The law does not require a US address: a page that refuses the form without one blocks this person for that reason.
  // Walking a flow without a fixed address (`without: [homeAddress]`), a page that demands one blocks them too.
  lacks: {
    usAddress: { wcag: [], other: ['journey blocked: US address demanded without legal basis'] },
    homeAddress: { wcag: [], other: ['journey blocked: a fixed address demanded, with no way for people without one'] },
  },
};
