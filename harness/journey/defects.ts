/**
 * A target's defect catalogue, as Portico reads it: each defect is one switch in the target that
 * changes only the behaviour it names, with the persona, step and findings that prove it. The
 * defect matrix runs each defect on its own and counts it caught only by those findings.
 */

/**
 * A finding proves a defect when it is a failed barrier of the defect's persona at its step, AND
 * comes from one of `by`, AND cites one of `cites`, AND carries one of `keys` as its `key`.
 */
export interface DefectProof {
  /** "audit" (any rule of that audit), "audit/rule", or "*\/rule" (that rule from whichever engine was first). */
  by: string[];
  /** WCAG criteria or other references, exactly as findings cite them; a proving finding cites one. */
  cites: string[];
  /**
   * What the finding is about (email address category, form field, control), set as data by the
   * persona or audit that files it. null: the proving rules are element-level WCAG rules keyed by
   * the element, and any element they flag at that step proves it.
   */
  keys: string[] | null;
}

export interface DefectSpec<Persona extends string = string, Step extends string = string> {
  id: string;
  title: string;
  /** What the switch changes in the app. */
  changes: string;
  /** The documented barrier or failure pattern it reproduces. */
  barrier: string;
  /** The persona that should catch it. */
  persona: Persona;
  /** The journey step where it shows. */
  step: Step;
  /** What proves it: the defect matrix counts it caught only by a finding that matches it. */
  proof: DefectProof;
}

/** Profiles (named sets of defects, `conformant` = none) and the defects, as a target declares them. */
export interface DefectCatalogue {
  profiles: Record<string, string[]>;
  defects: DefectSpec[];
}

/**
 * The defect ids a profile plus explicit defects switch on, in catalogue order. Throws on an
 * unknown profile or defect id, listing the valid ones.
 */
export function resolveDefects(catalogue: DefectCatalogue, profile = 'conformant', defects: string[] = []): string[] {
  if (!Object.hasOwn(catalogue.profiles, profile)) {
    throw new Error(`Unknown profile "${profile}". Valid profiles: ${Object.keys(catalogue.profiles).join(', ')}`);
  }
  const ids = catalogue.defects.map((d) => d.id);
  const extra = defects.map((d) => d.trim()).filter((d) => d.length > 0);
  const unknown = extra.filter((d) => !ids.includes(d));
  if (unknown.length > 0) throw new Error(`Unknown defect id(s): ${unknown.join(', ')}. Valid defect ids: ${ids.join(', ')}`);
  const on = new Set([...catalogue.profiles[profile], ...extra]);
  return ids.filter((d) => on.has(d));
}
