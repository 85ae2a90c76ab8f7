import type { Artifacts, AuditVerdict, Finding } from '../types.ts';
import { judgeExpectation, type Expectation, type RunFacts } from './expectation.ts';

export interface MatrixEntry {
  project: string;
  expectation: Expectation;
  findings: Finding[];
  verdicts: AuditVerdict[];
  seconds: number;
  /** Artifacts on disk and test outcomes: a row is red when the run behind it was not whole. */
  run?: RunFacts;
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
  /** What else the switch changed: failed findings other than the proof, by persona › step. */
  alsoFound: string;
  seconds: number;
}

/** What the judge needs to know of an artifacts file on disk. */
export function artifactFact(a: Artifacts): RunFacts['artifacts'][number] {
  const blocked = Boolean((a.gathered.journey as { blocked?: unknown } | undefined)?.blocked);
  return { checkpoint: a.checkpoint, flow: a.context.flow, gatheredAt: a.gatheredAt, ...(blocked ? { blocked } : {}) };
}

/** "persona › step: audit/rule[key] ×n", grouped, so a switch that leaks into other steps or personas shows. */
export function summariseAlsoFound(findings: Finding[]): string {
  const groups = new Map<string, number>();
  for (const f of findings) {
    const k = `${f.context.persona ?? '?'} › ${f.context.step ?? f.context.checkpoint}: ${f.ruleId}${f.key ? `[${f.key}]` : ''}`;
    groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  return [...groups.entries()].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join('; ') || '—';
}

/** The ground-truth table: each defect caught by itself, each persona clean on conformant. Pure. */
export function matrixRows(entries: MatrixEntry[]): MatrixRow[] {
  return entries.map((e) => {
    const verdict = judgeExpectation(e.expectation, e.findings, e.verdicts, e.run);
    const alsoFound = summariseAlsoFound(verdict.alsoFound);
    if (e.expectation.kind === 'defect') {
      const x = e.expectation;
      return {
        project: e.project, kind: 'defect', subject: x.defectId, persona: x.persona, step: x.step,
        expected: `${x.proof.by.join(' / ')} · ${x.proof.cites.join(', ')}${x.proof.keys ? ` · key ${x.proof.keys.join('|')}` : ''}`,
        ok: verdict.problems.length === 0,
        detail: verdict.problems.length ? verdict.problems.join(' ') : `caught by ${[...new Set(verdict.matched.map((f) => `${f.ruleId}${f.key ? `[${f.key}]` : ''}`))].join(', ')} (${verdict.criteriaMatched.join(', ')})`,
        alsoFound,
        seconds: e.seconds,
      };
    }
    const persona = e.expectation.persona ?? e.findings[0]?.context.persona ?? e.verdicts[0]?.context?.persona ?? e.project;
    return {
      project: e.project, kind: 'clean', subject: `conformant`, persona, step: '(all)', expected: 'no failed findings',
      ok: verdict.problems.length === 0, detail: verdict.problems.length ? verdict.problems.join(' ') : `${e.verdicts.length} audit verdicts, 0 failed findings`, alsoFound, seconds: e.seconds,
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
  const cell = (t: string, n = 260) => { const c = t.replace(/\|/g, '\\|').replace(/\s+/g, ' '); return c.length > n ? `${c.slice(0, n - 1)}…` : c; };
  const lines = [
    '| | defect / profile | persona | step | proved by | result | also found | time |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.ok ? '✅' : '❌'} | ${cell(r.subject)} | ${r.persona} | ${r.step} | ${cell(r.expected)} | ${cell(r.detail)} | ${cell(r.alsoFound, 400)} | ${r.seconds.toFixed(0)} s |`),
    '',
    `Recall: ${s.caught}/${s.defects} catalogued defects caught, each by itself (${(s.recall * 100).toFixed(0)}%). Conformant: ${s.cleanProjects - s.projectsWithFalseFindings}/${s.cleanProjects} personas with no failed finding.`,
  ];
  return lines.join('\n');
}
