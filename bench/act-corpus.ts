/**
 * The W3C ACT rules corpus (../shared/corpora/act-rules): its test cases, the rules they belong to,
 * and other tools' published implementation reports. Reading and parsing only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { wcagCriterion } from '../harness/standards/wcag.ts';
import { corpora } from '../harness/report/test-data/corpora.ts';
import type { Actual, Consistency, Expected, TestResult } from './act-consistency.ts';
import type { ActCase, ActRule } from './act-measure.ts';

// Found as the tests find the shared corpora: beside the checkout or above a worktree, or $PORTICO_CORPORA.
export const CORPUS_DIR = corpora('act-rules');

interface RawTestCase {
  ruleId: string;
  ruleName: string;
  ruleAccessibilityRequirements?: Record<string, { forConformance?: boolean; secondary?: string }> | null;
  expected: Expected;
  testcaseId: string;
  testcaseTitle: string;
  relativePath: string;
  url: string;
  approved?: boolean;
}

export interface CorpusCase extends ActCase {
  relativePath: string;
}

export interface Corpus {
  dir: string;
  rules: ActRule[];
  cases: CorpusCase[];
}

function fail(what: string): never {
  throw new Error(`ACT corpus: ${what}`);
}

/** WCAG keys of a rule ("wcag20:1.1.1", "wcag21:1.3.5") split into conformance and secondary criteria. */
export function parseRequirements(raw: RawTestCase['ruleAccessibilityRequirements']): { conformance: string[]; secondary: string[] } {
  const conformance: string[] = [];
  const secondary: string[] = [];
  for (const [key, value] of Object.entries(raw ?? {})) {
    const m = /^wcag2\d?:(\d\.\d\.\d{1,2})$/.exec(key);
    if (!m) continue;
    if (!wcagCriterion(m[1])) fail(`requirement "${key}" names no WCAG 2 criterion`);
    (value?.forConformance ? conformance : secondary).push(m[1]);
  }
  return { conformance, secondary };
}

/** The approved rules and their cases (the corpus's `approved: true` entries). */
export function loadCorpus(dir = CORPUS_DIR, options: { approvedOnly?: boolean } = {}): Corpus {
  const file = resolve(dir, 'testcases.json');
  let raw: { testcases?: RawTestCase[] };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(raw.testcases)) fail(`${file} has no "testcases" list`);
  const approvedOnly = options.approvedOnly ?? true;
  const rules = new Map<string, ActRule>();
  const cases: CorpusCase[] = [];
  for (const t of raw.testcases) {
    if (approvedOnly && t.approved !== true) continue;
    if (!['passed', 'failed', 'inapplicable'].includes(t.expected)) fail(`case ${t.testcaseId} of rule ${t.ruleId}: unknown expected outcome "${t.expected}"`);
    let rule = rules.get(t.ruleId);
    if (!rule) {
      const req = parseRequirements(t.ruleAccessibilityRequirements);
      rule = { id: t.ruleId, name: t.ruleName, cases: [], requirements: { ...req, levelOf: (sc) => wcagCriterion(sc)?.level } };
      rules.set(t.ruleId, rule);
    }
    const c: CorpusCase = { testcaseId: t.testcaseId, ruleId: t.ruleId, expected: t.expected, url: t.url, title: t.testcaseTitle, relativePath: t.relativePath };
    rule.cases.push(c);
    cases.push(c);
  }
  return { dir, rules: [...rules.values()], cases };
}

/** One published tool's standing on one rule: its label and its results on the cases we have. */
export interface PublishedRule {
  consistency: Consistency | 'untested';
  procedures: string[];
  testResults: TestResult[];
}

export interface PublishedTool {
  file: string;
  name: string;
  version: string;
  approvedComplete: number | undefined;
  rules: Map<string, PublishedRule>;
}

interface RawImplementation {
  name: string;
  version: string;
  approvedRules?: { complete?: number };
  actRuleMapping: Array<{
    ruleId: string;
    procedureNames: string[];
    consistency: Consistency;
    testCaseResults: Array<{ testcaseId: string; expected: Expected; testCaseApproved?: boolean; procedureResults: Array<{ outcomes: Actual[] }> }>;
  }>;
}

/** A published implementation report (implementations/<tool>.json), limited to the given cases. */
export function loadPublished(tool: string, caseIds: ReadonlySet<string>, dir = CORPUS_DIR): PublishedTool {
  const file = resolve(dir, 'implementations', `${tool}.json`);
  let raw: RawImplementation;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(raw.actRuleMapping)) fail(`${file} has no "actRuleMapping" list`);
  const rules = new Map<string, PublishedRule>();
  for (const m of raw.actRuleMapping) {
    const testResults = (m.testCaseResults ?? [])
      .filter((r) => caseIds.has(r.testcaseId))
      .map((r): TestResult => ({ testcaseId: r.testcaseId, expected: r.expected, outcomes: r.procedureResults.flatMap((p) => p.outcomes) }));
    const untested = m.procedureNames.length === 0;
    rules.set(m.ruleId, { consistency: untested ? 'untested' : m.consistency, procedures: m.procedureNames, testResults });
  }
  return { file, name: raw.name, version: raw.version, approvedComplete: raw.approvedRules?.complete, rules };
}
