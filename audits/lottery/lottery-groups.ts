import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { lotteryReport, targetDesign } from './lottery-artifact.ts';

export const lotteryGroupsAudit: Audit = {
  meta: {
    id: 'lottery-groups',
    title: 'Families and groups are drawn together',
    failureTitle: 'Families or groups are split by the draw',
    description: "A family travels together: its members must all win, at one port, or none. Checked on the target's draws in the simulation (when its code is driven) and on every published draw record.",
    requiredArtifacts: ['lottery'],
    requirements: { other: ['Fairness: families kept together'] },
    mode: 'automatic',
    rules: {
      'lottery-groups': { title: 'The draw splits families and groups', wcag: [], other: ['Fairness: families split by the draw'], impact: 'serious', help: 'Draw a registered group as one entry.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const report = lotteryReport(artifacts);
    const target = targetDesign(report);
    const simulated = report.target.driven === 'module' && target ? { won: target.groupsWon, split: target.groupsSplit } : null;
    const recorded = report.records.reduce((a, r) => ({ won: a.won + r.groupsWon, split: a.split + r.groupsSplit }), { won: 0, split: 0 });
    const note = `${simulated ? `simulated draws: ${simulated.split} of ${simulated.won} winning families split` : 'the target was not driven'}; published records: ${recorded.split} of ${recorded.won} winning families split`;
    const won = (simulated?.won ?? 0) + recorded.won;
    if (won === 0) return { outcome: 'cantTell', findings: [], notes: ['no family won in any observed draw', note] };
    const split = (simulated?.split ?? 0) + recorded.split;
    if (split === 0) return { outcome: 'passed', findings: [], notes: [note] };
    return {
      outcome: 'failed',
      notes: [note],
      findings: [
        {
          engines: ['portico'],
          ruleId: 'lottery-groups',
          outcome: 'failed',
          impact: 'serious',
          message: `The draw splits families: ${note}. A family split across days or ports cannot travel together.`,
          domPath: '(lottery) groups',
          wcag: [],
          other: ['Fairness: families split by the draw'],
        },
      ],
    };
  },
};
