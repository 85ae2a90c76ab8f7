import { z } from 'zod';
import { ENGINE_NAMES } from '../../harness/gatherers/engine-names.ts';
import { ignoreSchema, impactSchema, thresholdsSchema } from '../../harness/gate/schema.ts';
import { PERSONA_IDS } from '../../personas/ids.ts';

export const REPORTER_NAMES = ['list', 'dot', 'json', 'html', 'text', 'markdown', 'sarif', 'junit', 'earl', 'openacr', 'pdf'] as const;

/** portico.config.(ts|mjs|js|yaml|yml|json): every key optional; flags override them. */
export const configSchema = z.object({
  target: z.string().min(1).optional(),
  targets: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'target names use letters, digits and hyphens'), z.string().min(1)).optional(),
  personas: z.array(z.enum(PERSONA_IDS)).min(1).optional(),
  profile: z.string().min(1).optional(),
  workers: z.number().int().min(1).max(8).optional(),
  out: z.string().min(1).optional(),
  timeout: z.number().positive().optional(),
  engines: z.object({
    use: z.array(z.enum(ENGINE_NAMES)).min(1).optional(),
    axe: z.object({ tags: z.array(z.string().min(1)).optional(), disableRules: z.array(z.string().min(1)).optional() }).strict().optional(),
    htmlcs: z.object({ standard: z.enum(['WCAG2A', 'WCAG2AA', 'WCAG2AAA']).optional() }).strict().optional(),
    lighthouse: z.boolean().optional(),
  }).strict().optional(),
  failOn: impactSchema.optional(),
  thresholds: thresholdsSchema(z.enum(PERSONA_IDS)).optional(),
  baseline: z.string().min(1).optional(),
  ignore: z.array(ignoreSchema).optional(),
  reporters: z.array(z.enum(REPORTER_NAMES)).min(1).optional(),
}).strict();

export type PorticoConfig = z.infer<typeof configSchema>;
export type { IgnoreEntry } from '../../harness/gate/schema.ts';

/** For `portico.config.ts`: `export default defineConfig({ … })`, with types. */
export function defineConfig(config: PorticoConfig): PorticoConfig {
  return config;
}
