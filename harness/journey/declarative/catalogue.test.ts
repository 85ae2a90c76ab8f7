import { describe, expect, it } from 'vitest';
import { parseDeclarativeTarget } from './schema.ts';
import { describedCatalogues } from './catalogue.ts';

const yaml = `
baseURL: http://127.0.0.1:8080
languages: { offered: [en, es] }
flows:
  - id: apply
    title: Apply
    steps:
      - id: details
        goto: /
        fill: { label: { en: Email address, es: Correo electrónico }, value: x }
        check: { en: English, es: español }
        click: { role: button, name: { en: Continue, es: Continuar } }
        expect: { heading: { en: Check your email, es: Revise su correo } }
`;

describe('the description\'s words as a catalogue', () => {
  it('gives key → text per language from every worded key, leaving out names of languages', () => {
    const c = describedCatalogues(parseDeclarativeTarget(yaml, 'x.yaml'));
    expect(c.es).toEqual({ 'apply.details.fill0.label': 'Correo electrónico', 'apply.details.click': 'Continuar', 'apply.details.expect.heading': 'Revise su correo' });
    expect(c.en['apply.details.click']).toBe('Continue');
    expect(Object.values(c.en)).not.toContain('English');
  });
  it('a description in one language has no catalogue', () => {
    expect(describedCatalogues(parseDeclarativeTarget(yaml.replace('languages: { offered: [en, es] }\n', '').replace(/\{ en: ([^,]+), es: [^}]+\}/g, '"$1"'), 'x.yaml'))).toEqual({});
  });
});
