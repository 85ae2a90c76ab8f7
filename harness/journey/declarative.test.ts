import { describe, expect, it } from 'vitest';
import { parseDeclarativeTarget, interpolate, TargetFileError } from './declarative.ts';

const good = `
id: shop
title: A small shop
baseURL: http://127.0.0.1:3000
flows:
  - id: checkout
    title: Buy a thing
    steps:
      - id: home
        title: Open the shop
        goto: /
        expect: { heading: Welcome }
      - id: search
        title: Search
        fill: { label: Search, value: "{persona.givenNames}" }
        click: { role: button, name: Search }
`;

describe('declarative targets', () => {
  it('parses a valid YAML target', () => {
    const t = parseDeclarativeTarget(good, 'shop.yaml');
    expect(t.flows[0].steps.map((s) => s.id)).toEqual(['home', 'search']);
    expect(t.locales).toEqual(['en']);
  });
  it('names the file, the flow, the step and what is wrong', () => {
    const bad = good.replace('role: button', 'role: banana');
    expect(() => parseDeclarativeTarget(bad, 'shop.yaml')).toThrow(TargetFileError);
    expect(() => parseDeclarativeTarget(bad, 'shop.yaml')).toThrow(/shop\.yaml: .*flow "checkout" › step "search" › click › role/s);
  });
  it('rejects a relative goto, a bad baseURL, duplicate step ids and empty steps with clear messages', () => {
    expect(() => parseDeclarativeTarget(good.replace('goto: /', 'goto: home'), 'f.yaml')).toThrow(/goto: must be a path starting with \//);
    expect(() => parseDeclarativeTarget(good.replace('http://127.0.0.1:3000', 'localhost'), 'f.yaml')).toThrow(/baseURL: must be an absolute/);
    expect(() => parseDeclarativeTarget(good.replace('id: search', 'id: home'), 'f.yaml')).toThrow(/step "home": step ids must be unique/);
    expect(() => parseDeclarativeTarget(good.replace(/fill: .*\n.*click: .*\n/, ''), 'f.yaml')).toThrow(/needs at least one of/);
  });
  it('reports broken YAML and JSON as such', () => {
    expect(() => parseDeclarativeTarget('id: [unclosed', 'x.yaml')).toThrow(/x\.yaml: not valid YAML/);
    expect(() => parseDeclarativeTarget('{"id":', 'x.json')).toThrow(/x\.json: not valid JSON/);
  });
  it('fills persona data and refuses unknown keys', () => {
    const ctx = { data: { givenNames: 'Ana', email: 'a@b.c' } } as never;
    expect(interpolate('{persona.givenNames} <{persona.email}>', ctx)).toBe('Ana <a@b.c>');
    expect(() => interpolate('{persona.shoeSize}', ctx)).toThrow(/asks for \{persona\.shoeSize\}, which this persona has no value for/);
  });
});
