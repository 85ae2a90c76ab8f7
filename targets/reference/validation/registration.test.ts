import { describe, expect, it } from 'vitest';
import { emptyRegistration, nameOk, personIdentity, phoneOk, readRegistrationForm, validateDate, validateRegistration, type RegistrationForm } from './registration.ts';

const valid = (over: Partial<RegistrationForm> = {}): RegistrationForm => ({
  ...emptyRegistration(),
  given_names: 'Wideline',
  family_names: '',
  dob_day: '4',
  dob_month: '11',
  dob_year: '1988',
  nationality: 'HT',
  country_of_birth: 'HT',
  phone: '+509 3712 3456',
  languages: ['ht', 'fr'],
  ...over,
});

describe('names', () => {
  it.each(['José Ángel', 'Núñez Peña', "N'Diaye", 'Jean-Baptiste', 'Ñandú', 'Владимир', 'محمد', 'Nguyễn Thị Minh Khai', 'Ō’Brien', 'K’iche’'])('accepts %s', (n) => expect(nameOk(n)).toBe(true));
  it.each(['R2D2', '<script>', '---', '123', ' leading'])('rejects %j', (n) => expect(nameOk(n)).toBe(false));

  it('allows a single name in either field', () => {
    expect(validateRegistration(valid(), { todayIso: '2026-01-01', usAddressRequired: false }).ok).toBe(true);
    expect(validateRegistration(valid({ given_names: '', family_names: 'Sukarno' }), { todayIso: '2026-01-01', usAddressRequired: false }).ok).toBe(true);
    const none = validateRegistration(valid({ given_names: '' }), { todayIso: '2026-01-01', usAddressRequired: false });
    expect(!none.ok && none.errors.get('given_names')).toBe('nameRequired');
  });

  it('keeps diacritics, stored NFC', () => {
    const form = readRegistrationForm(new URLSearchParams({ given_names: 'Jose\u0301  Ángel', family_names: 'Nu\u0303n\u0303ez' }));
    expect(form.given_names).toBe('José Ángel');
    expect(form.family_names).toBe('N\u0169\u00f1ez');
    expect(form.family_names.length).toBe(5);
  });
});

describe('dates of birth', () => {
  it('accepts real past dates, including 29 February of a leap year', () => {
    expect(validateDate('29', '2', '2000', '2026-01-01')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(validateDate('1', '1', '1950', '2026-01-01')).toEqual({ ok: true, iso: '1950-01-01' });
  });
  it.each([
    ['', '', '', 'dobRequired'],
    ['31', '2', '1990', 'dobInvalid'],
    ['29', '2', '2001', 'dobInvalid'],
    ['1', '13', '1990', 'dobInvalid'],
    ['1', '1', '90', 'dobInvalid'],
    ['a', '1', '1990', 'dobInvalid'],
    ['1', '1', '2099', 'dobFuture'],
  ])('%s/%s/%s → %s', (d, m, y, error) => {
    expect(validateDate(d, m, y, '2026-01-01')).toEqual({ ok: false, error });
  });
  it('reads Arabic-Indic digits', () => {
    const f = readRegistrationForm(new URLSearchParams({ dob_day: '٢٧', dob_month: '٣', dob_year: '١٩٩٠', phone: '+٢٢٢ ٢٢ ١٢ ٣٤ ٥٦' }));
    expect([f.dob_day, f.dob_month, f.dob_year]).toEqual(['27', '3', '1990']);
    expect(phoneOk(f.phone)).toBe(true);
  });
});

describe('US address and family members', () => {
  const opts = { todayIso: '2026-01-01', usAddressRequired: false };
  it('the US address is optional, but a partial one must be completed', () => {
    expect(validateRegistration(valid(), opts).ok).toBe(true);
    const partial = validateRegistration(valid({ us_city: 'Brownsville' }), opts);
    expect(!partial.ok && partial.errors.get('us_street')).toBe('usAddressIncomplete');
  });
  it('when required (the defect) an empty US address is refused', () => {
    const r = validateRegistration(valid(), { ...opts, usAddressRequired: true });
    expect(!r.ok && [...r.errors.keys()]).toEqual(['us_street', 'us_city', 'us_state', 'us_zip']);
  });
  it('empty member rows are ignored; filled ones validated', () => {
    const m = { given_names: 'Ana', family_names: '', dob_day: '2', dob_month: '5', dob_year: '2015', relationship: 'child' };
    const empty = { given_names: '', family_names: '', dob_day: '', dob_month: '', dob_year: '', relationship: '' };
    const r = validateRegistration(valid({ members: [m, empty] }), opts);
    expect(r.ok && r.value.members).toEqual([{ given_names: 'Ana', family_names: '', dob: '2015-05-02', relationship: 'child' }]);
    const bad = validateRegistration(valid({ members: [{ ...m, relationship: '' }] }), opts);
    expect(!bad.ok && bad.errors.get('member_0_relationship')).toBe('relationshipRequired');
  });
});

describe('person identity (duplicate accounts of one person)', () => {
  it('folds case, spaces and compatibility forms', () => {
    const a = personIdentity({ given_names: 'José  Ángel', family_names: 'NÚÑEZ', dob: '1990-03-27', nationality: 'VE' });
    const b = personIdentity({ given_names: 'josé ángel', family_names: 'núñez', dob: '1990-03-27', nationality: 'VE' });
    expect(a).toBe(b);
  });
});
