import { describe, expect, it } from 'vitest';
import { fingerprint, normaliseSelector } from './fingerprint.ts';

describe('normaliseSelector', () => {
  it('unifies whitespace and combinator spacing', () => {
    expect(normaliseSelector('main  >  form   input')).toBe(normaliseSelector('main>form input'));
  });
  it('hides generated ids and CSS-in-JS hashes', () => {
    expect(normaliseSelector('#field-8f3a2b1c > .css-1x2y3z')).toBe('#*>.*');
  });
  it('keeps meaningful ids apart', () => {
    expect(normaliseSelector('#email')).not.toBe(normaliseSelector('#phone'));
  });
});

describe('fingerprint', () => {
  const base = { ruleId: 'image-alt', element: 'html>body>img:nth-of-type(1)', pagePath: '/register', checkpoint: 'page' };
  it('is identical for identical inputs (stable across runs)', () => {
    expect(fingerprint(base)).toBe(fingerprint({ ...base }));
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{20}$/);
  });
  it.each([
    ['ruleId', { ruleId: 'label' }],
    ['element', { element: 'html>body>img:nth-of-type(2)' }],
    ['pagePath', { pagePath: '/help' }],
    ['checkpoint', { checkpoint: 'registration' }],
    ['persona', { persona: 'keyboard' }],
  ])('changes when %s changes', (_, change) => {
    expect(fingerprint({ ...base, ...change })).not.toBe(fingerprint(base));
  });
});
