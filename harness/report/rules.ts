import type { Finding, Impact } from '../types.ts';
import type { AuditInfo } from './render-input.ts';
import { compareSc } from '../standards/wcag.ts';

/** One rule Portico can report: an engine rule (axe's image-alt) or one of Portico's own audits. */
export interface RuleInfo {
  id: string;
  auditId: string;
  title: string;
  description: string;
  helpUrl?: string;
  wcag: string[];
  other: string[];
  impact?: Impact;
}

const RANK: Record<Impact, number> = { critical: 4, serious: 3, moderate: 2, minor: 1 };

/**
 * The rule list: every rule a finding names (described by its audit's meta, or by the engine's
 * own wording when the audit is an engine), then every declared audit that found nothing. Pure.
 */
export function ruleCatalogue(findings: Finding[], audits: AuditInfo[]): RuleInfo[] {
  const meta = new Map(audits.map((a) => [a.id, a]));
  const rules = new Map<string, RuleInfo>();
  for (const f of findings) {
    const seen = rules.get(f.ruleId);
    const audit = meta.get(f.auditId);
    if (!seen) {
      const own = audit && f.ruleId === audit.id;
      rules.set(f.ruleId, {
        id: f.ruleId,
        auditId: f.auditId,
        title: own ? audit.failureTitle : f.message.split('\n')[0].slice(0, 200),
        description: own ? audit.description : `${f.message.split('\n')[0].slice(0, 500)}${audit ? ` (reported through ${audit.title})` : ''}`,
        helpUrl: f.helpUrl,
        wcag: [...f.requirements.wcag],
        other: [...f.requirements.other],
        impact: f.impact,
      });
      continue;
    }
    seen.wcag = [...new Set([...seen.wcag, ...f.requirements.wcag])].sort(compareSc);
    seen.other = [...new Set([...seen.other, ...f.requirements.other])];
    seen.helpUrl ??= f.helpUrl;
    if (f.impact && (!seen.impact || RANK[f.impact] > RANK[seen.impact])) seen.impact = f.impact;
  }
  for (const a of audits) {
    // Every rule the audit declares it can emit, found or not (an ACR and an EARL report need what was tested).
    for (const [id, r] of Object.entries(typeof a.rules === 'object' ? a.rules : {})) {
      if (rules.has(id)) { const seen = rules.get(id)!; seen.title = r.title; seen.description = r.help ?? seen.description; continue; }
      rules.set(id, { id, auditId: a.id, title: r.title, description: r.help ?? a.description, wcag: [...r.wcag].sort(compareSc), other: [...(r.other ?? [])], impact: r.impact });
    }
    if (rules.has(a.id) || [...rules.values()].some((r) => r.auditId === a.id)) continue;
    rules.set(a.id, { id: a.id, auditId: a.id, title: a.title, description: a.description, wcag: [...(a.requirements.wcag ?? [])].sort(compareSc), other: [...(a.requirements.other ?? [])] });
  }
  return [...rules.values()];
}

/** The criteria an audit is declared to test. Engine audits (axe …) declare none: they test rule by rule. */
export function declaredCriteria(audits: AuditInfo[]): Map<string, string[]> {
  const ofRules = (a: AuditInfo) => Object.values(typeof a.rules === 'object' ? a.rules : {}).flatMap((r) => r.wcag);
  return new Map(audits.map((a) => [a.id, [...new Set([...(a.requirements.wcag ?? []), ...ofRules(a)])]]));
}
