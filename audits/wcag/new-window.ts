import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { NewWindowLink } from '../../harness/gatherers/probes/new-window.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/** Words that tell a person a link opens a new window or tab, in the languages Portico's targets use. */
export const NEW_WINDOW_WORDS = [
  /\bnew\s+(browser\s+)?(window|tab)\b/i, /\bopens?\s+in\s+(a\s+)?new\b/i, /\bpop-?up\b/i,
  /nuev[ao]\s+(ventana|pesta[ñn]a)/i, // es
  /nouve(l|lle|au)\s+(onglet|fen[êe]tre)/i, // fr
  /nouvo\s+(fen[èe]t|ongl[èe]|tab)/i, // ht
  /nova\s+(janela|aba|guia)/i, // pt
  /neue[nmrs]?\s+(fenster|tab)/i, // de
  /نافذة\s+جديدة|علامة\s+تبويب\s+جديدة/, // ar
];

const CAP = 10;

export const warns = (l: NewWindowLink): boolean =>
  [l.text, l.ariaName, l.description, ...l.iconNames].some((s) => NEW_WINDOW_WORDS.some((w) => w.test(s)));

/**
 * Links that open a new window or tab without saying so (G201 / H83). 3.2.5 Change on Request is
 * AAA, and opening a new window is not a WCAG A/AA failure: every finding is best practice with the
 * outcome cantTell (a person may have been told elsewhere, e.g. in the surrounding sentence) —
 * never a barrier.
 */
export const newWindowAudit: Audit = {
  meta: {
    id: 'new-window',
    title: 'Links that open a new window or tab say so',
    failureTitle: 'A link opens a new window or tab without warning',
    description:
      'A link or form with a target that opens a new window or tab should say so in its text, accessible name, description or icon label (G201, H83): otherwise the Back button stops working for a person who did not see a new tab open. Best practice (3.2.5 is AAA): never counted as a barrier.',
    requiredArtifacts: ['new-window'],
    requirements: { wcag: ['3.2.5'], other: ['G201', 'H83'] },
    mode: 'semiAuto',
    rules: {
      'new-window-unwarned': { title: 'A link opens a new window or tab without warning', wcag: ['3.2.5'], other: ['G201', 'H83'], impact: 'minor', help: 'Add "(opens in new tab)" to the link text, or do not open a new window.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'new-window');
    const shown = r.links.filter((l) => l.visible);
    if (!shown.length) return { outcome: 'inapplicable', findings: [], notes: [`${r.linkCount} link(s); none opens a new window or tab`] };
    const unwarned = shown.filter((l) => !warns(l));
    const notes = [`${shown.length} link(s) or form(s) open a new window or tab; ${shown.length - unwarned.length} say so`];
    if (unwarned.length > CAP) notes.push(`${unwarned.length - CAP} more not listed`);
    const findings: DraftFinding[] = unwarned.slice(0, CAP).map((l) => ({
      engines: ['portico'], ruleId: 'new-window-unwarned', outcome: 'cantTell', category: 'best-practice', impact: 'minor',
      message: `The ${l.tag === 'form' ? 'form' : 'link'} "${(l.ariaName || l.text || l.iconNames[0] || l.href).slice(0, 80)}" opens a new ${l.target === '_blank' ? 'window or tab' : `window ("${l.target}")`} and nothing in its text, name, description or icons says so. Check the sentence around it; else add "(opens in new tab)".`,
      selector: l.domPath, domPath: l.domPath, snippet: l.snippet, wcag: ['3.2.5'], other: ['G201', 'H83'],
    }));
    return { outcome: findings.length ? 'cantTell' : 'passed', findings, notes };
  },
};
