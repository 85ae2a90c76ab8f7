import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { lotteryReport } from './lottery-artifact.ts';

export const lotteryDrawRecomputeAudit: Audit = {
  meta: {
    id: 'lottery-draw-recompute',
    title: 'Every published draw recomputes from its revealed seed',
    failureTitle: 'A published draw does not recompute from its revealed seed',
    description: "Each published draw record is checked: the revealed seed hashes to the hash published before the draw, and drawing the published input again with that seed gives exactly the published winners. No record found, or none readable, is cantTell — never a pass.",
    requiredArtifacts: ['lottery'],
    requirements: { other: ['Draw-record verifiability (commit-reveal, recomputation)'] },
    mode: 'automatic',
    rules: {
      'lottery-draw-recompute': { title: 'A published draw does not recompute from its revealed seed', wcag: [], other: ['Draw-record verifiability: the published draw does not recompute'], impact: 'critical', help: 'Publish the seed hash before the draw and the seed after it, with a record anyone can recompute.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const records = lotteryReport(artifacts).records;
    const list = records.map((r) => `${r.day}: ${r.verdict}${r.reason ? ` (${r.reason})` : ''}`).join('; ');
    const differs = records.filter((r) => r.verdict === 'differs');
    const unreadable = records.filter((r) => r.verdict === 'unreadable');
    if (differs.length) {
      return {
        outcome: 'failed',
        notes: [list],
        findings: differs.map((r) => ({
          engines: ['portico'] as const,
          ruleId: 'lottery-draw-recompute',
          outcome: 'failed' as const,
          impact: 'critical' as const,
          message: `The draw published for ${r.day} (${r.source}) does not recompute from its revealed seed: ${r.reason}. Nobody outside can confirm that its ${r.winners} winners were drawn by the published rules.`,
          domPath: `(lottery record) ${r.day}`,
          wcag: [],
          other: ['Draw-record verifiability: the published draw does not recompute'],
        })).map((f) => ({ ...f, engines: [...f.engines] })),
      };
    }
    if (records.length === 0) return { outcome: 'cantTell', findings: [], notes: ['no published draw record was found, so none could be recomputed'] };
    if (unreadable.length) return { outcome: 'cantTell', findings: [], notes: [`${unreadable.length} of ${records.length} record(s) could not be checked`, list] };
    return { outcome: 'passed', findings: [], notes: [list] };
  },
};
