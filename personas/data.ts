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
  // Someone who has a US address to give (a sponsor's, a relative's); the no-US-address persona has none.
  usAddress: { street: '2210 Boca Chica Blvd', city: 'Brownsville', state: 'TX', zip: '78521' },
  homeAddress: { line1: 'Colonia Kennedy, Bloque 3, Casa 12', town: 'Tegucigalpa', country: 'Honduras' },
};
