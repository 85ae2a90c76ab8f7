/** Plain-JSON payloads each gatherer stores in Artifacts.gathered[<name>], inferred from their schemas (harness/artifacts/schemas.ts). */
import type { z } from 'zod';
import type { axeSchema, htmlcsSchema, keyboardSchema, lighthouseSchema, pageInfoSchema } from '../artifacts/schemas.ts';

export type AxeArtifact = z.infer<typeof axeSchema>;
export type AxeRuleArtifact = AxeArtifact['violations'][number];
export type AxeNodeArtifact = AxeRuleArtifact['nodes'][number];
export type HtmlcsArtifact = z.infer<typeof htmlcsSchema>;
export type HtmlcsIssueArtifact = HtmlcsArtifact['issues'][number];
export type LighthouseArtifact = z.infer<typeof lighthouseSchema>;
export type LighthouseAuditArtifact = LighthouseArtifact['audits'][number];
export type ThrottleCheck = NonNullable<LighthouseArtifact['throttleCheck']>;
export type LighthouseItemArtifact = LighthouseAuditArtifact['items'][number];
export type PageInfoArtifact = z.infer<typeof pageInfoSchema>;
export type KeyboardArtifact = z.infer<typeof keyboardSchema>;
export type FocusStop = KeyboardArtifact['sequence'][number];
