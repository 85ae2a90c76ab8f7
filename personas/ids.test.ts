import { describe, expect, it } from 'vitest';
import { PERSONA_IDS } from './ids.ts';
import { PERSONAS } from './index.ts';

describe('PERSONA_IDS', () => {
  it('lists exactly the registered personas, in order', () => {
    expect([...PERSONA_IDS]).toEqual(PERSONAS.map((p) => p.id));
  });
});
