import type { Artifacts, Audit, AuditContext, AuditResult, AuditVerdict, DraftFinding, Finding, JourneyAuditResult } from './types.ts';
import { fingerprint, normaliseSelector } from './findings/fingerprint.ts';
import { dedupeFindings } from './findings/dedupe.ts';
import { requirementsFor } from './standards/requirements.ts';
import { PAGE_LEVEL_RULES, TARGET_LEVEL_RULES } from './findings/rule-equivalence.ts';

export interface AuditRunOutput {
  findings: Finding[];
  verdicts: AuditVerdict[];
}

/**
 * Which audits judge a checkpoint: decided when the audits run (so a replay picks up a new audit),
 * from what the checkpoint is — its persona, for instance — never stamped in at gather time.
 */
export type AuditSelector = (artifacts: Artifacts) => Audit[];

/**
 * Where no checkpoint was taken (the person was stopped before it), only the audits that read what
 * was recorded apply: the others were not skipped, there was nothing for them to look at.
 */
function applicableAudits(audits: Audit[], artifacts: Artifacts): Audit[] {
  if (!artifacts.journeyOnly) return audits;
  const keys = Object.keys(artifacts.gathered);
  return audits.filter((a) => a.meta.requiredArtifacts.every((k) => keys.includes(k)));
}

/** Why an audit cannot run on these artifacts: a gatherer that was not run, or one that failed. */
function missingArtifact(audit: Audit, artifacts: Artifacts): AuditResult | null {
  if (artifacts.unreadable) return { outcome: 'error', findings: [], notes: [`could not read the artifacts: ${artifacts.unreadable}`] };
  for (const key of audit.meta.requiredArtifacts) {
    const value = artifacts.gathered[key];
    if (value === undefined) return { outcome: 'untested', findings: [], notes: [`artifact "${key}" was not gathered`] };
    if (value && typeof value === 'object' && 'error' in value) {
      return { outcome: 'error', findings: [], notes: [`${key} could not run: ${(value as { error: string }).error}`] };
    }
  }
  return null;
}

export function completeFinding(draft: DraftFinding, audit: Audit, artifacts: Artifacts): Finding {
  const context = { ...artifacts.context, checkpoint: artifacts.checkpoint, url: artifacts.url };
  // Page-level rules (title, lang…) are reported on <html>, <head> or <title> depending on the engine: key them by page.
  const element = PAGE_LEVEL_RULES.has(draft.ruleId) ? '(page)' : (draft.domPath ?? normaliseSelector(draft.selector));
  const declared = typeof audit.meta.rules === 'object' ? audit.meta.rules[draft.ruleId] : undefined;
  const { tags, evidence, engineRules, category, ...rest } = draft;
  // The declared rule is where a finding's mapping comes from; a draft may add criteria of its own (a persona's).
  const wcag = [...new Set([...(declared?.wcag ?? []), ...draft.wcag])];
  const other = [...new Set([...(declared?.other ?? []), ...(draft.other ?? [])])];
  delete (rest as Partial<DraftFinding>).wcag;
  delete (rest as Partial<DraftFinding>).other;
  const targetLevel = TARGET_LEVEL_RULES.has(draft.ruleId);
  return {
    ...rest,
    impact: draft.impact ?? declared?.impact,
    fingerprint: fingerprint({
      ruleId: draft.ruleId,
      element,
      pagePath: targetLevel ? '(target)' : artifacts.pagePath,
      checkpoint: targetLevel ? '(target)' : artifacts.checkpoint,
      persona: artifacts.context.persona,
      target: artifacts.context.target,
      flow: targetLevel ? undefined : artifacts.context.flow,
    }),
    auditId: audit.meta.id,
    engineRules: engineRules ?? {},
    category: category ?? 'barrier',
    requirements: requirementsFor(wcag, tags ?? [], [...(other ?? []), ...(audit.meta.requirements.other ?? [])]),
    context,
    evidence: [...(evidence ?? []), ...(artifacts.evidence ?? [])],
  };
}

/**
 * Runs every audit over every checkpoint's artifacts. Pure: no browser, no I/O — the same
 * artifacts always give the same findings, which is what makes `--replay` trustworthy.
 * An audit that throws becomes `error` for that checkpoint; it never crashes the run or passes.
 */
export function runAudits(audits: Audit[] | AuditSelector, artifactsList: Artifacts[]): AuditRunOutput {
  const findings: Finding[] = [];
  const verdicts: AuditVerdict[] = [];
  const journeys = new Map<string, Map<Audit, Artifacts[]>>();
  for (const artifacts of artifactsList) {
    const ctx: AuditContext = { checkpoint: artifacts.checkpoint, url: artifacts.url, pagePath: artifacts.pagePath, context: artifacts.context };
    const applicable = applicableAudits(typeof audits === 'function' ? audits(artifacts) : audits, artifacts);
    for (const audit of applicable) {
      if (audit.auditJourney) {
        // Judged once the journey's checkpoints are all in: one journey is one target, persona and flow,
        // on one site (pages audited one by one with no flow are compared only with their own site's).
        let origin = '';
        try { origin = new URL(artifacts.url).origin; } catch { /* a file name: no origin */ }
        const key = JSON.stringify([artifacts.context.target ?? '', artifacts.context.persona ?? '', artifacts.context.flow ?? '', origin]);
        const byAudit = journeys.get(key) ?? new Map<Audit, Artifacts[]>();
        byAudit.set(audit, [...(byAudit.get(audit) ?? []), artifacts]);
        journeys.set(key, byAudit);
        continue;
      }
      let result = missingArtifact(audit, artifacts);
      if (!result) {
        try {
          result = audit.audit(artifacts, ctx);
        } catch (error) {
          result = { outcome: 'error', findings: [], notes: [`audit threw: ${(error as Error).message}`] };
        }
      }
      const completed = result.findings.map((d) => completeFinding(d, audit, artifacts));
      findings.push(...completed);
      verdicts.push({
        auditId: audit.meta.id,
        checkpoint: artifacts.checkpoint,
        url: artifacts.url,
        outcome: result.outcome,
        findingCount: completed.length,
        notes: result.notes,
        context: artifacts.context,
      });
    }
  }
  for (const byAudit of journeys.values()) {
    for (const [audit, list] of byAudit) {
      const last = list.at(-1)!;
      const usable = list.filter((a) => !missingArtifact(audit, a));
      let result: JourneyAuditResult;
      if (!usable.length) {
        const why = missingArtifact(audit, last)!;
        result = { outcome: why.outcome, findings: [], notes: why.notes };
      } else {
        try {
          result = audit.auditJourney!(usable);
        } catch (error) {
          result = { outcome: 'error', findings: [], notes: [`audit threw: ${(error as Error).message}`] };
        }
      }
      const completed = result.findings.map(({ checkpoint, ...d }) => completeFinding(d, audit, usable.find((a) => a.checkpoint === checkpoint) ?? last));
      findings.push(...completed);
      // One verdict for the journey, at its last checkpoint.
      verdicts.push({ auditId: audit.meta.id, checkpoint: last.checkpoint, url: last.url, outcome: result.outcome, findingCount: completed.length, notes: result.notes, context: last.context });
    }
  }
  return { findings: dedupeFindings(findings), verdicts };
}
