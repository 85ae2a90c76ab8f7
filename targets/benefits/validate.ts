import type { Key } from './i18n.ts';

/**
 * The benefits app's validation rules, pure. Each function returns the field errors (field id →
 * catalogue key) for one page; `on` is the set of switched-on defects, so a defect changes a rule
 * only where it names it.
 */
export type Errors = Record<string, Key>;

/** Full stops an address may be typed with (ideographic, full-width, half-width): RFC 3490 §3.1. */
const DOTS = /[\u3002\uff0e\uff61]/g;

export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().replace(DOTS, '.');
}

/**
 * Conformant: anything with a non-empty local part, one "@", and a domain of dot-separated labels
 * (any script, any length TLD, A-labels too). No ASCII assumption, no TLD list.
 */
export function validateEmail(raw: string, on: ReadonlySet<string>): Key | null {
  const email = normaliseEmail(raw);
  if (!email) return 'err.emailMissing';
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1 || /\s/.test(email) || email.length > 254) return 'err.emailFormat';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.includes('@') && !/^".*"$/.test(local)) return 'err.emailFormat';
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => !l || l.length > 63 || /^-|-$/.test(l) || /[\s@,;:<>()[\]\\"]/.test(l))) return 'err.emailFormat';
  if (on.has('email-ascii-only') && /[^\x00-\x7f]/.test(email)) return 'err.emailFormat';
  if (on.has('email-tld-2-to-4') && !/^[A-Za-z]{2,4}$/.test(labels[labels.length - 1])) return 'err.emailFormat';
  return null;
}

export function validateCode(raw: string): Key | null {
  const code = raw.replace(/\s+/g, '');
  if (!code) return 'err.codeMissing';
  if (!/^\d{6}$/.test(code)) return 'err.codeWrong';
  return null;
}

export interface Details {
  fullName: string;
  dobDay: string;
  dobMonth: string;
  dobYear: string;
  noFixedAddress: boolean;
  line1: string;
  line2: string;
  town: string;
  postcode: string;
  country: string;
  state: string;
  zip: string;
}

export const US_STATES = ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC'];

/** A real calendar date, not in the future, not before 1900. */
export function isRealPastDate(d: number, m: number, y: number, today = new Date()): boolean {
  if (![d, m, y].every(Number.isInteger) || y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

export function validateDetails(v: Details, on: ReadonlySet<string>, today = new Date()): Errors {
  const errors: Errors = {};
  if (!v.fullName.trim()) errors.fullName = 'err.nameMissing';
  const parts = [v.dobDay, v.dobMonth, v.dobYear].map((x) => x.trim());
  if (parts.every((p) => !p)) errors['dob-day'] = 'err.dobMissing';
  else if (!parts.every((p) => /^\d{1,4}$/.test(p)) || !isRealPastDate(+parts[0], +parts[1], +parts[2], today)) errors['dob-day'] = 'err.dobInvalid';
  const fixedRequired = on.has('fixed-address-required');
  if (!v.noFixedAddress || fixedRequired) {
    if (!v.line1.trim()) errors.line1 = fixedRequired ? 'err.line1Required' : 'err.line1Missing';
    if (!v.town.trim()) errors.town = 'err.townMissing';
    if (on.has('us-zip-required')) {
      if (!US_STATES.includes(v.state)) errors.state = 'err.stateMissing';
      if (!/^\d{5}(-\d{4})?$/.test(v.zip.trim())) errors.zip = 'err.zipInvalid';
    } else if (!v.country.trim()) errors.country = 'err.countryMissing';
  }
  return errors;
}

export const REASON_MAX = 500;
export const SITUATIONS = ['lost-job', 'illness', 'carer', 'other'] as const;

export interface Circumstances {
  situation: string;
  lostJobWhen: string;
  otherDetail: string;
  reason: string;
}

export function validateCircumstances(v: Circumstances): Errors {
  const errors: Errors = {};
  if (!(SITUATIONS as readonly string[]).includes(v.situation)) errors['situation'] = 'err.situationMissing';
  if (!v.reason.trim()) errors.reason = 'err.reasonMissing';
  else if ([...v.reason].length > REASON_MAX) errors.reason = 'err.reasonTooLong';
  return errors;
}

/** JPEG or PNG by magic bytes, not by name or declared type. */
export function isImage(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  return jpeg || png;
}

/** A reference number people can read out on the phone: no 0/O, 1/I. */
export function referenceNumber(random: (n: number) => number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[random(alphabet.length)]).join('');
  return `HG-${pick(4)}-${pick(4)}`;
}
