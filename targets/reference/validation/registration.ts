import { asciiDigits } from './digits.ts';

/**
 * Registration profile: reading the form, validating it, normalising what is stored (NFC, names
 * kept exactly with their diacritics). Error values are i18n keys (under `errors.`).
 */

export const MAX_MEMBERS = 8;

export const COUNTRIES = [
  'AF', 'AO', 'AR', 'BO', 'BR', 'CA', 'CD', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'DO', 'EC', 'ER', 'GE', 'GH', 'GN', 'GT',
  'HN', 'HT', 'IN', 'IR', 'KZ', 'MR', 'MX', 'NG', 'NI', 'PA', 'PE', 'PY', 'RU', 'SN', 'SV', 'SY', 'TR', 'UA', 'US', 'UY',
  'UZ', 'VE', 'YE',
] as const;

export const LANGUAGE_CODES = ['es', 'ht', 'pt', 'fr', 'ru', 'ar', 'en', 'quc', 'mam'] as const;
export const RELATIONSHIPS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;

export interface MemberForm {
  given_names: string;
  family_names: string;
  dob_day: string;
  dob_month: string;
  dob_year: string;
  relationship: string;
}

export interface RegistrationForm {
  given_names: string;
  family_names: string;
  dob_day: string;
  dob_month: string;
  dob_year: string;
  nationality: string;
  country_of_birth: string;
  phone: string;
  languages: string[];
  languages_other: string;
  us_street: string;
  us_city: string;
  us_state: string;
  us_zip: string;
  members: MemberForm[];
}

/** field name → i18n error key (without the `errors.` prefix), in page order. */
export type FieldErrors = Map<string, string>;

const clean = (v: string | null | undefined) => (v ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const digits = (v: string | null | undefined) => asciiDigits(clean(v));

export function emptyMember(): MemberForm {
  return { given_names: '', family_names: '', dob_day: '', dob_month: '', dob_year: '', relationship: '' };
}

export function emptyRegistration(): RegistrationForm {
  return {
    given_names: '', family_names: '', dob_day: '', dob_month: '', dob_year: '', nationality: '', country_of_birth: '',
    phone: '', languages: [], languages_other: '', us_street: '', us_city: '', us_state: '', us_zip: '', members: [],
  };
}

export function memberIsEmpty(m: MemberForm): boolean {
  return Object.values(m).every((v) => v === '');
}

export function readRegistrationForm(form: URLSearchParams): RegistrationForm {
  const count = Math.min(MAX_MEMBERS, Math.max(0, Number.parseInt(form.get('member_count') ?? '0', 10) || 0));
  const members: MemberForm[] = [];
  for (let i = 0; i < count; i++) {
    members.push({
      given_names: clean(form.get(`member_${i}_given_names`)),
      family_names: clean(form.get(`member_${i}_family_names`)),
      dob_day: digits(form.get(`member_${i}_dob_day`)),
      dob_month: digits(form.get(`member_${i}_dob_month`)),
      dob_year: digits(form.get(`member_${i}_dob_year`)),
      relationship: clean(form.get(`member_${i}_relationship`)),
    });
  }
  return {
    given_names: clean(form.get('given_names')),
    family_names: clean(form.get('family_names')),
    dob_day: digits(form.get('dob_day')),
    dob_month: digits(form.get('dob_month')),
    dob_year: digits(form.get('dob_year')),
    nationality: clean(form.get('nationality')),
    country_of_birth: clean(form.get('country_of_birth')),
    phone: digits(form.get('phone')),
    languages: form.getAll('languages').map(clean).filter((l) => (LANGUAGE_CODES as readonly string[]).includes(l)),
    languages_other: clean(form.get('languages_other')),
    us_street: clean(form.get('us_street')),
    us_city: clean(form.get('us_city')),
    us_state: clean(form.get('us_state')),
    us_zip: clean(form.get('us_zip')),
    members,
  };
}

/** Letters and marks of any script, spaces, apostrophes, hyphens and full stops; no digits. */
export function nameOk(name: string): boolean {
  return name.length <= 100 && /^[\p{L}\p{M}][\p{L}\p{M} '’ʼ.\-]*$/u.test(name);
}

/** An ISO date (YYYY-MM-DD) or an error key. */
export function validateDate(
  day: string,
  month: string,
  year: string,
  todayIso: string,
): { ok: true; iso: string } | { ok: false; error: 'dobRequired' | 'dobInvalid' | 'dobFuture' } {
  if (!day && !month && !year) return { ok: false, error: 'dobRequired' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { ok: false, error: 'dobInvalid' };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || y < 1900) return { ok: false, error: 'dobInvalid' };
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return { ok: false, error: 'dobInvalid' };
  const iso = dt.toISOString().slice(0, 10);
  if (iso > todayIso) return { ok: false, error: 'dobFuture' };
  return { ok: true, iso };
}

export function phoneOk(phone: string): boolean {
  const digits = phone.replace(/[\s().-]/g, '');
  return /^\+?[0-9]{7,15}$/.test(digits);
}

export interface ValidatedRegistration {
  given_names: string;
  family_names: string;
  dob: string;
  nationality: string;
  country_of_birth: string;
  phone: string;
  languages: string[];
  languages_other: string;
  us_street: string;
  us_city: string;
  us_state: string;
  us_zip: string;
  members: Array<{ given_names: string; family_names: string; dob: string; relationship: string }>;
}

export function validateRegistration(
  f: RegistrationForm,
  opts: { todayIso: string; usAddressRequired: boolean },
): { ok: true; value: ValidatedRegistration } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  if (!f.given_names && !f.family_names) errors.set('given_names', 'nameRequired');
  else {
    if (f.given_names && !nameOk(f.given_names)) errors.set('given_names', 'nameInvalid');
    if (f.family_names && !nameOk(f.family_names)) errors.set('family_names', 'nameInvalid');
  }
  const dob = validateDate(f.dob_day, f.dob_month, f.dob_year, opts.todayIso);
  if (!dob.ok) errors.set('dob_day', dob.error);
  if (!(COUNTRIES as readonly string[]).includes(f.nationality)) errors.set('nationality', 'nationalityRequired');
  if (!(COUNTRIES as readonly string[]).includes(f.country_of_birth)) errors.set('country_of_birth', 'countryOfBirthRequired');
  if (!f.phone) errors.set('phone', 'phoneRequired');
  else if (!phoneOk(f.phone)) errors.set('phone', 'phoneInvalid');
  if (f.languages.length === 0 && !f.languages_other) errors.set('languages', 'languagesRequired');

  const anyAddress = Boolean(f.us_street || f.us_city || f.us_state || f.us_zip);
  if (opts.usAddressRequired || anyAddress) {
    if (!f.us_street) errors.set('us_street', opts.usAddressRequired ? 'usStreetRequired' : 'usAddressIncomplete');
    if (!f.us_city) errors.set('us_city', opts.usAddressRequired ? 'usCityRequired' : 'usAddressIncomplete');
    if (!f.us_state) errors.set('us_state', opts.usAddressRequired ? 'usStateRequired' : 'usAddressIncomplete');
    if (!f.us_zip) errors.set('us_zip', opts.usAddressRequired ? 'usZipRequired' : 'usAddressIncomplete');
    else if (!/^\d{5}(-\d{4})?$/.test(f.us_zip)) errors.set('us_zip', 'usZipInvalid');
  }

  const members: ValidatedRegistration['members'] = [];
  f.members.forEach((m, i) => {
    if (memberIsEmpty(m)) return;
    if (!m.given_names && !m.family_names) errors.set(`member_${i}_given_names`, 'nameRequired');
    else {
      if (m.given_names && !nameOk(m.given_names)) errors.set(`member_${i}_given_names`, 'nameInvalid');
      if (m.family_names && !nameOk(m.family_names)) errors.set(`member_${i}_family_names`, 'nameInvalid');
    }
    const md = validateDate(m.dob_day, m.dob_month, m.dob_year, opts.todayIso);
    if (!md.ok) errors.set(`member_${i}_dob_day`, md.error);
    if (!(RELATIONSHIPS as readonly string[]).includes(m.relationship)) errors.set(`member_${i}_relationship`, 'relationshipRequired');
    if (md.ok) members.push({ given_names: m.given_names, family_names: m.family_names, dob: md.iso, relationship: m.relationship });
  });

  if (errors.size > 0 || !dob.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      given_names: f.given_names,
      family_names: f.family_names,
      dob: dob.iso,
      nationality: f.nationality,
      country_of_birth: f.country_of_birth,
      phone: f.phone,
      languages: f.languages,
      languages_other: f.languages_other,
      us_street: f.us_street,
      us_city: f.us_city,
      us_state: f.us_state,
      us_zip: f.us_zip,
      members,
    },
  };
}

/** The same person behind several accounts: names (case- and space-folded), date of birth, nationality. */
export function personIdentity(r: { given_names: string; family_names: string; dob: string; nationality: string }): string {
  const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
  return [fold(r.family_names), fold(r.given_names), r.dob, r.nationality].join('|');
}
