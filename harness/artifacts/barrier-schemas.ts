/**
 * Schemas of the artifacts of the barrier probes (harness/gatherers/probes: new-window, …),
 * spread into ARTIFACT_SCHEMAS: an artifact read back from disk that does not match gives its
 * audits an `error` verdict, never a pass.
 */
import { z } from 'zod';

export const newWindowSchema = z.looseObject({
  schema: z.literal('portico.probe.new-window/1'),
  linkCount: z.number(),
  links: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), href: z.string(), target: z.string(), text: z.string(), ariaName: z.string(),
    description: z.string(), iconNames: z.array(z.string()), visible: z.boolean(), snippet: z.string(),
  })),
});

export const BARRIER_SCHEMAS: Record<string, z.ZodType> = {
  'new-window': newWindowSchema,
};
