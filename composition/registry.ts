/**
 * The registries, wired: every audit, persona, probe and target Portico knows, and the few rules
 * that join them. The kernel (harness/) takes these as arguments; only composition/ imports them all.
 */
import type { Artifacts, Audit } from '../harness/types.ts';
import type { Persona } from '../harness/journey/types.ts';
import type { JourneyArtifact } from '../harness/journey/journey-artifact.ts';
import type { AuditSelector } from '../harness/run-audits.ts';
import { gatherPlan, type GatherPlan } from '../harness/gatherers/plan.ts';
import { PROBES } from '../harness/gatherers/probes/index.ts';
import { gatherImageText } from '../harness/gatherers/probes/image-text.ts';
import { gatherPhoneWidthContrast } from '../harness/gatherers/probes/phone-width-contrast.ts';
import type { ExtraGatherer } from '../harness/gatherers/index.ts';
import { AUDITS } from '../audits/index.ts';
import { LOTTERY_AUDITS } from '../audits/lottery/index.ts';
import { PERSONAS, personaById } from '../personas/index.ts';
import { auditIdsFor } from '../personas/audits-for.ts';

export { AUDITS, LOTTERY_AUDITS, PERSONAS, PROBES, personaById };

/** Every audit a run's report may cite: the registry's, and the lottery audits (their artifact is the lottery checkpoint's). */
export const REPORTED_AUDITS: Audit[] = [...AUDITS, ...LOTTERY_AUDITS];

/** The probes `portico audit` runs on each page beside the engines: those whose facts need no journey or persona. */
// phone-width-contrast: text that loses contrast only in the narrow layout (engines run at desktop width).
// Not form-semantics: tried, its visible-labels findings on ACT's cases confirm held-back HTML_CodeSniffer
// checks about another failure (a placeholder-only label "confirming" F68's missing name), which then fail
// passing cases: ACT recall 98.3 % → 96.0 % (a disabled role=none select, also failed, is now left out).
export const PAGE_PROBES: Record<string, ExtraGatherer> = { 'image-text': gatherImageText, 'phone-width-contrast': gatherPhoneWidthContrast };

/** The audits that judge a persona's checkpoints, in the registry's order (the order findings merge in). */
export function auditsFor(persona: Persona): Audit[] {
  const ids = auditIdsFor(persona);
  return AUDITS.filter((a) => ids.includes(a.meta.id));
}

/** The gatherers a persona's checkpoints run: what its audits read. */
export function planFor(persona: Persona): GatherPlan {
  return gatherPlan(auditsFor(persona), PROBES);
}

/**
 * Which audits judge a checkpoint, decided when the audits run: a persona's checkpoint by that
 * persona's audits, a page audited on its own (`portico audit`) by every audit.
 */
export const auditsForArtifacts: AuditSelector = (artifacts: Artifacts) => {
  // The lottery checkpoint (`portico run` on a target with a lottery, or `portico lottery`): the lottery audits.
  if (artifacts.gathered && 'lottery' in artifacts.gathered) return LOTTERY_AUDITS;
  const persona = PERSONAS.find((p) => p.id === artifacts.context.persona);
  if (!persona) return AUDITS;
  // A persona judges a page's language only on pages the flow asked for in the persona's language.
  const asked = (artifacts.gathered?.journey as JourneyArtifact | undefined)?.requestedLanguage;
  const primary = (l: string) => l.toLowerCase().split('-')[0];
  const inOwnLanguage = !asked || primary(asked) === primary(persona.language);
  return auditsFor(persona).filter((a) => inOwnLanguage || !a.meta.requiredArtifacts.includes('language'));
};
