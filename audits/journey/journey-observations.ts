import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

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
    // Rule ids come from the observations journeys make (the journey walk and the targets' flows). Each declares only the
    // criteria every one of its observations already cites, so no finding's mapping changes (a finding adds its own, e.g. mail-language's).
    rules: {
      'time-limit-no-warning': { title: 'A session ends with no warning offering more time', wcag: ['2.2.1'], impact: 'critical', help: 'Warn before the session ends and let the person extend it with a simple action (at least 20 seconds to respond).' },
      'time-limit-extend-failed': { title: 'Asking for more time at the warning did not keep the session or the data', wcag: ['2.2.1'], impact: 'critical', help: 'Make the warning\'s extend control really extend the session, keeping what the person entered.' },
      'time-limit-data-lost': { title: 'What the person entered is gone after a time-out and signing in again', wcag: ['2.2.5'], impact: 'critical', help: 'Keep what the person entered across a re-authentication and restore it after they sign in again.' },
      'data-lost-offline': { title: 'What the person entered is gone after the connection dropped as the form was sent', wcag: [], other: ['data loss when the connection drops (3.3.7 Redundant Entry, analogy)'], impact: 'serious', help: 'Keep the form\'s values when sending fails (do not clear them before the server answers), or save a draft locally.' },
      'data-lost-after-error': { title: 'What the person entered is gone after the form was refused', wcag: ['3.3.7'], impact: 'serious', help: 'When a form is refused, show it again with everything the person entered beside the errors; only a value the page cannot accept may be emptied.' },
      'data-lost-on-error': { title: 'A server error while sending the form lost what the person entered', wcag: [], other: ['data loss on server error'], impact: 'critical', help: 'On a server error, return to the form with what the person entered still there.' },
      'email-rejected': { title: 'Valid email addresses are rejected', wcag: [], other: ['UASG 004', 'RFC 6531'], impact: 'critical', help: 'Accept every valid address (internationalised local parts and domains, long TLDs, plus signs) per UASG 004.' },
      'email-silently-lost': { title: 'Email addresses are accepted but no mail reaches them', wcag: [], other: ['UASG 004', 'RFC 6531'], impact: 'critical', help: 'Deliver to the address as entered (SMTPUTF8, IDNA): do not mangle or drop internationalised addresses.' },
      'mail-not-delivered': { title: 'The one-time code never reaches the person', wcag: [], other: ['UASG 004', 'RFC 6531'], impact: 'critical', help: 'Deliver the code to the address the person gave, whatever its script or form.' },
      'mail-language': { title: 'An email does not arrive in the person\'s language', wcag: [], impact: 'serious', help: 'Send every email in the language the person chose on the site.' },
      'language-not-offered': { title: 'The target does not offer the person\'s language', wcag: [], other: ['target language offer'], impact: 'serious', help: 'Offer the languages of the people the service is for.' },
      'lottery-record-unreadable': { title: 'The published draw record could not be read', wcag: [], other: ['lottery fairness'], impact: 'serious', help: 'Publish each draw\'s record (requests, entries, winners) in a readable table.' },
      'lottery-duplicate-person': { title: 'One person with several accounts gets several entries in the draw', wcag: [], other: ['lottery fairness: duplicate persons not deduplicated'], impact: 'serious', help: 'Count a person once in the draw, whatever the number of accounts.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const j = gathered(artifacts, 'journey');
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
