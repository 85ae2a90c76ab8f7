import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const timeLimits: Persona = {
  id: 'time-limits',
  title: 'Older user who needs more time',
  summary: 'Reads slowly, looks documents up, gets interrupted. Takes longer than the session allows.',
  checks: [
    'stays on every form step for 25 minutes (PORTICO_LINGER_SECONDS) on the browser clock before sending it',
    'a warning before the session ends, with a way to extend it (2.2.1)',
    'nothing entered is lost when signing in again after a time-out (2.2.5)',
  ],
  lingerOnForms: { seconds: 1500, chunkSeconds: 30 },
  use: { locale: 'es' },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, givenNames: 'Rosa Elena', email: 'rosa.{run}@example.org', dateOfBirth: { day: 2, month: 11, year: 1951 } },
  audits: ['axe'],
  blockedCites: { wcag: [], other: ['blocked: a control could not be found or used'] },
};
