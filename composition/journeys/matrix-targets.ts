import { resolveTarget } from '../../targets/index.ts';

/**
 * The targets whose journeys a `playwright test` run declares: the one PORTICO_TARGET names, or,
 * by default (npm test), the reference app and the described targets whose defect matrix runs
 * beside it. Playwright collects a spec file without knowing its project, so each target's tests
 * carry its tag and each project runs only its own target's (its `grep`).
 */
export const DESCRIBED_MATRIX_TARGETS = ['targets/benefits.target.yaml'];

export function matrixTargets(): string[] {
  if (process.env.PORTICO_TARGET || process.env.PORTICO_MODE === 'run') return [process.env.PORTICO_TARGET ?? 'reference'];
  return ['reference', ...DESCRIBED_MATRIX_TARGETS];
}

/** The tag on a target's journey tests ("@target-benefits"), when several targets are declared; none when only one is. */
export function targetTag(idOrFile: string): string | undefined {
  return matrixTargets().length > 1 ? `@target-${resolveTarget(idOrFile).id}` : undefined;
}

/** A project's `grep` for its target's journey tests. */
export function targetGrep(idOrFile: string): { grep?: RegExp } {
  const tag = targetTag(idOrFile);
  return tag ? { grep: new RegExp(`${tag}(?![\\w-])`) } : {};
}
