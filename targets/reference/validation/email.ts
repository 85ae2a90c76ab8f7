import { domainToASCII } from 'node:url';

/**
 * Email acceptance per RFC 6531 / UASG 004: Unicode local parts, internationalised domains
 * (U-labels and A-labels), long TLDs, country-code second levels. The address is stored as
 * entered (NFC, with ideographic full stops normalised to '.'), and looked up by a key made of the
 * NFC local part and the lower-case A-label domain.
 */

export type EmailErrorCode = 'required' | 'missingAt' | 'localPart' | 'domain' | 'tooLong' | 'invalid';

export type EmailResult =
  | { ok: true; address: string; key: string; asciiDomain: string }
  | { ok: false; error: EmailErrorCode };

/** The defects that narrow email acceptance (each on its own). */
export interface EmailDefects {
  rejectCountryCodeSld?: boolean;
  rejectLongTld?: boolean;
  rejectIdn?: boolean;
  rejectUnicodeLocalPart?: boolean;
}

/** Full stops that IDNA treats as label separators: ideographic, fullwidth, halfwidth ideographic. */
const DOT_LIKE = /[\u3002\uFF0E\uFF61]/g;
const ASCII_ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]$/;

function localPartOk(local: string): boolean {
  if (local.length === 0 || Buffer.byteLength(local, 'utf8') > 64) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  for (const ch of local) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      if (!ASCII_ATEXT.test(ch)) return false;
    } else if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(ch) && cp !== 0x200c && cp !== 0x200d) {
      return false; // controls, format characters (except ZWNJ/ZWJ, needed by some scripts) and spaces
    }
  }
  return true;
}

export function normaliseEmailInput(input: string): string {
  return input.trim().normalize('NFC').replace(DOT_LIKE, '.');
}

export function validateEmail(input: string | null | undefined, defects: EmailDefects = {}): EmailResult {
  const address = normaliseEmailInput(input ?? '');
  if (address.length === 0) return { ok: false, error: 'required' };
  const at = address.lastIndexOf('@');
  if (at < 0) return { ok: false, error: 'missingAt' };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!localPartOk(local)) return { ok: false, error: 'localPart' };
  if (domain.length === 0 || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) {
    return { ok: false, error: 'domain' };
  }
  const asciiDomain = domainToASCII(domain.toLowerCase());
  if (!asciiDomain) return { ok: false, error: 'domain' };
  const labels = asciiDomain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) return { ok: false, error: 'domain' };
  if (labels.some((l) => !/^[a-z0-9-]+$/.test(l) || l.startsWith('-') || l.endsWith('-'))) return { ok: false, error: 'domain' };
  const tld = labels[labels.length - 1];
  if (/^[0-9]+$/.test(tld)) return { ok: false, error: 'domain' };
  if (asciiDomain.length > 253 || Buffer.byteLength(address, 'utf8') > 254) return { ok: false, error: 'tooLong' };

  // The catalogued defects: each reproduces one outdated validation rule, with the same misleading message.
  if (defects.rejectUnicodeLocalPart && /[^\x00-\x7f]/.test(local)) return { ok: false, error: 'invalid' };
  if (defects.rejectIdn && /[^\x00-\x7f]/.test(domain)) return { ok: false, error: 'invalid' };
  if (defects.rejectLongTld && !/^[a-z]{2,6}$/.test(tld)) return { ok: false, error: 'invalid' };
  if (defects.rejectCountryCodeSld && labels.length >= 3 && /^(com|net|org|edu|gob|gov|mil|co|ac|nom|info)$/.test(labels[labels.length - 2]) && tld.length === 2) {
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, address, key: `${local}@${asciiDomain}`, asciiDomain };
}

export function emailDefectsFrom(defects: ReadonlySet<string>): EmailDefects {
  return {
    rejectCountryCodeSld: defects.has('email-rejects-country-code-sld'),
    rejectLongTld: defects.has('email-rejects-long-tld'),
    rejectIdn: defects.has('email-rejects-idn'),
    rejectUnicodeLocalPart: defects.has('email-rejects-unicode-local-part'),
  };
}
