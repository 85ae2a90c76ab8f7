import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** axe tags `wcag111`, `wcag1410`, `wcag2411` → "1.1.1", "1.4.10", "2.4.11". */
export function wcagFromAxeTags(tags: string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
    if (m) out.add(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return [...out];
}

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
