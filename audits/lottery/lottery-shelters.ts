import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { lotteryReport } from './lottery-artifact.ts';

export const lotterySheltersAudit: Audit = {
  meta: {
    id: 'lottery-shelters',
    title: 'Shelter residents are not flagged for sharing an address',
    failureTitle: 'Shelter residents are flagged as fraud because many people share their address',
    description: 'In a synthetic population with shelters (many unrelated residents at one address), large families, the documented 358-applicant address and persons holding many accounts: how many would a shared-address rule flag, against a per-person signal (one person behind many accounts)? Fails when the target flags by shared address.',
    requiredArtifacts: ['lottery'],
    requirements: { other: ['Fairness: shared-address rule and shelter residents'] },
    mode: 'automatic',
    rules: {
      'lottery-shelters': { title: 'Shelter residents are flagged by a shared-address rule', wcag: [], other: ['Fairness: shelter residents flagged by a shared-address rule'], impact: 'critical', help: 'Do not treat a shared address as fraud: shelters house many unrelated people.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const report = lotteryReport(artifacts);
    const s = report.shelters;
    const address = s.rules.find((r) => r.rule === 'shared-address')!;
    const person = s.rules.find((r) => r.rule === 'per-person')!;
    const note = `Shared-address rule (more than ${s.threshold} accounts at an address): ${address.shelterResidentsFlagged.toLocaleString('en')} of ${s.shelterResidents.toLocaleString('en')} shelter residents and ${address.largeFamilyMembersFlagged.toLocaleString('en')} members of large families flagged, ${address.extraAccountsFlagged} of ${s.extraAccounts} extra accounts caught. Per-person signal: ${person.shelterResidentsFlagged} shelter residents flagged, ${person.extraAccountsFlagged} of ${s.extraAccounts} extra accounts caught.`;
    const signal = report.target.rules.fraudSignal ?? (report.target.rules.dedupePersons ? 'per-person' : 'none');
    if (signal === 'per-person') return { outcome: 'passed', findings: [], notes: [`The target counts one person once (a per-person signal) and uses no shared-address rule.`, note] };
    if (signal === 'none') return { outcome: 'inapplicable', findings: [], notes: ['The target uses neither a shared-address rule nor a per-person signal (see lottery-multiple-accounts).', note] };
    const flagged = report.target.rules.addressThreshold !== undefined && report.target.rules.addressThreshold !== s.threshold ? `(the analysis used a threshold of ${s.threshold}; the target declares ${report.target.rules.addressThreshold})` : '';
    return {
      outcome: 'failed',
      notes: [note],
      findings: [
        {
          engines: ['portico'],
          ruleId: 'lottery-shelters',
          outcome: 'failed',
          impact: 'critical',
          message: `The target flags applicants by shared address: ${address.shelterResidentsFlagged.toLocaleString('en')} of ${s.shelterResidents.toLocaleString('en')} shelter residents (${s.shelterResidents ? Math.round((100 * address.shelterResidentsFlagged) / s.shelterResidents) : 0} %) and ${address.largeFamilyMembersFlagged.toLocaleString('en')} members of large families would be flagged, while it catches only ${address.extraAccountsFlagged} of ${s.extraAccounts} extra accounts of persons with many accounts; a per-person signal flags ${person.shelterResidentsFlagged} shelter residents and catches ${person.extraAccountsFlagged}. ${flagged}`.trim(),
          domPath: '(lottery) shared-address rule',
          wcag: [],
          other: ['Fairness: shelter residents flagged by a shared-address rule'],
        },
      ],
    };
  },
};
