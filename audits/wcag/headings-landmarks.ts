import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * How a screen-reader user finds their way: a main landmark, a first-level heading in it, headings
 * that say something. Kept conservative: an empty heading (announced as "heading level 2" and
 * nothing) is a barrier (1.3.1, as HTML_CodeSniffer's H42.2); a missing main landmark or h1 is
 * reported as best practice, never as a WCAG failure on its own.
 */
export const headingsLandmarksAudit: Audit = {
  meta: {
    id: 'headings-landmarks',
    title: 'The page has a main landmark, a first-level heading and no empty headings',
    failureTitle: 'Headings are empty or the page structure is missing',
    description:
      'From the accessibility tree: headings with no text fail 1.3.1; a page without a main landmark, without an h1, or with its h1 outside main is reported as best practice (screen-reader users navigate by these).',
    requiredArtifacts: ['transcript'],
    requirements: { wcag: ['1.3.1'] },
    rules: {
      'empty-heading': { title: 'A heading has no text', wcag: ['1.3.1'], impact: 'moderate', help: 'Give every heading text, or remove the heading element.' },
      'landmark-one-main': { title: 'The page has no main landmark', wcag: [], impact: 'moderate', help: 'Wrap the page content in <main>.' },
      'landmark-no-duplicate-main': { title: 'The page has more than one main landmark', wcag: [], impact: 'moderate', help: 'Keep one <main> per page.' },
      'page-has-heading-one': { title: 'The page has no first-level heading', wcag: [], impact: 'moderate', help: 'Start the content with an <h1> that says what the page is.' },
      'heading-one-in-main': { title: 'The first-level heading is outside the main landmark', wcag: [], impact: 'minor', help: 'Put the <h1> inside <main>.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const t = gathered(artifacts, 'transcript');
    if ((t.source === 'cdp' && t.axNodeCount === 0) || (t.source === 'dom' && !t.ariaSnapshot && t.headings.length === 0 && t.landmarks.length === 0)) {
      return { outcome: 'cantTell', findings: [], notes: ['the accessibility tree was empty: nothing to judge'] };
    }
    const findings: DraftFinding[] = [];
    const page = { engines: ['portico'] as DraftFinding['engines'], selector: 'html', domPath: 'html' };
    for (const h of t.headings) {
      if (h.text.trim()) continue;
      findings.push({
        engines: ['portico'],
        ruleId: 'empty-heading',
        outcome: 'failed',
        impact: 'moderate',
        message: `An h${h.level} heading has no text: a screen reader announces "heading level ${h.level}" and nothing else, and it appears empty in the headings list.`,
        selector: h.domPath ?? undefined,
        domPath: h.domPath ?? undefined,
        wcag: ['1.3.1'],
      });
    }
    const mains = t.landmarks.filter((l) => l.role === 'main');
    const h1s = t.headings.filter((h) => h.level === 1 && h.text.trim());
    if (mains.length === 0) {
      findings.push({ ...page, ruleId: 'landmark-one-main', outcome: 'failed', impact: 'moderate', category: 'best-practice', message: 'The page has no main landmark: a screen-reader user cannot jump to the content.', wcag: [] });
    } else if (mains.length > 1) {
      findings.push({ ...page, ruleId: 'landmark-no-duplicate-main', outcome: 'failed', impact: 'moderate', category: 'best-practice', message: `The page has ${mains.length} main landmarks.`, wcag: [] });
    }
    if (h1s.length === 0) {
      findings.push({ ...page, ruleId: 'page-has-heading-one', outcome: 'failed', impact: 'moderate', category: 'best-practice', message: `The page has no first-level heading${t.headings.length ? ` (headings: ${t.headings.slice(0, 5).map((h) => `h${h.level} "${h.text}"`).join(', ')})` : ' and no headings at all'}: a screen-reader user cannot find where the content starts or what the page is.`, wcag: [] });
    } else if (mains.length > 0 && !h1s.some((h) => h.inMain)) {
      findings.push({ ...page, ruleId: 'heading-one-in-main', outcome: 'failed', impact: 'minor', category: 'best-practice', message: `The first-level heading "${h1s[0].text}" is outside the main landmark.`, wcag: [], selector: h1s[0].domPath ?? 'html', domPath: h1s[0].domPath ?? 'html' });
    }
    const barrier = findings.some((f) => f.category !== 'best-practice');
    return { outcome: barrier ? 'failed' : 'passed', findings };
  },
};
