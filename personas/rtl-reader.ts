import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const rtlReader: Persona = {
  id: 'rtl-reader',
  title: 'Arabic reader (right to left)',
  summary: 'Reads Arabic; pages must be declared Arabic and laid out right to left.',
  checks: [
    'pages declare lang="ar" and dir="rtl"; reading order and layout right to left (1.3.2, 3.1.1)',
    'no English left on the page, with catalogue evidence',
    'the mail the flow waits for arrives in Arabic',
  ],
  use: { locale: 'ar' },
  actor: 'pointer',
  language: 'ar',
  data: { ...baseData, givenNames: 'أحمد', familyNames: 'الحسن', nationality: 'SY', countryOfBirth: 'SY', phone: '+963 944 123 456', languages: ['ar'], email: 'ahmad.{run}@example.sy' },
  audits: ['axe', 'text-direction', 'page-language', 'untranslated-text', 'mail-language'],
  blockedCites: { wcag: [], other: ['i18n: a control could not be found by its Arabic name'] },
};
