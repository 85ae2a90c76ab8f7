import { defineConfig, type Project } from '@playwright/test';
import { chromiumLaunchOptions } from './harness/browser/launch.ts';
import { PERSONAS, auditsFor } from './composition/registry.ts';
import type { Expectation } from './harness/journey/expectation.ts';
import type { PorticoOptions } from './composition/playwright/fixtures.ts';
import { allSteps, stepsUpTo } from './harness/journey/expected-steps.ts';
import { resolveTarget } from './targets/index.ts';
import { DESCRIBED_MATRIX_TARGETS, targetGrep } from './composition/journeys/matrix-targets.ts';
// --- described-target defect matrix (any-target helper; additive) ---
import { describedTargetMatrix, hasDefectMatrix } from './harness/journey/declarative/matrix.ts';
// --- end described-target defect matrix ---

/**
 * Projects:
 * - harness, reference: the tool's and the reference app's own browser tests.
 * - "<target>@<persona>": each persona walks the target's journeys (composition/journeys/specs/<persona>.spec.ts).
 *   Under `npm test` (PORTICO_MODE=test, the default) there are two kinds, each with its expectation:
 *   "reference@<persona>" on the conformant profile (must yield nothing), and
 *   "reference[<defect>]@<persona>" with one catalogued defect on (must be caught, by itself).
 *   Under `portico run` (PORTICO_MODE=run) the chosen personas, profile and defects.
 */
const mode = (process.env.PORTICO_MODE ??= 'test');
const target = process.env.PORTICO_TARGET ?? 'reference';
const out = process.env.PORTICO_OUT ?? 'test-results/portico';
// One id per `playwright test` invocation (workers inherit it): a project clears its output once per run.
process.env.PORTICO_RUN_ID ??= `${Date.now().toString(36)}-${process.pid}`;

function journeyProject(name: string, personaId: string, options: Partial<PorticoOptions>, expectation?: Expectation): Project {
  const persona = PERSONAS.find((p) => p.id === personaId)!;
  return {
    name,
    testDir: './composition/journeys/specs',
    testMatch: new RegExp(`${personaId}\\.spec\\.[jt]s$`),
    metadata: { expectation, persona: personaId },
    ...targetGrep(target),
    use: { ...persona.use, porticoPersona: personaId, porticoTarget: target, // A run has one directory (evidence paths in findings.json are relative to it); under npm test
    // several projects share a persona, so each gets its own.
    porticoOut: mode === 'run' ? out : `${out}/${name.replace(/[^\w@.-]+/g, '_')}`, ...options } as Project['use'],
  };
}

/**
 * The second target's matrix runs under npm test beside the reference app's: an app Portico did not
 * write for itself, described only in YAML (PORTICO_TARGET=reference runs the reference app's alone).
 */
const DESCRIBED_MATRICES = process.env.PORTICO_TARGET ? [] : DESCRIBED_MATRIX_TARGETS;
const describedMatrix = (file: string) => (describedTargetMatrix(file, { personas: PERSONAS, auditsFor, out, otherProfiles: false, testDir: './composition/journeys/specs' }) as Project[]).map((p) => ({ ...p, ...targetGrep(file) }));
/**
 * Left out of npm test beside the reference matrix, to keep CI under 30 minutes: on a described
 * target the time-limits persona waits past the app's session on the real clock (about 7 minutes a
 * project). `PORTICO_TARGET=targets/benefits.target.yaml` (npm run test:benefits-matrix) runs them.
 */
const REAL_CLOCK_PERSONAS = new Set(['time-limits']);
const withoutRealClockWaits = (projects: Project[]) => projects.filter((p) => !REAL_CLOCK_PERSONAS.has(String((p.metadata as { persona?: string } | undefined)?.persona)));

/** Under npm test: every target with a defect catalogue, conformant for each persona and each defect on its own. */
function testProjects(): Project[] {
  // A described target (YAML) with profiles and defects: its own matrix.
  if (target !== 'reference' && hasDefectMatrix(target)) return describedMatrix(target);
  return [...referenceProjects(), ...DESCRIBED_MATRICES.flatMap((file) => withoutRealClockWaits(describedMatrix(file)))];
}

function referenceProjects(): Project[] {
  const described = resolveTarget(target);
  if (!described.defects) return [];
  const flows = described.flows;
  const required = (id: string) => auditsFor(PERSONAS.find((p) => p.id === id)!).map((a) => a.meta.id);
  const clean = PERSONAS.map((p) => journeyProject(`${target}@${p.id}`, p.id, { porticoProfile: 'conformant' }, {
    kind: 'clean', profile: 'conformant', persona: p.id, steps: allSteps(flows, p.id), requiredAudits: required(p.id),
  }));
  const defects = described.defects.defects.map((d) =>
    journeyProject(`${target}[${d.id}]@${d.persona}`, d.persona, { porticoProfile: 'conformant', porticoDefects: [d.id] }, {
      kind: 'defect', defectId: d.id, persona: d.persona, step: d.step, proof: d.proof, steps: stepsUpTo(flows, d.persona, d.step),
    }));
  return [...clean, ...defects];
}

const SLOW_PERSONAS = new Set(['darker-skin-selfie']);
function longestFirst(projects: Project[]): Project[] {
  const slow = (p: Project) => SLOW_PERSONAS.has(String((p.metadata as { persona?: string } | undefined)?.persona));
  return [...projects.filter(slow), ...projects.filter((p) => !slow(p))];
}

function runProjects(): Project[] {
  const wanted = process.env.PORTICO_PERSONAS ? process.env.PORTICO_PERSONAS.split(',') : PERSONAS.map((p) => p.id);
  const profile = process.env.PORTICO_PROFILE ?? 'conformant';
  const defects = process.env.PORTICO_DEFECTS ? process.env.PORTICO_DEFECTS.split(',').filter(Boolean) : [];
  return wanted.map((id) => journeyProject(`${target}@${id}`, id, { porticoProfile: profile, porticoDefects: defects }));
}

export default defineConfig({
  timeout: 180_000,
  workers: 2,
  reporter: mode === 'test' ? [['list'], [`./composition/reporters/matrix-reporter${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`]] : [['list']],
  outputDir: process.env.PORTICO_PW_OUTPUT ?? 'test-results/playwright',
  use: {
    launchOptions: chromiumLaunchOptions(),
    // A trace explains a journey that did not finish; every journey's trace (`portico run --trace`)
    // is 5–30 MB and costs time, so the rest are off by default. Under npm test they are off.
    trace: mode === 'run' ? ((process.env.PORTICO_TRACE ?? 'retain-on-failure') as 'on' | 'retain-on-failure') : 'off',
  },
  projects: [
    // Longest first, so the two workers end together: the darker-skin projects run the 120-photo
    // capture grid (about 350 s each, measured in CI); everything else is under a minute a project.
    ...(mode === 'test' ? longestFirst(testProjects()) : []),
    ...(mode === 'test' ? [
      { name: 'harness', testDir: './harness', testMatch: /.*\.spec\.ts$/ },
      { name: 'composition', testDir: './composition', testMatch: /.*\.spec\.ts$/, testIgnore: /journeys\// },
      { name: 'reference', testDir: './targets/reference', testMatch: /.*\.spec\.ts$/ },
      { name: 'benefits', testDir: './targets/benefits', testMatch: /.*\.spec\.ts$/ },
    ] : []),
    ...(mode === 'run' ? runProjects() : []),
  ],
});
