import type { Flow } from './types.ts';
import type { ExpectedStep } from './expectation.ts';

const walks = (flow: Flow, persona: string) => !flow.personas || flow.personas.includes(persona);

/** Every step of every flow the persona walks: a clean project must have an artifact for each. */
export function allSteps(flows: Flow[], persona: string): ExpectedStep[] {
  return flows.filter((f) => walks(f, persona)).flatMap((f) => f.steps.map((s) => ({ flow: f.id, checkpoint: s.id })));
}

/**
 * The steps a defect project must reach: in each flow of the persona that has the defect's step,
 * every step up to and including the first checkpoint of it (the journey may stop there: the
 * person is blocked). A defect step no flow of the persona has is a catalogue error.
 */
export function stepsUpTo(flows: Flow[], persona: string, step: string): ExpectedStep[] {
  const out: ExpectedStep[] = [];
  for (const f of flows.filter((x) => walks(x, persona))) {
    const at = f.steps.findIndex((s) => (s.partOf ?? s.id) === step);
    if (at >= 0) out.push(...f.steps.slice(0, at + 1).map((s) => ({ flow: f.id, checkpoint: s.id })));
  }
  if (out.length === 0) throw new Error(`no flow that ${persona} walks has a step "${step}"`);
  return out;
}
