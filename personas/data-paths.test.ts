import { describe, expect, it } from 'vitest';
import { PERSONA_VALUE_PATHS } from '../harness/journey/types.ts';
import { parseDeclarativeTarget } from '../harness/journey/declarative/index.ts';
import { baseData } from './data.ts';

const leaves = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) =>
  v && typeof v === 'object' && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : Array.isArray(v) ? [] : [`${prefix}${k}`]);

describe('the values a description can ask of a persona', () => {
  it('are exactly the single values every persona\'s data has', () => {
    expect([...PERSONA_VALUE_PATHS].sort()).toEqual(leaves(baseData).sort());
  });
  it('a {persona.…} it does not have is an error when the file is read, naming flow, step, key and what there is', () => {
    const yaml = 'baseURL: http://127.0.0.1:9\nflows:\n  - id: f\n    title: Details\n    steps:\n      - { id: details, goto: /, fill: { label: Phone, value: "{persona.telephone}" } }\n';
    expect(() => parseDeclarativeTarget(yaml, 'clinic.target.yaml')).toThrow(/flow "f" › step "details" › fill\[0\] › value.*\{persona\.telephone\}: personas have no such value; they have .*\{persona\.phone\}/s);
  });
});
