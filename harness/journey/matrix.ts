import type { AuditVerdict, Finding } from '../types.ts';
import { judgeExpectation, type Expectation } from './expectation.ts';

export interface MatrixEntry {
  project: string;
  expectation: Expectation;
  findings: Finding[];
  verdicts: AuditVerdict[];
  seconds: number;
}

export interface MatrixRow {
  project: string;
  kind: 'defect' | 'clean';
  subject: string;
  persona: string;
  step: string;
  expected: string;
  ok: boolean;
  detail: string;
  seconds: number;
}

const failed = (f: Finding) => f.outcome === 'failed' && f.category === 'barrier';

/** The ground-truth table: each defect caught by itself, each persona clean on conformant. Pure. */
export function matrixRows(entries: MatrixEntry[]): MatrixRow[] {
  return entries.map((e) => {
    const verdict = judgeExpectation(e.expectation, e.findings, e.verdicts);
    if (e.expectation.kind === 'defect') {
      const x = e.expectation;
      return {
        project: e.project, kind: 'defect', subject: x.defectId, persona: x.persona, step: x.step,
        expected: [...x.wcag, ...(x.wcag.length ? [] : x.other.slice(0, 1))].join(', '),
        ok: verdict.problems.length === 0,
        detail: verdict.problems.length ? verdict.problems.join(' ') : `caught by ${[...new Set(verdict.matched.map((f) => f.ruleId))].join(', ')}${verdict.criteriaMatched.length ? ` (${verdict.criteriaMatched.join(', ')})` : ''}`,
        seconds: e.seconds,
      };
    }
    const persona = e.findings[0]?.context.persona ?? e.verdicts[0]?.context?.persona ?? e.project;
    const n = e.findings.filter(failed).length;
    return {
      project: e.project, kind: 'clean', subject: `conformant`, persona, step: '(all)', expected: 'no failed findings',
      ok: verdict.problems.length === 0, detail: verdict.problems.length ? verdict.problems.join(' ') : `${e.verdicts.length} audit verdicts, 0 failed findings`, seconds: e.seconds,
    };
  });
}

export function matrixSummary(rows: MatrixRow[]) {
  const defects = rows.filter((r) => r.kind === 'defect');
  const clean = rows.filter((r) => r.kind === 'clean');
  const caught = defects.filter((r) => r.ok).length;
  const falseProjects = clean.filter((r) => !r.ok).length;
  return { defects: defects.length, caught, recall: defects.length ? caught / defects.length : 1, cleanProjects: clean.length, projectsWithFalseFindings: falseProjects };
}

/** A Markdown table a person can read (and paste into a note). Red marks stay red with the reason. */
export function renderMatrix(rows: MatrixRow[]): string {
  const s = matrixSummary(rows);
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 260);
  const lines = [
    '| | defect / profile | persona | step | expected | result | time |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.ok ? '✅' : '❌'} | ${cell(r.subject)} | ${r.persona} | ${r.step} | ${cell(r.expected)} | ${cell(r.detail)} | ${r.seconds.toFixed(0)} s |`),
    '',
    `Recall: ${s.caught}/${s.defects} catalogued defects caught, each by itself (${(s.recall * 100).toFixed(0)}%). Conformant: ${s.cleanProjects - s.projectsWithFalseFindings}/${s.cleanProjects} personas with no failed finding.`,
  ];
  return lines.join('\n');
}
