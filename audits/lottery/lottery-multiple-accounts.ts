import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { formatInterval } from '../../harness/lottery/stats.ts';
import { lotteryReport, targetDesign } from './lottery-artifact.ts';

/** A ratio whose whole 95 % interval is above this is an advantage (not noise). */
export const ADVANTAGE_THRESHOLD = 1;

export const lotteryMultipleAccountsAudit: Audit = {
  meta: {
    id: 'lottery-multiple-accounts',
    title: 'Holding several accounts does not raise the chance of an appointment',
    failureTitle: 'A person holding several accounts wins more often than a person with one',
    description: "The target's draw, driven with synthetic populations at the documented scale: the daily win probability of a person holding k accounts (k = 2, 5, 466) divided by that of a person with one, with 95 % intervals over seeds. An interval entirely above 1 is an advantage. Alternatives are reported beside it.",
    requiredArtifacts: ['lottery'],
    requirements: { other: ['Fairness: multiple-account advantage'] },
    mode: 'automatic',
    rules: {
      'lottery-multiple-accounts': { title: 'Holding several accounts wins more often than one', wcag: [], other: ['Fairness: multiple-account advantage'], impact: 'critical', help: 'Count a person once, whatever the number of accounts (a per-person signal, not a shared address).' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const report = lotteryReport(artifacts);
    const target = targetDesign(report);
    if (!target) return { outcome: 'cantTell', findings: [], notes: ["the report has no run of the target's design"] };
    const table = report.designs.map((d) => `${d.title}: ${d.k.filter((k) => k.k > 1).map((k) => `k=${k.k} ×${formatInterval(k.ratio, 2)}`).join(', ')}`).join('; ');
    const measured = target.k.filter((k) => k.k > 1 && Number.isFinite(k.ratio.mean));
    if (measured.length === 0) return { outcome: 'cantTell', findings: [], notes: ['no probe person won with one account: the ratio could not be measured', table] };
    const advantaged = measured.filter((k) => k.ratio.low > ADVANTAGE_THRESHOLD);
    if (advantaged.length === 0) return { outcome: 'passed', findings: [], notes: [table] };
    return {
      outcome: 'failed',
      notes: [table],
      findings: [
        {
          engines: ['portico'],
          ruleId: 'lottery-multiple-accounts',
          outcome: 'failed',
          impact: 'critical',
          message: `Under the target's design (${target.description}) a person holding several accounts wins more often than a person with one: ${advantaged.map((k) => `${k.k} accounts win ×${formatInterval(k.ratio, 2)} as often`).join(', ')} (95 % intervals over ${report.params.seeds} seeds; ${report.params.registrations.toLocaleString('en')} registrations, ${report.params.dailySlots.toLocaleString('en')} slots a day; one person was reported to hold 466 registrations). Every extra account takes chances from people with one.`,
          domPath: '(lottery) target design',
          wcag: [],
          other: [`Fairness: multiple-account advantage (k = ${advantaged.map((k) => k.k).join(', ')})`],
        },
      ],
    };
  },
};
