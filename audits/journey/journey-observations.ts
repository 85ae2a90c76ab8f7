import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { JourneyArtifact } from '../../harness/journey/journey-artifact.ts';

/**
 * Things a persona observed while acting that no page snapshot shows: an email address silently
 * lost, mail that never arrived or arrived in another language, data gone after an error.
 */
export const journeyObservationsAudit: Audit = {
  meta: {
    id: 'journey-observations',
    title: 'Nothing went wrong while the person acted',
    failureTitle: 'Something went wrong while the person acted',
    description: 'Findings recorded during a step: delivery of mail, data kept after errors and time-outs, acceptance of input.',
    requiredArtifacts: ['journey'],
    requirements: {},
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const j = artifacts.gathered.journey as JourneyArtifact;
    const relevant = j.observations.filter((o) => (o.outcome ?? 'failed') !== 'passed');
    if (j.observations.length === 0) return { outcome: 'inapplicable', findings: [] };
    const findings = relevant.map((o): DraftFinding => ({
      engines: ['portico'],
      ruleId: o.ruleId,
      key: o.key,
      outcome: o.outcome ?? 'failed',
      impact: o.impact ?? 'serious',
      message: o.message,
      selector: o.selector,
      // Several observations of one kind at one step (five rejected addresses) stay five findings.
      domPath: o.selector ?? `(observation) ${o.message.slice(0, 120)}`,
      snippet: o.snippet,
      wcag: o.wcag ?? [],
      other: o.other,
    }));
    return { outcome: findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length ? 'cantTell' : 'passed', findings };
  },
};
