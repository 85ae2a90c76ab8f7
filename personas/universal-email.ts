import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const universalEmail: Persona = {
  id: 'universal-email',
  title: 'Person with a non-Latin or country-code email address',
  summary: 'Has an email address in Thai, Chinese, Arabic or Armenian script, or at a South American country-code domain (.com.ve, .gob.ve, .com.br, .com.ar, .com.co).',
  checks: [
    'each Universal Acceptance test address is accepted and the code is delivered to that exact address (UASG 004, RFC 6531)',
    'classifies each address: accepted and delivered / rejected with a message / silently lost',
  ],
  use: { locale: 'es' },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, email: 'usuario.{run}@ejemplo-prueba.com.ve' },
  audits: ['axe', 'universal-acceptance'],
  blockedCites: { wcag: [], other: ['blocked: a control could not be found or used'] },
};
