import type { Target } from '../harness/journey/types.ts';
import { referenceTarget } from './reference.target.ts';
import { loadDeclarativeTarget } from '../harness/journey/declarative.ts';

/** Built-in targets by id; anything else is a path to a declarative target file (YAML or JSON). */
export const BUILT_IN_TARGETS: Record<string, Target> = { reference: referenceTarget };

export function resolveTarget(idOrFile: string): Target {
  return BUILT_IN_TARGETS[idOrFile] ?? loadDeclarativeTarget(idOrFile);
}
