import type { JourneyObservation } from './types.ts';

/** What a journey records at each step, stored as artifacts.gathered.journey (plain JSON). */
export interface JourneyArtifact {
  stepId: string;
  stepTitle: string;
  personaTitle: string;
  /** How this persona operates the page ("with the keyboard only", "by role and accessible name"…). */
  actorKind: string;
  /** The person could not do this step. */
  /** The person could not do this step; `key` names what stopped them when the step knows it as data (a field, a control). */
  blocked?: { cause: string; how: string; key?: string };
  /** The step could not be tried: the target was down, crashed, timed out. The run is incomplete. */
  incomplete?: string;
  /** Criteria a blocked step is filed under (the persona's, or the block's own when its cause is known or unknown). */
  blockedCites: { wcag: string[]; other?: string[] };
  observations: JourneyObservation[];
  /** Raw measurements recorded while acting, judged by audits (e.g. captureGrid). */
  records: Record<string, unknown>;
  /** The language the flow asked for at this step (see ProbeContext.requestedLanguage). */
  requestedLanguage?: string;
  /** False when the target does not offer the persona's language: the persona's language checks were not applied here. */
  personaLanguageOffered?: boolean;
  /** What the actor did during the step (steps to reproduce). */
  actions: string[];
}
