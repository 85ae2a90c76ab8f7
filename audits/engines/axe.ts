import type { Artifacts, Audit, AuditResult, DraftFinding, Impact } from '../../harness/types.ts';
import type { AxeRuleArtifact, KeyboardArtifact } from '../../harness/gatherers/types.ts';
import { AXE_IMPACTS } from './axe-tags.ts';
import { confirmContrast } from './axe-contrast.ts';
import { wcagCriterion, wcagFromAxeTags } from '../../harness/standards/wcag.ts';
import { gathered, gatheredIfAny } from '../../harness/artifacts/gathered.ts';

const toImpact = (i: string | null | undefined): Impact | undefined => (AXE_IMPACTS as readonly string[]).includes(i ?? '') ? (i as Impact) : undefined;

/**
 * Where an axe rule stands: a WCAG A/AA rule is a barrier; a rule with no criterion is best
 * practice; an AAA rule (tag wcag2aaa, or only AAA criteria) and an experimental rule are run
 * but reported apart, like best practice, and never fail a run by default.
 */
export function axeRuleStanding(tags: readonly string[]): 'barrier' | 'best-practice' | 'AAA' | 'experimental' {
  const wcag = wcagFromAxeTags(tags);
  if (tags.includes('experimental')) return 'experimental';
  if (wcag.length === 0) return 'best-practice';
  if (tags.some((t) => /^wcag2\d?aaa$/.test(t)) || wcag.every((sc) => wcagCriterion(sc)?.level === 'AAA')) return 'AAA';
  return 'barrier';
}

function drafts(rules: AxeRuleArtifact[], outcome: 'failed' | 'cantTell'): DraftFinding[] {
  return rules.flatMap((rule) => {
    const wcag = wcagFromAxeTags(rule.tags);
    const standing = axeRuleStanding(rule.tags);
    const category = standing === 'barrier' ? 'barrier' : 'best-practice';
    const apart = standing === 'AAA' || standing === 'experimental' ? `[${standing}, reported apart] ` : '';
    return rule.nodes.map((node): DraftFinding => ({
      engines: ['axe'],
      ruleId: rule.id,
      engineRules: { axe: rule.id },
      outcome,
      category,
      impact: toImpact(rule.impact),
      message: apart + (node.failureSummary ? `${rule.help}. ${node.failureSummary.replace(/\s+/g, ' ').trim()}` : rule.help),
      selector: node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> '),
      domPath: node.domPath ?? undefined,
      snippet: node.html,
      helpUrl: rule.helpUrl,
      wcag,
      tags: rule.tags,
    }));
  });
}

const HTML_ROOT = 'http://www.w3.org/1999/xhtml html';
/** Rules about the HTML page itself (its <html> element and <title>): inapplicable to an SVG or MathML document. */
const HTML_PAGE_RULES = new Set(['html-has-lang', 'html-lang-valid', 'html-xml-lang-mismatch', 'document-title']);

function apartNote(violations: AxeRuleArtifact[]): string[] {
  const apart = violations.filter((r) => ['AAA', 'experimental'].includes(axeRuleStanding(r.tags)));
  return apart.length ? [`reported apart (AAA / experimental): ${apart.map((r) => `${r.id} (${axeRuleStanding(r.tags)})`).join(', ')}`] : [];
}

/**
 * axe's aria-hidden-focus "needs review" (it cannot tell whether script keeps focus out) becomes a
 * failure when the keyboard walk, when there is one, really put focus on an element inside that
 * aria-hidden subtree by pressing Tab: focusable content hidden from assistive technology, observed.
 */
function confirmByKeyboard(review: DraftFinding[], keyboard: KeyboardArtifact | undefined): DraftFinding[] {
  const stops = keyboard?.sequence ?? [];
  if (stops.length === 0) return review;
  return review.map((f) => {
    if (f.ruleId !== 'aria-hidden-focus' || !f.domPath) return f;
    const reached = stops.find((s) => s.domPath === f.domPath || s.domPath?.startsWith(`${f.domPath}>`));
    if (!reached) return f;
    return { ...f, outcome: 'failed', message: `${f.message} — the keyboard walk put focus on ${reached.tag}${reached.name ? ` "${reached.name}"` : ''} inside it (Tab stop ${reached.index + 1})` };
  });
}

/**
 * axe's frame-focusable-content fails an iframe taken out of the tab order that has focusable
 * content. While a modal dialog is open (the keyboard walk found the rest of the page behind it, or
 * a cycle inside it) the page behind is inert, and a page may take its frame out of the tab order
 * for just that time (ACT akn7bn Inapplicable Example 6): no verdict then, cantTell.
 */
function modalOpenFrames(failed: DraftFinding[], keyboard: KeyboardArtifact | undefined): DraftFinding[] {
  const modalOpen = (keyboard?.unreached ?? []).some((u) => u.behindModal) || keyboard?.trap?.insideModal === true;
  if (!modalOpen) return failed;
  return failed.map((f) => (f.ruleId !== 'frame-focusable-content' ? f : {
    ...f,
    outcome: 'cantTell' as const,
    message: `${f.message} — a modal dialog was open (the keyboard walk found the page behind it inert): the frame may be out of the tab order only while the dialog is open`,
  }));
}

/** axe-core's violations (failed) and its "needs review" results (cantTell), per element. */
export const axeAudit: Audit = {
  meta: {
    id: 'axe',
    title: 'axe-core finds no WCAG 2.x A/AA violations',
    failureTitle: 'axe-core finds WCAG 2.x A/AA violations',
    description: 'Runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; best-practice, AAA and experimental rules run too but are reported apart and never fail a run.',
    requiredArtifacts: ['axe'],
    requirements: {},
    mode: 'automatic',
    rules: 'engine',
  },
  audit(artifacts: Artifacts): AuditResult {
    const axe = gathered(artifacts, 'axe');
    // Chrome shows an unstyled XML document as an HTML tree view: its <html> is the browser's, not the page's.
    const notHtml = axe.document && (axe.document.root !== HTML_ROOT || axe.document.xmlViewer === true);
    const applicable = (rules: AxeRuleArtifact[]) => (notHtml ? rules.filter((r) => !HTML_PAGE_RULES.has(r.id)) : rules);
    const keyboard = gatheredIfAny(artifacts, 'keyboard');
    const failed = modalOpenFrames(drafts(applicable(axe.violations), 'failed'), keyboard);
    const review = confirmContrast(confirmByKeyboard(drafts(applicable(axe.incomplete), 'cantTell'), keyboard), axe.contrastSamples);
    const barriers = [...failed, ...review].filter((f) => f.outcome === 'failed' && f.category === 'barrier');
    return {
      outcome: barriers.length ? 'failed' : 'passed',
      findings: [...failed, ...review],
      notes: [
        `axe-core ${axe.version}: ${axe.violations.length} rules violated, ${axe.incomplete.length} need review, ${axe.passes.length} passed`,
        ...apartNote(axe.violations),
        ...(notHtml ? [`the document is not an HTML page (${axe.document!.contentType}, ${axe.document!.xmlViewer ? 'shown by the browser\'s XML viewer' : `root ${axe.document!.root}`}): rules about HTML pages do not apply`] : []),
      ],
    };
  },
};
