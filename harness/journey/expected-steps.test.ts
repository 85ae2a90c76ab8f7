import { describe, expect, it } from 'vitest';
import { allSteps, lastStepOf, stepsUpTo } from './expected-steps.ts';
import type { Flow } from './types.ts';

const register: Flow = { id: 'register', title: 'r', steps: [
  { id: 'home', title: 'h' },
  { id: 'registration', title: 'r' },
  { id: 'registration-errors', partOf: 'registration', title: 'e' },
  { id: 'dashboard', title: 'd' },
] };
const help: Flow = { id: 'help', title: 'h', steps: [{ id: 'help', title: 'h' }] };
const selfie: Flow = { id: 'selfie', title: 's', personas: ['darker-skin-selfie'], steps: [{ id: 'home', title: 'h' }, { id: 'selfie', title: 's' }] };

describe('the steps a project must reach', () => {
  it('a clean project: every step of every flow the persona walks', () => {
    expect(allSteps([register, help, selfie], 'keyboard').map((s) => `${s.flow}/${s.checkpoint}`)).toEqual(['register/home', 'register/registration', 'register/registration-errors', 'register/dashboard', 'help/help']);
  });
  it('a defect project: up to the last step filed under the defect\'s step, in each flow that has it', () => {
    expect(stepsUpTo([register, help, selfie], 'keyboard', 'registration').map((s) => `${s.flow}/${s.checkpoint}`)).toEqual(['register/home', 'register/registration', 'register/registration-errors']);
    expect(stepsUpTo([register, help, selfie], 'darker-skin-selfie', 'home').map((s) => `${s.flow}/${s.checkpoint}`)).toEqual(['register/home', 'selfie/home']);
    expect(lastStepOf(register, 'registration')).toBe(2);
    expect(lastStepOf(register, 'selfie')).toBe(-1);
  });
  it('a defect step that no flow of its persona has is a catalogue error', () => {
    expect(() => stepsUpTo([register, help, selfie], 'keyboard', 'selfie')).toThrow(/no flow that keyboard walks has a step "selfie"/);
  });
});
