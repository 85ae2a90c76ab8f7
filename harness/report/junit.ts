import { create } from 'xmlbuilder2';
import type { AuditVerdict, Finding } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { compareSc, wcagCriterion } from '../standards/wcag.ts';
import { describeCriterion } from '../standards/requirements.ts';
import { issueIdOf } from './issues.ts';
import { declaredCriteria } from './rules.ts';
import type { RenderInput } from './render-input.ts';

interface Checkpoint { persona?: string; flow?: string; step: string; url: string; verdicts: AuditVerdict[]; findings: Finding[] }

const keyOf = (persona: string | undefined, flow: string | undefined, step: string, url: string) => [persona ?? '', flow ?? '', step, persona ? '' : url].join('\u241f');

function checkpoints(input: RenderInput): Checkpoint[] {
  const all = new Map<string, Checkpoint>();
  const get = (persona: string | undefined, flow: string | undefined, step: string, url: string) => {
    const k = keyOf(persona, flow, step, url);
    let c = all.get(k);
    if (!c) all.set(k, (c = { persona, flow, step, url, verdicts: [], findings: [] }));
    return c;
  };
  for (const v of input.bundle.verdicts) get(v.context?.persona, v.context?.flow, v.context?.step ?? v.checkpoint, v.url).verdicts.push(v);
  for (const f of input.bundle.findings) get(f.context.persona, f.context.flow, f.context.step ?? f.context.checkpoint, f.context.url).findings.push(f);
  return [...all.values()];
}

/** A criterion, or a non-WCAG reference (UASG 004 …) for findings that cite no criterion. */
const criteriaOfFinding = (f: Finding) => (f.requirements.wcag.length ? f.requirements.wcag : f.requirements.other.slice(0, 1));

function caseName(key: string): string {
  return wcagCriterion(key) ? `${describeCriterion(key).label}` : key;
}

/**
 * JUnit XML as Jenkins and GitLab read it: a suite per persona × flow (or per page), a test case
 * per persona × flow × step × criterion; a barrier is a <failure> carrying the issue text, an audit
 * that could not run an <error>, a criterion whose audits were all untested or inapplicable <skipped>. Pure.
 */
export function renderJunit(input: RenderInput): string {
  const declared = declaredCriteria(input.audits);
  const suites = new Map<string, Checkpoint[]>();
  for (const c of checkpoints(input)) {
    const name = c.persona ? `${c.persona} › ${c.flow ?? 'journey'}` : `page ${c.url}`;
    suites.set(name, [...(suites.get(name) ?? []), c]);
  }
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  let tests = 0, failures = 0, errors = 0;
  const root = doc.ele('testsuites', { name: input.title });
  for (const [suiteName, list] of suites) {
    const suite = root.ele('testsuite', { name: suiteName });
    let sTests = 0, sFailures = 0, sErrors = 0, sSkipped = 0;
    for (const c of list) {
      const byCriterion = new Map<string, { verdicts: AuditVerdict[]; findings: Finding[] }>();
      const slot = (k: string) => byCriterion.get(k) ?? byCriterion.set(k, { verdicts: [], findings: [] }).get(k)!;
      for (const v of c.verdicts) for (const sc of declared.get(v.auditId) ?? []) slot(sc).verdicts.push(v);
      for (const f of c.findings) for (const k of criteriaOfFinding(f)) slot(k).findings.push(f);
      const keys = [...byCriterion.keys()].sort((a, b) => (wcagCriterion(a) && wcagCriterion(b) ? compareSc(a, b) : a.localeCompare(b)));
      for (const key of keys) {
        const { verdicts, findings } = byCriterion.get(key)!;
        const tc = suite.ele('testcase', { name: `${c.step} · ${caseName(key)}`, classname: [c.persona ?? 'page', c.flow, c.step].filter(Boolean).join('.'), time: '0' });
        sTests++;
        const barriers = findings.filter(isBarrier);
        const broken = verdicts.filter((v) => v.outcome === 'error');
        if (barriers.length) {
          sFailures++;
          const text = barriers.map((f) => `[${f.ruleId}] ${f.message}\n  element: ${f.selector ?? f.domPath ?? '(page)'}\n  url: ${f.context.url}\n  issue: ${issueIdOf(f)} · finding: ${f.fingerprint} · engines: ${f.engines.join(', ')}${f.snippet ? `\n  snippet: ${f.snippet.slice(0, 2000)}` : ''}`).join('\n\n');
          tc.ele('failure', { type: barriers[0].ruleId, message: `${barriers.length} barrier(s): ${barriers[0].message.slice(0, 300)}` }).txt(text);
        } else if (broken.length) {
          sErrors++;
          tc.ele('error', { type: 'incomplete', message: `${broken.map((v) => v.auditId).join(', ')} could not run` }).txt(broken.map((v) => `${v.auditId}: ${v.notes?.join('; ') ?? 'error'}`).join('\n'));
        } else if (!findings.length && verdicts.every((v) => v.outcome === 'untested' || v.outcome === 'inapplicable')) {
          sSkipped++;
          tc.ele('skipped', { message: `not applicable or not tested here: ${verdicts.map((v) => `${v.auditId} ${v.outcome}`).join(', ')}` });
        } else if (findings.length) {
          tc.ele('system-out').txt(findings.map((f) => `${f.outcome} ${f.category} [${f.ruleId}] ${f.message}`).join('\n'));
        }
      }
    }
    suite.att({ tests: String(sTests), failures: String(sFailures), errors: String(sErrors), skipped: String(sSkipped), timestamp: input.bundle.startedAt });
    tests += sTests; failures += sFailures; errors += sErrors;
  }
  if (input.bundle.incomplete.length) {
    const suite = root.ele('testsuite', { name: 'could not check', tests: String(input.bundle.incomplete.length), failures: '0', errors: String(input.bundle.incomplete.length), skipped: '0' });
    for (const i of input.bundle.incomplete) suite.ele('testcase', { name: i.where, classname: 'incomplete' }).ele('error', { type: 'incomplete', message: i.cause }).txt(i.cause);
    tests += input.bundle.incomplete.length; errors += input.bundle.incomplete.length;
  }
  root.att({ tests: String(tests), failures: String(failures), errors: String(errors) });
  return doc.end({ prettyPrint: true }) + '\n';
}
