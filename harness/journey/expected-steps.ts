import type { Flow } from './types.ts';
import type { ExpectedStep } from './expectation.ts';

const walks = (flow: Flow, persona: string) => !flow.personas || flow.personas.includes(persona);

/** Every step of every flow the persona walks: a clean project must have an artifact for each. */
export function allSteps(flows: Flow[], persona: string): ExpectedStep[] {
  return flows.filter((f) => walks(f, persona)).flatMap((f) => f.steps.map((s) => ({ flow: f.id, checkpoint: s.id })));
}

/**
 * Where a defect project's walk of this flow ends: the last step filed under the defect's step (a
 * step `partOf` it, such as the error page after a mistake, belongs to it), or -1 when the flow
 * does not have that step. Steps after it cannot prove that defect.
 */
export function lastStepOf(flow: Flow, step: string): number {
  return flow.steps.findLastIndex((s) => (s.partOf ?? s.id) === step);
}

/**
 * The steps a defect project must reach: in each flow of the persona that has the defect's step,
 * every step up to and including the last one filed under it (the journey may stop earlier: the
 * person is blocked). A defect step no flow of the persona has is a catalogue error.
 */
export function stepsUpTo(flows: Flow[], persona: string, step: string): ExpectedStep[] {
  const out: ExpectedStep[] = [];
  for (const f of flows.filter((x) => walks(x, persona))) {
    const at = lastStepOf(f, step);
    if (at >= 0) out.push(...f.steps.slice(0, at + 1).map((s) => ({ flow: f.id, checkpoint: s.id })));
  }
  if (out.length === 0) throw new Error(`no flow that ${persona} walks has a step "${step}"`);
  return out;
}
