import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD');
export const impactSchema = z.enum(['critical', 'serious', 'moderate', 'minor']);
const criterion = z.string().regex(/^\d\.\d{1,2}\.\d{1,2}$/, 'a WCAG criterion such as "1.4.3"');

/** One accepted exception: a fingerprint, or a rule on a selector; always with a reason. */
export const ignoreSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{20}$/, 'a 20-hex-digit fingerprint from findings.json').optional(),
  rule: z.string().min(1).optional(),
  selector: z.string().min(1).optional(),
  reason: z.string().min(1, 'say why this is ignored'),
  expires: day.optional(),
}).strict().refine((e) => e.fingerprint !== undefined || e.rule !== undefined, { message: 'give a fingerprint, or a rule (with an optional selector)' });

/** Most barriers allowed per criterion and per persona; personas are checked against the registry by the config. */
export const thresholdsSchema = (personaId: z.ZodType<string>) => z.object({
  criteria: z.record(criterion, z.number().int().min(0)).optional(),
  personas: z.partialRecord(personaId, z.number().int().min(0)).optional(),
}).strict();

export type IgnoreEntry = z.infer<typeof ignoreSchema>;
export interface Thresholds {
  criteria?: Record<string, number>;
  personas?: Partial<Record<string, number>>;
}
