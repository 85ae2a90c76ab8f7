import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let rulesById: Map<string, { tags: string[]; help: string; helpUrl: string; description: string }> | undefined;

/** axe-core's own rule metadata (static data, no DOM needed): tags, help text, help URL. */
export function axeRuleMeta(ruleId: string) {
  if (!rulesById) {
    const axe = require('axe-core') as { getRules(): Array<{ ruleId: string; tags: string[]; help: string; helpUrl: string; description: string }> };
    rulesById = new Map(axe.getRules().map((r) => [r.ruleId, r]));
  }
  return rulesById.get(ruleId);
}

export const AXE_IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;
