import type { EngineId, Evidence, Finding, Impact, Requirements } from '../types.ts';
import { fingerprint, normaliseSelector } from '../findings/fingerprint.ts';
import { compareSc } from '../standards/wcag.ts';

/** One time a person met an issue: who, in which flow, at which step. */
export interface Occurrence {
  fingerprint: string;
  persona?: string;
  flow?: string;
  step: string;
  url: string;
  message: string;
  engines: EngineId[];
  evidence: Evidence[];
}

/** One rule on one element of one page, however many personas met it at however many steps. */
export interface Issue {
  /** The finding fingerprint without persona, flow and step. */
  id: string;
  ruleId: string;
  auditId: string;
  target?: string;
  pagePath: string;
  element: string;
  /** The person could not go on: a journey-blocked finding. */
  blocking: boolean;
  category: Finding['category'];
  impact?: Impact;
  message: string;
  selector?: string;
  snippet?: string;
  helpUrl?: string;
  engines: EngineId[];
  requirements: Requirements;
  occurrences: Occurrence[];
  personas: string[];
  steps: string[];
}

const IMPACT_RANK: Record<Impact, number> = { critical: 4, serious: 3, moderate: 2, minor: 1 };

export function pagePathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? u.pathname.split('/').pop() || u.pathname : u.pathname;
  } catch {
    return url;
  }
}

function elementOf(f: Finding): string {
  return f.domPath ?? (normaliseSelector(f.selector) || '(page)');
}

const union = <T>(lists: T[][]): T[] => [...new Set(lists.flat())];

function mergeRequirements(list: Requirements[]): Requirements {
  return {
    wcag: union(list.map((r) => r.wcag)).sort(compareSc),
    section508: union(list.map((r) => r.section508)),
    trustedTester: union(list.map((r) => r.trustedTester)),
    en301549: union(list.map((r) => r.en301549)).sort(compareSc),
    other: union(list.map((r) => r.other)),
  };
}

/** The key of a finding's issue: its fingerprint's parts without persona, flow and step. */
export function issueIdOf(f: Finding): string {
  return fingerprint({ ruleId: f.ruleId, element: elementOf(f), pagePath: pagePathOf(f.context.url), checkpoint: '', target: f.context.target });
}

/**
 * Groups findings into issues. Blocking issues come first, then by impact, then by how many
 * times they were met. Pure.
 */
export function groupIssues(findings: Finding[]): Issue[] {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = issueIdOf(f);
    byId.set(id, [...(byId.get(id) ?? []), f]);
  }
  const issues = [...byId.entries()].map(([id, list]): Issue => {
    const first = list[0];
    const impacts = list.map((f) => f.impact).filter((i): i is Impact => !!i);
    const occurrences = list.map((f): Occurrence => ({
      fingerprint: f.fingerprint,
      persona: f.context.persona,
      flow: f.context.flow,
      step: f.context.step ?? f.context.checkpoint,
      url: f.context.url,
      message: f.message,
      engines: f.engines,
      evidence: f.evidence,
    }));
    return {
      id,
      ruleId: first.ruleId,
      auditId: first.auditId,
      target: first.context.target,
      pagePath: pagePathOf(first.context.url),
      element: elementOf(first),
      blocking: list.some((f) => f.ruleId === 'journey-blocked'),
      category: list.some((f) => f.category === 'barrier') ? 'barrier' : 'best-practice',
      impact: impacts.sort((a, b) => IMPACT_RANK[b] - IMPACT_RANK[a])[0],
      message: first.message,
      selector: first.selector,
      snippet: list.find((f) => f.snippet)?.snippet,
      helpUrl: list.find((f) => f.helpUrl)?.helpUrl,
      engines: union(list.map((f) => f.engines)),
      requirements: mergeRequirements(list.map((f) => f.requirements)),
      occurrences,
      personas: union(occurrences.map((o) => (o.persona ? [o.persona] : []))),
      steps: union(occurrences.map((o) => [o.step])),
    };
  });
  const rank = (i: Issue) => (i.impact ? IMPACT_RANK[i.impact] : 0);
  return issues.sort((a, b) => Number(b.blocking) - Number(a.blocking) || rank(b) - rank(a) || b.occurrences.length - a.occurrences.length || a.id.localeCompare(b.id));
}

export interface IssueCounts { issues: number; occurrences: number; blocking: number }

export function countIssues(issues: Issue[]): IssueCounts {
  return {
    issues: issues.length,
    occurrences: issues.reduce((n, i) => n + i.occurrences.length, 0),
    blocking: issues.filter((i) => i.blocking).length,
  };
}

/** "5 issues (20 occurrences)" */
export function issueCountText(c: IssueCounts): string {
  return `${c.issues} issue${c.issues === 1 ? '' : 's'} (${c.occurrences} occurrence${c.occurrences === 1 ? '' : 's'})`;
}
