/**
 * THE defect catalogue of the reference target.
 *
 * Each defect is one switch that changes ONLY the behaviour it names. Profile `conformant` has
 * none on; profile `cbp-one-2023` has all of them on. Any subset can be switched on by id so a test
 * can prove that each defect is caught by itself.
 *
 * `barrier` quotes (or closely paraphrases) the documented barrier in
 * /work/shared/context/mission.md that the defect reproduces; `proof` declares which findings
 * prove it (audits or rules, criteria or references, and a key).
 */

import type { DefectProof, DefectSpec as GenericDefectSpec, DefectCatalogue } from '../../harness/journey/defects.ts';
import { resolveDefects as resolveFrom } from '../../harness/journey/defects.ts';

export type PersonaId =
  | 'screen-reader'
  | 'keyboard'
  | 'low-vision'
  | 'time-limits'
  | 'low-end-network'
  | 'no-us-address'
  | 'haitian-creole'
  | 'universal-email'
  | 'darker-skin-selfie'
  | 'rtl-reader'
  | 'multi-account';

export type StepId =
  | 'home'
  | 'account-email'
  | 'account-verify'
  | 'registration'
  | 'selfie'
  | 'selfie-alternative'
  | 'dashboard'
  | 'registration-edit'
  | 'appointment-request'
  | 'appointment-status'
  | 'help'
  | 'lottery-audit';

/** The reference target's defects, with its persona and step ids (the shape is the kernel's). */
export type DefectSpec = GenericDefectSpec<PersonaId, StepId>;
export type { DefectProof };

/**
 * The email defects are told apart by the address category the universal-email persona keys each finding by:
 * filed by its TypeScript flow here (journey-observations), by the universal-acceptance audit on the described target.
 */
const EMAIL_RULES = ['journey-observations/email-rejected', 'journey-observations/email-silently-lost', 'universal-acceptance/email-rejected', 'universal-acceptance/email-silently-lost'];

const DISABILITY =
  'mission.md: "A complaint alleged the app was inaccessible to people with disabilities and violated federal disability law (Section 508 of the Rehabilitation Act applies to federal ICT)."';
const SOUTH_AMERICAN_EMAIL =
  'mission.md: "Email addresses from South American domains were reportedly not recognised at registration."';
const LANGUAGE_BARRIERS = 'mission.md: "The app required a smartphone; language barriers excluded people."';

export const DEFECTS: DefectSpec[] = [
  {
    id: 'email-rejects-country-code-sld',
    title: 'Email validation rejects country-code second-level domains',
    changes:
      'Account creation and sign-in reject addresses whose domain ends in a generic second level under a country code (e.g. usuario@ejemplo-prueba.com.ve, .gob.ve, .com.br, .com.ar, .com.co) with "Enter a valid email address".',
    barrier: SOUTH_AMERICAN_EMAIL,
    persona: 'universal-email',
    step: 'account-email',
    proof: { by: EMAIL_RULES, cites: ['UASG 004', 'RFC 6531'], keys: ['country-code-sld'] },
  },
  {
    id: 'email-rejects-long-tld',
    title: 'Email validation rejects top-level domains longer than 6 characters',
    changes:
      'Account creation and sign-in reject addresses whose top-level domain is longer than 6 ASCII letters or is an A-label (e.g. .international, .xn--mgbah1a3hjkrd) with "Enter a valid email address".',
    barrier: SOUTH_AMERICAN_EMAIL + ' (the same class of outdated email pattern; UASG 004 test addresses).',
    persona: 'universal-email',
    step: 'account-email',
    proof: { by: EMAIL_RULES, cites: ['UASG 004', 'RFC 6531'], keys: ['long-tld', 'a-label'] },
  },
  {
    id: 'email-rejects-idn',
    title: 'Email validation rejects internationalised domain names',
    changes:
      'Account creation and sign-in reject addresses whose domain has non-ASCII characters (U-labels, e.g. idn+ltr@համընդհանուր-ընկալում-թեստ.հայ) with "Enter a valid email address".',
    barrier: SOUTH_AMERICAN_EMAIL + ' ' + LANGUAGE_BARRIERS,
    persona: 'universal-email',
    step: 'account-email',
    proof: { by: EMAIL_RULES, cites: ['UASG 004', 'RFC 6531', 'IDNA2008 (RFC 5890)'], keys: ['idn'] },
  },
  {
    id: 'email-rejects-unicode-local-part',
    title: 'Email validation rejects Unicode local parts',
    changes:
      'Account creation and sign-in reject addresses whose local part has non-ASCII characters (e.g. อีเมลทดสอบ@ยูเอทดสอบ.ไทย) with "Enter a valid email address".',
    barrier: SOUTH_AMERICAN_EMAIL + ' ' + LANGUAGE_BARRIERS,
    persona: 'universal-email',
    step: 'account-email',
    proof: { by: EMAIL_RULES, cites: ['UASG 004', 'RFC 6531'], keys: ['unicode-local-part'] },
  },
  {
    id: 'registration-not-editable',
    title: 'Registration cannot be edited after it is submitted',
    changes:
      '/registration/edit shows "Your registration cannot be changed. To correct it, register again." with no form, POST /registration/edit is refused (403), and the dashboard has no edit link.',
    barrier:
      'mission.md: "Registration data could not be edited afterwards, so people registered again, creating duplicate registrations."',
    persona: 'screen-reader',
    step: 'registration-edit',
    proof: { by: ['journey-blocked/journey-blocked'], cites: ['journey blocked: registration cannot be corrected', '508 §602.3 (persuasive)'], keys: ['registration-edit'] },
  },
  {
    id: 'data-lost-on-server-error',
    title: 'A server error mid-registration loses everything entered',
    changes:
      'When a registration POST fails with a 500, nothing entered is kept (conformant saves a draft first and shows "your answers are saved"); the error page says "Please start again" and the form comes back empty.',
    barrier:
      'mission.md: "About half of the people interviewed in one study got an error message during registration and had to start again."',
    persona: 'low-end-network',
    step: 'registration',
    proof: { by: ['journey-observations/data-lost-on-error'], cites: ['data loss on server error'], keys: ['registration'] },
  },
  {
    id: 'offline-submit-loses-form',
    title: 'A form sent while the connection is down comes back empty',
    changes:
      'The pages send a form whatever the connection: offline, the browser shows its own error page and Back brings the form back empty (conformant keeps the page when navigator.onLine is false and says "You are offline: nothing was sent, and what you entered is still here").',
    barrier:
      'mission.md: "About half of the people interviewed in one study got an error message during registration and had to start again."',
    persona: 'low-end-network',
    step: 'registration',
    proof: { by: ['journey-observations/data-lost-offline'], cites: ['data loss when the connection drops (3.3.7 Redundant Entry, analogy)'], keys: ['registration'] },
  },
  {
    id: 'us-address-required',
    title: 'A US address is required',
    changes:
      'The registration "US address" fieldset is mandatory (required fields; registration refused without street, city, state and ZIP); conformant marks it optional.',
    barrier:
      'mission.md: "A US address was required by the app although the law did not require one; people with no US contact were disadvantaged."',
    persona: 'no-us-address',
    step: 'registration',
    proof: { by: ['journey-blocked/journey-blocked'], cites: ['journey blocked: US address demanded without legal basis'], keys: ['us-address'] },
  },
  {
    id: 'errors-english-only',
    title: 'Validation error messages are left in English in every locale',
    changes:
      'Every validation error (fields, summary heading, rate-limit and code errors) comes from the English catalogue whatever the page language; the rest of the page stays translated.',
    barrier: LANGUAGE_BARRIERS,
    persona: 'haitian-creole',
    step: 'registration',
    proof: { by: ['untranslated-text/untranslated-text'], cites: ['3.1.2', 'i18n: untranslated error'], keys: null },
  },
  {
    id: 'native-validation-bubbles',
    title: 'Browser-native validation bubbles instead of the app\'s own messages',
    changes:
      'Forms get required/pattern attributes so the browser shows its own bubbles (in the browser\'s language, gone after a moment, not linked to the field), and server-side errors have no error summary.',
    barrier: DISABILITY + ' ' + LANGUAGE_BARRIERS,
    persona: 'screen-reader',
    step: 'registration',
    proof: { by: ['error-identified/native-validation-bubbles'], cites: ['3.3.1', '3.3.3', '4.1.3', 'native validation bubble: not announced reliably, not translated to the page language, disappears'], keys: null },
  },
  {
    id: 'help-english-only',
    title: 'Help page and help answers only in English',
    changes:
      'The /help page content and the help answer email are in English whatever the user\'s language (the page keeps the user\'s lang attribute).',
    barrier: 'mission.md: "The troubleshooting email answered only in English."',
    persona: 'haitian-creole',
    step: 'help',
    proof: { by: ['page-language/page-language-mismatch', 'journey-observations/mail-language'], cites: ['3.1.1', 'i18n: support only in English', '508 §603 support services (persuasive)'], keys: null },
  },
  {
    id: 'lang-stuck-en',
    title: 'The page language is always declared as English',
    changes: '<html lang> is "en" on every page whatever language the page is in.',
    barrier: LANGUAGE_BARRIERS + ' ' + DISABILITY,
    persona: 'haitian-creole',
    step: 'home',
    proof: { by: ['page-language/page-language-mismatch'], cites: ['3.1.1'], keys: null },
  },
  {
    id: 'no-rtl-dir',
    title: 'No text direction for Arabic',
    changes: '<html> has no dir attribute, so Arabic pages render left-to-right.',
    barrier: LANGUAGE_BARRIERS,
    persona: 'rtl-reader',
    step: 'home',
    proof: { by: ['text-direction/text-direction-rtl'], cites: ['1.3.2', 'i18n: missing dir=rtl'], keys: null },
  },
  {
    id: 'exposure-gate-absolute-brightness',
    title: 'Selfie quality gate on absolute face brightness',
    changes: 'The capture keeps the camera\'s whole-frame metering (no exposure compensation metered on the face) and POST /selfie accepts a photo only if the face region\'s mean luma is ≥ 60 (gate "naive-absolute"); conformant meters the exposure on the detected face and uses the fair gate (contrast and noise relative to the face).',
    barrier:
      'mission.md: "Registration and each login required a live photo or video checked by facial recognition. It failed disproportionately for Black asylum seekers (darker skin tones), who reported being unable to get past the capture step."',
    persona: 'darker-skin-selfie',
    step: 'selfie',
    proof: { by: ['capture-parity/capture-parity'], cites: ['capture parity: condition-acceptance ratio < 0.8 (EEOC four-fifths, analogy)'], keys: ['selfie-capture'] },
  },
  {
    id: 'no-selfie-alternative',
    title: 'No alternative to the selfie',
    changes: 'The "I cannot take a photo" link is removed and /selfie/alternative answers 404.',
    barrier:
      'mission.md: "Registration and each login required a live photo or video checked by facial recognition. … who reported being unable to get past the capture step."',
    persona: 'darker-skin-selfie',
    step: 'selfie-alternative',
    proof: { by: ['journey-blocked/journey-blocked'], cites: ['journey blocked: no alternative to biometric capture'], keys: ['selfie-alternative'] },
  },
  {
    id: 'placeholder-only-labels',
    title: 'Inputs labelled only by placeholder',
    changes: 'Text inputs and selects lose their <label>; the label text only appears as a placeholder (or a first option) that disappears when typing.',
    barrier: DISABILITY,
    persona: 'screen-reader',
    step: 'registration',
    proof: { by: ['visible-labels/placeholder-only-label', '*/label'], cites: ['1.3.1', '3.3.2', '4.1.2'], keys: null },
  },
  {
    id: 'errors-color-only',
    title: 'Errors shown only in red, not announced',
    changes:
      'On a validation error the field\'s label turns red: no error text, no summary, no role=alert, no aria-invalid, no aria-describedby.',
    barrier: DISABILITY,
    persona: 'screen-reader',
    step: 'registration',
    proof: { by: ['error-identified/error-identified', 'error-announced/error-announced'], cites: ['1.4.1', '3.3.1', '4.1.3'], keys: null },
  },
  {
    id: 'clickable-divs',
    title: 'Clickable divs instead of buttons',
    changes:
      'Form submit controls (continue, send, request, add family member) are <div onclick> with no role and no tabindex: not focusable, not announced as buttons, dead without JavaScript.',
    barrier: DISABILITY,
    persona: 'keyboard',
    step: 'account-email',
    proof: { by: ['keyboard-operable/pointer-only-control', 'keyboard-operable/tab-unreachable', 'journey-blocked/journey-blocked'], cites: ['2.1.1', '4.1.2'], keys: null },
  },
  {
    id: 'focus-outline-removed',
    title: 'Focus outline removed',
    changes: 'The stylesheet adds *:focus{outline:none} and drops the focus styles.',
    barrier: DISABILITY,
    persona: 'keyboard',
    step: 'account-email',
    proof: { by: ['focus-visible/focus-visible'], cites: ['2.4.7'], keys: null },
  },
  {
    id: 'session-timeout-no-warning',
    title: 'Session times out with no warning and entered data is lost',
    changes:
      'No warning before the session ends, no way to extend it; after the timeout a POST redirects to sign in without explanation and what was entered is discarded (conformant warns 120 s before with an extend button and keeps the data across re-authentication).',
    barrier: DISABILITY + ' (an older user facing time limits; "had to start again").',
    persona: 'time-limits',
    step: 'registration',
    proof: { by: ['journey-observations/time-limit-no-warning', 'journey-observations/time-limit-data-lost'], cites: ['2.2.1', '2.2.5'], keys: ['session'] },
  },
  {
    id: 'low-contrast-help-text',
    title: 'Low-contrast hint text',
    changes: 'Hint and help text is #aaaaaa on white (2.32:1).',
    barrier: DISABILITY,
    persona: 'low-vision',
    step: 'registration',
    proof: { by: ['*/color-contrast'], cites: ['1.4.3'], keys: null },
  },
  {
    id: 'fixed-width-layout',
    title: 'Fixed-width layout that does not reflow',
    changes: 'The page body has min-width:1024px, so at 320 CSS px it scrolls in two dimensions.',
    barrier: DISABILITY + ' ' + 'mission.md: "The app required a smartphone".',
    persona: 'low-vision',
    step: 'home',
    proof: { by: ['reflow'], cites: ['1.4.10'], keys: null },
  },
  {
    id: 'image-captcha',
    title: 'Image CAPTCHA with no alternative',
    changes: 'Account creation requires typing the characters of an image (an <img> with no alt) with no audio or other alternative.',
    barrier: DISABILITY,
    persona: 'screen-reader',
    step: 'account-email',
    proof: { by: ['captcha-alternative/captcha-alternative', 'journey-blocked/journey-blocked'], cites: ['1.1.1', 'blocked: CAPTCHA without a non-visual alternative'], keys: null },
  },
  {
    id: 'duplicate-accounts-enter-lottery',
    title: 'Several accounts of one person each enter the lottery',
    changes:
      'The draw does not deduplicate persons (same names, date of birth and nationality): each account of one person is its own entry (drawLottery dedupePersons=false).',
    barrier:
      'mission.md: "One person submitted 466 registrations in a month; creating many accounts raised one\'s chances."',
    persona: 'multi-account',
    step: 'lottery-audit',
    proof: { by: ['journey-observations/lottery-duplicate-person'], cites: ['lottery fairness: duplicate persons not deduplicated'], keys: ['lottery-entries'] },
  },
];

export const DEFECT_IDS: string[] = DEFECTS.map((d) => d.id);

export type ProfileId = 'conformant' | 'cbp-one-2023';

export const PROFILES: Record<ProfileId, string[]> = {
  conformant: [],
  'cbp-one-2023': DEFECT_IDS.slice(),
};

export const CATALOGUE: DefectCatalogue = { profiles: PROFILES, defects: DEFECTS };

/** The defect ids a profile plus explicit defects switch on (throws on unknown ids, listing the valid ones). */
export function resolveDefects(profile?: string, defects?: string[]): string[] {
  return resolveFrom(CATALOGUE, profile, defects);
}

export function defectById(id: string): DefectSpec | undefined {
  return DEFECTS.find((d) => d.id === id);
}
