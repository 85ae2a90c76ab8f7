import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Persona } from '../types.ts';
import type { Expectation } from '../expectation.ts';
import { allSteps, stepsUpTo } from '../expected-steps.ts';
import { parseDeclarativeTarget, TargetFileError, where } from './schema.ts';
import { declarativeToTarget } from './index.ts';
import { languageFor } from './language.ts';
import type { Audit } from '../../types.ts';


/** The fields of targets/reference/defects.ts DefectSpec, as data in a described target's catalogue. */
const defectSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'use letters, digits and hyphens'),
  title: z.string().min(1),
  changes: z.string().min(1),
  barrier: z.string().min(1),
  persona: z.string().min(1),
  step: z.string().min(1),
  proof: z.object({ by: z.array(z.string().min(1)).min(1), cites: z.array(z.string().min(1)).min(1), keys: z.array(z.string()).nullable() }).strict(),
}).strict();
export type DescribedDefect = z.infer<typeof defectSchema>;

/** Reads a defect catalogue (YAML list, or { defects: [...] }); errors name the file, the defect and the key. */
export function loadDefectCatalogue(file: string, personaIds?: string[]): DescribedDefect[] {
  if (!existsSync(file)) throw new TargetFileError(`${file}: the defect catalogue named by defects: does not exist`);
  let raw: unknown;
  try { raw = parseYaml(readFileSync(file, 'utf8')); } catch (error) { throw new TargetFileError(`${file}: the defect catalogue is not valid YAML: ${(error as Error).message.split('\n')[0]}`); }
  const items = Array.isArray(raw) ? raw : (raw as { defects?: unknown })?.defects;
  const result = z.array(defectSchema).safeParse(items);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const d = (items as Array<{ id?: string }> | undefined)?.[i.path[0] as number];
      return `  ${d?.id ? `defect "${d.id}"` : `defects[${String(i.path[0])}]`}${i.path.length > 1 ? ` › ${i.path.slice(1).join(' › ')}` : ''}: ${i.code === 'unrecognized_keys' ? `unknown key(s) ${i.keys.join(', ')}` : i.code === 'too_small' && i.origin === 'array' ? `needs at least ${String(i.minimum)} entry` : i.message}`;
    });
    throw new TargetFileError(`${file}: ${lines.length} problem(s) in the defect catalogue:\n${lines.join('\n')}`);
  }
  if (personaIds) for (const d of result.data) if (!personaIds.includes(d.persona)) throw new TargetFileError(`${file}: defect "${d.id}" › persona: no persona "${d.persona}"`);
  void where;
  return result.data;
}

/** True when a file describes a target with `profiles` and `defects` (so it has a defect matrix). */
export function hasDefectMatrix(file: string): boolean {
  if (!/\.(ya?ml|json)$/i.test(file) || !existsSync(resolve(file))) return false;
  const d = parseDeclarativeTarget(readFileSync(resolve(file), 'utf8'), file);
  return Boolean(d.profiles && d.defects);
}

export interface DescribedProject {
  name: string;
  testDir: string;
  testMatch: RegExp;
  metadata: { expectation?: Expectation; persona: string };
  use: Record<string, unknown>;
}

/**
 * The defect matrix for a described target with `profiles` and `defects`: for its first profile
 * (the conformant one), one clean project per persona (must yield nothing) and one project per
 * catalogued defect (switched on by itself, must be caught); for every other profile, one run per
 * persona without an expectation (e.g. "broken": every defect on). The coordinator spreads these
 * into playwright.config.ts projects.
 */
export function describedTargetMatrix(file: string, opts: { personas: Persona[]; auditsFor: (p: Persona) => Audit[]; out?: string; testDir?: string; otherProfiles?: boolean }): DescribedProject[] {
  const d = parseDeclarativeTarget(readFileSync(resolve(file), 'utf8'), file);
  if (!d.profiles || !d.defects) throw new TargetFileError(`${file}: a defect matrix needs profiles and defects`);
  const target = declarativeToTarget(d);
  const defects = loadDefectCatalogue(resolve(dirname(resolve(file)), d.defects), opts.personas.map((p) => p.id));
  for (const u of Object.keys(d.unreachable ?? {})) if (!defects.some((x) => x.id === u)) throw new TargetFileError(`${file}: unreachable › ${u}: no defect "${u}" in ${d.defects}`);
  const reachable = defects.filter((x) => !d.unreachable?.[x.id]);
  const out = opts.out ?? 'test-results/portico';
  const [conformant, ...others] = d.profiles;
  const project = (name: string, persona: Persona, use: Record<string, unknown>, expectation?: Expectation): DescribedProject => ({
    name,
    testDir: opts.testDir ?? './composition/journeys/specs',
    testMatch: new RegExp(`${persona.id}\\.spec\\.[jt]s$`),
    metadata: { expectation, persona: persona.id },
    use: { ...persona.use, porticoPersona: persona.id, porticoTarget: resolve(file), porticoOut: `${out}/${name.replace(/[^\w@.-]+/g, '_')}`, ...use },
  });
  const personaOf = (id: string) => opts.personas.find((p) => p.id === id)!;
  // A persona whose language the target does not offer is not judged by its language checks (the walk skips them): not required either.
  // An audit that judges a page's language is required only if some flow is walked in the persona's language.
  const required = (p: Persona) => opts.auditsFor(p).filter((a) => !(a.meta.requiredArtifacts.includes('language') && d.flows.every((f) => languageFor(d, f, p).language.split('-')[0] !== p.language.split('-')[0]))).map((a) => a.meta.id);
  return [
    // A persona that walks no flow of this target has nothing to be judged on: no clean project for it.
    ...opts.personas.filter((p) => allSteps(target.flows, p.id).length > 0).map((p) => project(`${d.id}@${p.id}`, p, { porticoProfile: conformant, porticoDefects: [] }, {
      kind: 'clean', profile: conformant, persona: p.id, steps: allSteps(target.flows, p.id), requiredAudits: required(p),
    })),
    ...reachable.map((x) => project(`${d.id}[${x.id}]@${x.persona}`, personaOf(x.persona), { porticoProfile: conformant, porticoDefects: [x.id] }, {
      kind: 'defect', defectId: x.id, persona: x.persona, step: x.step, proof: x.proof, steps: stepsUpTo(target.flows, x.persona, x.step),
    })),
    ...(opts.otherProfiles === false ? [] : others).flatMap((profile) => opts.personas.map((p) => project(`${d.id}:${profile}@${p.id}`, p, { porticoProfile: profile, porticoDefects: [] }))),
  ];
}
