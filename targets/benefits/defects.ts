import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The benefits target's defect catalogue, read from defects.yaml (data, not code). Same fields as
 * the reference target's DefectSpec; persona and step are plain strings here because this target
 * has its own steps.
 */
export interface BenefitsDefect {
  id: string;
  title: string;
  changes: string;
  barrier: string;
  persona: string;
  step: string;
  proof: { by: string[]; cites: string[]; keys: string[] | null };
}

export interface Catalogue {
  defects: BenefitsDefect[];
  profiles: Record<string, string[]>;
}

export const STEPS = ['start', 'email', 'code', 'details', 'circumstances', 'document', 'document-alternative', 'check', 'confirmation', 'help'] as const;
export const PERSONAS = ['screen-reader', 'keyboard', 'low-vision', 'time-limits', 'low-end-network', 'no-us-address', 'haitian-creole', 'universal-email', 'darker-skin-selfie', 'rtl-reader', 'multi-account', 'spanish-speaker', 'portuguese-speaker'] as const;

export const CATALOGUE_FILE = new URL('./defects.yaml', import.meta.url);

const str = (v: unknown, where: string): string => {
  if (typeof v !== 'string' || !v.trim()) throw new Error(`defects.yaml: ${where} must be a non-empty string`);
  return v.trim();
};
const strList = (v: unknown, where: string): string[] => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x)) throw new Error(`defects.yaml: ${where} must be a list of strings`);
  return v as string[];
};

/** Parses and checks the catalogue text; every error names the defect and the field. */
export function parseCatalogue(text: string): Catalogue {
  const raw = parseYaml(text) as { defects?: unknown; profiles?: unknown } | null;
  if (!raw || !Array.isArray(raw.defects)) throw new Error('defects.yaml: needs a `defects:` list');
  const seen = new Set<string>();
  const defects = raw.defects.map((d: Record<string, unknown>, i: number): BenefitsDefect => {
    const id = str(d?.id, `defects[${i}].id`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`defects.yaml: defect "${id}": id must be lower-case letters, digits and hyphens`);
    if (seen.has(id)) throw new Error(`defects.yaml: defect "${id}" appears twice`);
    seen.add(id);
    const persona = str(d.persona, `defect "${id}".persona`);
    if (!(PERSONAS as readonly string[]).includes(persona)) throw new Error(`defects.yaml: defect "${id}": unknown persona "${persona}"`);
    const step = str(d.step, `defect "${id}".step`);
    if (!(STEPS as readonly string[]).includes(step)) throw new Error(`defects.yaml: defect "${id}": unknown step "${step}"`);
    const proof = d.proof as Record<string, unknown> | undefined;
    if (!proof) throw new Error(`defects.yaml: defect "${id}" has no proof`);
    const keys = proof.keys === null || proof.keys === undefined ? null : strList(proof.keys, `defect "${id}".proof.keys`);
    return {
      id,
      title: str(d.title, `defect "${id}".title`),
      changes: str(d.changes, `defect "${id}".changes`),
      barrier: str(d.barrier, `defect "${id}".barrier`),
      persona,
      step,
      proof: { by: strList(proof.by, `defect "${id}".proof.by`), cites: strList(proof.cites, `defect "${id}".proof.cites`), keys },
    };
  });
  const ids = defects.map((d) => d.id);
  const profiles: Record<string, string[]> = { conformant: [] };
  for (const [name, value] of Object.entries((raw.profiles ?? {}) as Record<string, unknown>)) {
    if (value === 'all') profiles[name] = ids.slice();
    else {
      const list = value === null ? [] : strList(value, `profiles.${name}`);
      const unknown = list.filter((x) => !ids.includes(x));
      if (unknown.length) throw new Error(`defects.yaml: profile "${name}" names unknown defect(s): ${unknown.join(', ')}`);
      profiles[name] = list;
    }
  }
  return { defects, profiles };
}

let cached: Catalogue | undefined;
export function loadCatalogue(): Catalogue {
  cached ??= parseCatalogue(readFileSync(CATALOGUE_FILE, 'utf8'));
  return cached;
}

/**
 * The defect ids a profile switches on; an explicit defect list (DEFECTS) overrides the profile.
 * Throws on an unknown profile or defect id, naming the valid ones.
 */
export function resolveDefects(profile: string | undefined, defects: string[] | undefined, catalogue: Catalogue = loadCatalogue()): string[] {
  const ids = catalogue.defects.map((d) => d.id);
  const explicit = (defects ?? []).map((d) => d.trim()).filter(Boolean);
  if (explicit.length) {
    const unknown = explicit.filter((d) => !ids.includes(d));
    if (unknown.length) throw new Error(`Unknown defect id(s): ${unknown.join(', ')}. Valid: ${ids.join(', ')}`);
    return ids.filter((d) => explicit.includes(d));
  }
  const p = profile?.trim() || 'conformant';
  if (!Object.hasOwn(catalogue.profiles, p)) throw new Error(`Unknown profile "${p}". Valid profiles: ${Object.keys(catalogue.profiles).join(', ')}`);
  return catalogue.profiles[p].slice();
}
