import { describe, expect, it } from 'vitest';
import { categoryObservations, EMAIL_CATEGORIES, UA_ADDRESSES } from './email-acceptance.ts';

describe('the universal-email persona files one finding per rejected or lost address category, keyed by it', () => {
  it('every address has a category; the categories the email defects are told apart by are all there', () => {
    expect(EMAIL_CATEGORIES).toEqual(['ascii-new-gtld', 'long-tld', 'a-label', 'idn', 'unicode-local-part', 'country-code-sld']);
    expect(UA_ADDRESSES.filter((a) => a.category === 'country-code-sld')).toHaveLength(5);
  });
  it('several rejected addresses of one category are one finding listing each, keyed by the category', () => {
    const obs = categoryObservations('country-code-sld', [
      { address: 'a@x.com.ve', kind: '.com.ve', result: 'rejected', says: '"Enter a valid email address"' },
      { address: 'b@x.com.br', kind: '.com.br', result: 'rejected', says: '"Enter a valid email address"' },
      { address: 'c@x.com.co', kind: '.com.co', result: 'accepted' },
    ]);
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({ ruleId: 'email-rejected', key: 'country-code-sld', other: ['UASG 004', 'RFC 6531'], selector: 'email:country-code-sld:rejected' });
    expect(obs[0].message).toMatch(/a@x\.com\.ve.*b@x\.com\.br/);
    expect(obs[0].message).not.toMatch(/c@x\.com\.co/);
  });
  it('a lost address is its own finding of the same category; all accepted is none', () => {
    const obs = categoryObservations('idn', [
      { address: 'a@հայ', kind: 'ltr', result: 'lost', wentTo: ['a@xn--y9a3aq'] },
      { address: 'b@موريتانيا', kind: 'rtl', result: 'rejected', says: 'nothing' },
    ]);
    expect(obs.map((o) => [o.ruleId, o.key])).toEqual([['email-rejected', 'idn'], ['email-silently-lost', 'idn']]);
    expect(categoryObservations('idn', [{ address: 'a@հայ', kind: 'ltr', result: 'accepted' }])).toEqual([]);
  });
});
