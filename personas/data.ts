import type { PersonaData } from '../harness/journey/types.ts';

/** A base identity every persona starts from; each persona changes what makes them who they are. */
export const baseData: PersonaData = {
  givenNames: 'María José',
  familyNames: 'Pérez Núñez',
  email: 'maria.{run}@example.org',
  dateOfBirth: { day: 14, month: 3, year: 1988 },
  nationality: 'HN',
  countryOfBirth: 'HN',
  phone: '+504 9876 5432',
  languages: ['es'],
  usAddress: null,
};
