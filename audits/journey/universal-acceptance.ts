import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { EmailAcceptanceFacts, EmailAttempt } from '../../harness/journey/declarative/universal-email.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CITES = ['UASG 004', 'RFC 6531'];

const list = (xs: EmailAttempt[], detail: (a: EmailAttempt) => string) => xs.map((a) => `${a.address} (${a.kind})${detail(a)}`).join('; ');

/**
 * Universal Acceptance on a described target: the universal-email persona tried every category of
 * valid address (and malformed negative controls) at the target's email step; the facts say what
 * became of each. One finding per category that was rejected, one per category that was accepted
 * and then lost. Rejecting a negative control is correct and never a finding. Without a mail
 * reader only acceptance is judged ("acceptance only"), and the verdict says so.
 */
export const universalAcceptanceAudit: Audit = {
  meta: {
    id: 'universal-acceptance',
    title: 'Every valid email address is accepted and its mail delivered to that exact address',
    failureTitle: 'Valid email addresses are rejected, or accepted and then lost',
    description: 'Internationalised (IDN, EAI), long-TLD, A-label and country-code second-level addresses tried at the email step (UASG 004, RFC 6531).',
    requiredArtifacts: ['journey'],
    requirements: { other: CITES },
    mode: 'automatic',
    rules: {
      'email-rejected': { title: 'An email address of this Universal Acceptance category is rejected', wcag: [], other: CITES, impact: 'critical', help: 'Accept every valid address: internationalised local parts and domains, long and new TLDs (UASG 004, RFC 6531).' },
      'email-silently-lost': { title: 'An address is accepted, but the mail never arrives', wcag: [], other: CITES, impact: 'critical', help: 'Send over SMTPUTF8 to exactly the address given.' },
      'email-no-result': { title: 'The page gave no verdict on the address', wcag: [], other: CITES, impact: 'moderate' },
      'email-acceptance-only': { title: 'Accepted; delivery could not be observed', wcag: [], other: CITES, impact: 'minor', help: 'Point the target\'s mail at Portico\'s sink (mail: { sink: smtp }) to check delivery.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const j = gathered(artifacts, 'journey');
    const facts = j.records?.emailAcceptance as EmailAcceptanceFacts | undefined;
    if (!facts) return { outcome: 'inapplicable', findings: [] };
    const valid = facts.attempts.filter((a) => !a.negative);
    const rejected = valid.filter((a) => a.outcome === 'rejected');
    const lost = valid.filter((a) => a.outcome === 'lost');
    const unknown = valid.filter((a) => a.outcome === 'no-result');
    const findings: DraftFinding[] = [];
    const base = () => ({ engines: ['portico' as const], wcag: [] as string[], other: CITES, key: facts.category });
    if (rejected.length) {
      findings.push({
        ...base(), ruleId: 'email-rejected', outcome: 'failed', impact: 'critical', selector: `email:${facts.category}:rejected`, domPath: `email:${facts.category}:rejected`,
        message: `Valid email addresses (${facts.category}) were rejected at "${facts.step}": ${list(rejected, (a) => ` — ${a.says ?? 'the page says nothing'}${a.pageLanguage ? ` (page in ${a.pageLanguage})` : ''}`)}.`,
      });
    }
    if (lost.length) {
      findings.push({
        ...base(), ruleId: 'email-silently-lost', outcome: 'failed', impact: 'critical', selector: `email:${facts.category}:lost`, domPath: `email:${facts.category}:lost`,
        message: `Email addresses (${facts.category}) were accepted at "${facts.step}" but no mail reached them: ${list(lost, (a) => (a.wentTo?.length ? `, mail went to ${a.wentTo.join(', ')} instead` : ''))}: the person waits for a code that never comes.`,
      });
    }
    if (unknown.length) {
      findings.push({
        ...base(), ruleId: 'email-no-result', outcome: 'cantTell', impact: 'moderate', selector: `email:${facts.category}:no-result`, domPath: `email:${facts.category}:no-result`,
        message: `Could not tell what became of ${list(unknown, (a) => (a.why ? ` (${a.why})` : ''))}.`,
      });
    }
    if (findings.some((f) => f.outcome === 'failed')) return { outcome: 'failed', findings };
    if (!facts.mailObservable && valid.length) {
      findings.push({
        ...base(), ruleId: 'email-acceptance-only', outcome: 'cantTell', impact: 'minor', selector: `email:${facts.category}:acceptance-only`, domPath: `email:${facts.category}:acceptance-only`,
        message: `Acceptance only: the ${facts.category} addresses were accepted, but the target's mail is not observable (no mail key), so delivery to the exact address was not checked.`,
      });
    }
    return { outcome: findings.length ? 'cantTell' : 'passed', findings };
  },
};
