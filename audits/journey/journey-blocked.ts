import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/** A person who cannot complete a step is blocked there: the most serious barrier there is. */
export const journeyBlockedAudit: Audit = {
  meta: {
    id: 'journey-blocked',
    title: 'The person could complete the step',
    failureTitle: 'The person is blocked at this step',
    description: "Each journey step is done the way the persona operates a page (keyboard only, by role and name, …). A step that cannot be done is a finding filed under the persona's criteria; a step that could not be tried (target down, crash, timeout) makes the run incomplete.",
    requiredArtifacts: ['journey'],
    requirements: {},
    mode: 'automatic',
    // The criteria come from the persona (how it operates the page) or the block's own cause.
    rules: { 'journey-blocked': { title: 'The person is blocked at this step', wcag: [], impact: 'critical', help: 'Make the step doable the way this person operates a page.' } },
  },
  audit(artifacts: Artifacts): AuditResult {
    const j = gathered(artifacts, 'journey');
    if (j.incomplete) return { outcome: 'error', findings: [], notes: [`step "${j.stepTitle}" could not be tried: ${j.incomplete}`] };
    if (!j.blocked) return { outcome: 'passed', findings: [] };
    return {
      outcome: 'failed',
      findings: [{
        engines: ['portico'],
        ruleId: 'journey-blocked',
        key: j.blocked.key,
        outcome: 'failed',
        impact: 'critical',
        message: `${j.personaTitle} is blocked at "${j.stepTitle}": ${j.blocked.cause} (operating ${j.blocked.how}). Steps taken: ${j.actions.join(' → ') || 'none'}.`,
        wcag: j.blockedCites.wcag,
        other: j.blockedCites.other,
      }],
    };
  },
};
