import type { Audit } from '../types.ts';
import type { Probe } from '../journey/types.ts';
import { ENGINE_NAMES, type EngineName } from './engine-names.ts';

/** Artifacts every checkpoint has without anyone asking: the page's own facts and the journey record. */
export const ALWAYS_GATHERED = ['pageInfo', 'journey'] as const;

export interface GatherPlan {
  engines: EngineName[];
  probes: Probe[];
}

/**
 * Which gatherers run follows from the audits that will judge the result (as Lighthouse derives
 * its gatherers from its audits): an engine or probe runs only because some audit reads what it
 * writes. An audit that reads an artifact nothing writes is a wiring mistake, said at once.
 */
export function gatherPlan(audits: readonly Audit[], probes: readonly Probe[]): GatherPlan {
  const engines: EngineName[] = [];
  const chosen: Probe[] = [];
  for (const audit of audits) {
    for (const key of audit.meta.requiredArtifacts) {
      if ((ALWAYS_GATHERED as readonly string[]).includes(key)) continue;
      if ((ENGINE_NAMES as readonly string[]).includes(key)) {
        if (!engines.includes(key as EngineName)) engines.push(key as EngineName);
        continue;
      }
      const probe = probes.find((p) => p.id === key);
      if (!probe) throw new Error(`audit "${audit.meta.id}" reads artifact "${key}", which no gatherer writes`);
      if (!chosen.includes(probe)) chosen.push(probe);
    }
  }
  return { engines, probes: chosen };
}
