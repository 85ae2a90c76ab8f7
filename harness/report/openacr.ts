import { stringify } from 'yaml';
import type { AuditVerdict } from '../types.ts';
import { WCAG_CRITERIA, type WcagLevel } from '../standards/wcag.ts';
import { groupIssues, type Issue } from './issues.ts';
import { isBarrier } from '../bundle.ts';
import { declaredCriteria } from './rules.ts';
import type { RenderInput } from './render-input.ts';

export const OPENACR_CATALOG = '2.5-edition-wcag-2.2-508-en';

export type Adherence = 'supports' | 'partially-supports' | 'does-not-support' | 'not-applicable' | 'not-evaluated';

const CHAPTER_BY_LEVEL: Record<WcagLevel, string> = { A: 'success_criteria_level_a', AA: 'success_criteria_level_aa', AAA: 'success_criteria_level_aaa' };

/** The catalog's Revised 508 chapters Portico can speak to (ids and handles as in the catalog). */
const FUNCTIONAL_PERFORMANCE = ['302.1', '302.2', '302.3', '302.4', '302.5', '302.6', '302.7', '302.8', '302.9'];
const SUPPORT = ['602.2', '602.3', '602.4', '603.2', '603.3'];

function remarksFor(issues: Issue[], max = 8): string {
  const lines = issues.slice(0, max).map((i) => {
    const who = i.personas.length ? ` — met by ${i.personas.join(', ')} at ${i.steps.join(', ')}` : '';
    return `${i.blocking ? 'BLOCKS THE JOURNEY: ' : ''}${i.message.split('\n')[0].slice(0, 300)} (${i.ruleId} on ${i.pagePath}${who}; ${i.occurrences.length} occurrence(s), issue ${i.id})`;
  });
  if (issues.length > max) lines.push(`… and ${issues.length - max} more issue(s): see report.html.`);
  return lines.join('\n');
}

interface Judgement { level: Adherence; notes: string }

/**
 * The adherence level for one criterion: failed somewhere → partially / does not support (blocking,
 * or failed at most checkpoints where it was tested); tested and passed everywhere → supports;
 * inapplicable everywhere → not applicable; anything else → not evaluated. Never "supports" untested.
 */
export function judgeCriterion(sc: string, issues: Issue[], verdicts: AuditVerdict[]): Judgement {
  const failing = issues.filter((i) => i.requirements.wcag.includes(sc));
  const ran = verdicts.filter((v) => v.outcome === 'passed' || v.outcome === 'failed');
  const checkpoints = new Set(ran.map((v) => `${v.context?.persona}|${v.checkpoint}|${v.url}`));
  const failedAt = new Set(failing.flatMap((i) => i.occurrences.map((o) => `${o.persona}|${o.step}|${o.url}`)));
  if (failing.length) {
    const most = checkpoints.size > 0 && failedAt.size * 2 > checkpoints.size;
    const level = failing.some((i) => i.blocking) || most ? 'does-not-support' : 'partially-supports';
    return { level, notes: remarksFor(failing) };
  }
  const broken = verdicts.filter((v) => v.outcome === 'error' || v.outcome === 'untested');
  if (ran.length && !broken.length) {
    const audits = [...new Set(ran.map((v) => v.auditId))].join(', ');
    return { level: 'supports', notes: `No barrier found by Portico's automated checks (${audits}) at ${checkpoints.size} checkpoint(s). Automated checks do not establish full conformance.` };
  }
  if (verdicts.length && verdicts.every((v) => v.outcome === 'inapplicable')) {
    return { level: 'not-applicable', notes: `Nothing on the pages visited that this criterion applies to (${[...new Set(verdicts.map((v) => v.auditId))].join(', ')}).` };
  }
  if (broken.length) return { level: 'not-evaluated', notes: `The audits for this criterion could not run everywhere (${[...new Set(broken.map((v) => `${v.auditId} ${v.outcome}`))].join(', ')}): not evaluated.` };
  return { level: 'not-evaluated', notes: 'No Portico audit tested this criterion in this run.' };
}

/** GSA OpenACR (catalog 2.5-edition-wcag-2.2-508-en) for the web component. Pure. */
export function renderOpenAcr(input: RenderInput): string {
  const { bundle } = input;
  const issues = groupIssues(bundle.findings.filter(isBarrier));
  const declared = declaredCriteria(input.audits);
  const verdictsFor = (sc: string) => bundle.verdicts.filter((v) => (declared.get(v.auditId) ?? []).includes(sc));
  const chapters: Record<string, unknown> = {};
  for (const level of ['A', 'AA', 'AAA'] as const) {
    chapters[CHAPTER_BY_LEVEL[level]] = {
      criteria: WCAG_CRITERIA.filter((c) => c.level === level).map((c) => {
        const j = judgeCriterion(c.sc, issues, verdictsFor(c.sc));
        return { num: c.sc, components: [{ name: 'web', adherence: { level: j.level, notes: j.notes } }] };
      }),
    };
  }
  const blockedPersonas = [...new Set(issues.filter((i) => i.blocking).flatMap((i) => i.personas))];
  chapters.functional_performance_criteria = {
    notes: `Functional performance needs evaluation with people. ${blockedPersonas.length ? `In this run these personas were blocked: ${blockedPersonas.join(', ')} (see report.html).` : 'No persona was blocked in this run.'}`,
    criteria: FUNCTIONAL_PERFORMANCE.map((num) => ({ num, components: [{ name: 'none', adherence: { level: 'not-evaluated', notes: 'Not evaluated by automated checks.' } }] })),
  };
  chapters.hardware = { disabled: true, notes: 'Not applicable: the product is a web application.' };
  chapters.software = { disabled: true, notes: 'Web applications are evaluated against WCAG (508 501.1); see the WCAG tables.' };
  chapters.support_documentation_and_services = {
    criteria: SUPPORT.map((num) => {
      const cited = issues.filter((i) => i.requirements.other.some((o) => new RegExp(`(^|[^\\d.])${num.replace('.', '\\.')}($|[^\\d])`).test(o)));
      const adherence = cited.length ? { level: cited.some((i) => i.blocking) ? 'does-not-support' : 'partially-supports', notes: remarksFor(cited) } : { level: 'not-evaluated', notes: 'No Portico audit tested this provision in this run.' };
      return { num, components: [{ name: 'none', adherence }] };
    }),
  };
  const target = String(bundle.meta?.target ?? 'the audited pages');
  const report = {
    title: `${input.title}: Accessibility Conformance Report`,
    product: { name: target, description: `Evaluated by Portico ${bundle.tool.version}${bundle.meta?.profile ? `, profile ${bundle.meta.profile}` : ''}${bundle.meta?.defects ? ` + ${bundle.meta.defects}` : ''}.` },
    author: { name: 'Portico (automated evaluation)', email: '' },
    report_date: bundle.finishedAt.slice(0, 10),
    notes: `Status: ${bundle.status}. ${bundle.status === 'incomplete' ? `INCOMPLETE: ${bundle.incomplete.map((i) => `${i.where}: ${i.cause}`).join('; ')}. ` : ''}${issues.length} barrier issue(s) in ${issues.reduce((n, i) => n + i.occurrences.length, 0)} occurrence(s). Evidence manifest: ${input.signing.signed ? `signed (key ${input.signing.keyFingerprint})` : 'UNSIGNED'}.`,
    evaluation_methods_used: `Automated: Portico drove Chromium through the journeys as personas (${String(bundle.meta?.personas ?? 'page audit')}) with ${Object.entries(bundle.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. A criterion no audit tested is "not-evaluated"; "supports" means no barrier was found by automated checks where the criterion was tested.`,
    legal_disclaimer: 'Generated from an automated run; automated checks find some barriers, never all. Review by people is needed before any conformance claim.',
    catalog: OPENACR_CATALOG,
    chapters,
  };
  return stringify(report, { lineWidth: 0 });
}
