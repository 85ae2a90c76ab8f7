import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CAP = 10;
const norm = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

/** Placeholder words that describe nothing, in the languages Portico's targets use (a trailing number allowed). */
const GENERIC_HEADING = /^(heading|title|section|header|subheading|untitled|new section|text|content|lorem ipsum( .*)?|t[ií]tulo|encabezado|secci[oó]n|titre|rubrique|tit|seksyon)( \d+)?$/;
const GENERIC_LABEL = /^(label|field|input|text|textbox|text box|value|enter text|untitled|etiqueta|campo|texto|valor|libell[eé]|champ|texte|valeur|etikèt|chan)( \d+)?$/;
const GENERIC_CONTROL = /^(click here|click|here|button|link|click this|haga clic aqu[ií]|clic aqu[ií]|aqu[ií]|bot[oó]n|enlace|cliquez ici|ici|bouton|lien|klike la|isit la|bouton|lyen)( \d+)?$/;

export function genericKind(kind: 'heading' | 'label' | 'control', text: string): boolean {
  const t = norm(text);
  if (!t) return false; // empty is another rule's (empty-heading, label)
  return (kind === 'heading' ? GENERIC_HEADING : kind === 'label' ? GENERIC_LABEL : GENERIC_CONTROL).test(t);
}

/**
 * 2.4.6 Headings and Labels: headings and labels describe their topic or purpose. Whether a text
 * describes is a human judgement; what this audit catches is placeholder text left in — "Heading",
 * "Field 1", "Label", a "Click here" button — and headings repeated word for word at the same
 * level. Every finding is cantTell with the text quoted, never failed.
 */
export const descriptiveLabelsAudit: Audit = {
  meta: {
    id: 'descriptive-labels',
    title: 'Headings and labels describe their topic or purpose',
    failureTitle: 'A heading or label looks like placeholder text',
    description:
      'Headings, field labels and legends, and button or link texts that are placeholders ("Heading", "Title 2", "Field 1", "Label", "Click here") or headings repeated word for word at the same level are quoted for review (2.4.6).',
    requiredArtifacts: ['page-text'],
    requirements: { wcag: ['2.4.6'] },
    mode: 'semiAuto',
    rules: {
      'generic-heading': { title: 'A heading looks like placeholder text', wcag: ['2.4.6'], impact: 'moderate', help: 'Say what the section is about.' },
      'duplicate-heading': { title: 'Headings at the same level repeat the same words', wcag: ['2.4.6'], impact: 'minor', help: 'Make each heading say how its section differs.' },
      'generic-label': { title: 'A field label looks like placeholder text', wcag: ['2.4.6'], other: ['3.3.2'], impact: 'moderate', help: 'Say what to enter: "Email address", not "Field 1".' },
      'generic-control-text': { title: 'A button or link text says nothing of its purpose', wcag: ['2.4.6'], other: ['2.4.4'], impact: 'moderate', help: 'Say what it does: "Download the form", not "Click here".' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'page-text');
    const total = r.headings.length + r.labels.length + r.controls.length;
    if (!total) return { outcome: 'inapplicable', findings: [], notes: ['no headings, labels or controls with text'] };
    const findings: DraftFinding[] = [];
    const push = (ruleId: string, what: string, item: { domPath: string; text: string }, impact: 'moderate' | 'minor' = 'moderate') => findings.push({
      engines: ['portico'], ruleId, outcome: 'cantTell', impact, message: `${what} "${item.text}". Check that it tells a person what the section, field or control is for.`,
      selector: item.domPath, domPath: item.domPath, wcag: ['2.4.6'],
    });
    const seen = new Map<string, number>();
    for (const h of r.headings) {
      if (genericKind('heading', h.text)) push('generic-heading', `The h${h.level} heading reads`, h);
      const key = `${h.level}|${norm(h.text)}`;
      if (norm(h.text)) {
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (seen.get(key) === 2) push('duplicate-heading', `Two h${h.level} headings on the page both read`, h, 'minor');
      }
    }
    for (const l of r.labels) if (genericKind('label', l.text)) push('generic-label', `A field's ${l.tag === 'legend' ? 'legend' : 'label'} reads`, l);
    for (const c of r.controls) if (genericKind('control', c.text)) push('generic-control-text', `A ${c.tag === 'a' ? 'link' : 'button'} reads`, c);
    const notes = [`${r.headings.length} heading(s), ${r.labels.length} label(s), ${r.controls.length} button(s) and link(s) read`];
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    return { outcome: findings.length ? 'cantTell' : 'passed', findings: findings.slice(0, CAP), notes };
  },
};
