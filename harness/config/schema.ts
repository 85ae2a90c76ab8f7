import { z } from 'zod';
import { ENGINE_NAMES } from '../gatherers/engine-names.ts';
import { PERSONA_IDS } from '../../personas/ids.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD');
const impact = z.enum(['critical', 'serious', 'moderate', 'minor']);
const criterion = z.string().regex(/^\d\.\d{1,2}\.\d{1,2}$/, 'a WCAG criterion such as "1.4.3"');

/** One accepted exception: a fingerprint, or a rule on a selector; always with a reason. */
export const ignoreSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{20}$/, 'a 20-hex-digit fingerprint from findings.json').optional(),
  rule: z.string().min(1).optional(),
  selector: z.string().min(1).optional(),
  reason: z.string().min(1, 'say why this is ignored'),
  expires: day.optional(),
}).strict().refine((e) => e.fingerprint !== undefined || e.rule !== undefined, { message: 'give a fingerprint, or a rule (with an optional selector)' });

export const REPORTER_NAMES = ['list', 'dot', 'json', 'html', 'text', 'sarif', 'junit', 'earl', 'openacr', 'pdf'] as const;

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
  failOn: impact.optional(),
  thresholds: z.object({
    criteria: z.record(criterion, z.number().int().min(0)).optional(),
    personas: z.partialRecord(z.enum(PERSONA_IDS), z.number().int().min(0)).optional(),
  }).strict().optional(),
  baseline: z.string().min(1).optional(),
  ignore: z.array(ignoreSchema).optional(),
  reporters: z.array(z.enum(REPORTER_NAMES)).min(1).optional(),
}).strict();

export type PorticoConfig = z.infer<typeof configSchema>;
export type IgnoreEntry = z.infer<typeof ignoreSchema>;

/** For `portico.config.ts`: `export default defineConfig({ … })`, with types. */
export function defineConfig(config: PorticoConfig): PorticoConfig {
  return config;
}
