import type { Finding, RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { wcagCriterion, compareSc } from '../standards/wcag.ts';
import { STANDARD_LINKS } from './links.ts';
import { issueIdOf, pagePathOf } from './issues.ts';
import { ruleCatalogue } from './rules.ts';
import type { RenderInput } from './render-input.ts';

const TAXONOMY = 'WCAG';

function level(f: Finding): 'error' | 'warning' | 'note' {
  if (isBarrier(f)) return f.impact === 'minor' ? 'warning' : 'error';
  return f.outcome === 'failed' ? 'warning' : 'note';
}

/** A described target is a file: results point into it. Otherwise the page path stands for the artifact. */
function artifactUri(bundle: RunBundle, f: Finding): string {
  const target = typeof bundle.meta?.target === 'string' ? bundle.meta.target : undefined;
  if (target && /\.(ya?ml|json|ts)$/i.test(target)) return target.replace(/\\/g, '/').replace(/^\/+/, '');
  const path = pagePathOf(f.context.url).replace(/^\/+/, '');
  return encodeURI(path || 'index');
}

/** SARIF 2.1.0 for code-scanning tools: one run, rules from the audits, WCAG criteria as taxa. Pure. */
export function renderSarif(input: RenderInput): object {
  const { bundle } = input;
  const reported = bundle.findings.filter((f) => f.outcome === 'failed' || f.outcome === 'cantTell');
  const rules = ruleCatalogue(reported, input.audits);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const criteria = [...new Set(rules.flatMap((r) => r.wcag))].filter((sc) => wcagCriterion(sc)).sort(compareSc);
  const taxonIndex = new Map(criteria.map((sc, i) => [sc, i]));
  const taxonRef = (sc: string) => ({ id: sc, index: taxonIndex.get(sc)!, toolComponent: { name: TAXONOMY, index: 0 } });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Portico',
          version: bundle.tool.version,
          semanticVersion: bundle.tool.version,
          informationUri: 'https://www.w3.org/WAI/standards-guidelines/wcag/',
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
            shortDescription: { text: r.title || r.id },
            fullDescription: { text: r.description || r.title || r.id },
            ...(r.helpUrl ? { helpUri: r.helpUrl } : {}),
            help: { text: `${r.description || r.title}${r.wcag.length ? ` WCAG ${r.wcag.join(', ')}.` : ''}${r.other.length ? ` Also: ${r.other.join(', ')}.` : ''}` },
            defaultConfiguration: { level: r.impact === 'minor' ? 'warning' : 'error' },
            properties: { auditId: r.auditId, tags: ['accessibility', ...r.wcag.map((sc) => `wcag${sc}`), ...r.other], ...(r.impact ? { impact: r.impact } : {}) },
            relationships: r.wcag.filter((sc) => taxonIndex.has(sc)).map((sc) => ({ target: taxonRef(sc), kinds: ['relevant'] })),
          })),
          supportedTaxonomies: [{ name: TAXONOMY, index: 0 }],
        },
      },
      taxonomies: [{
        name: TAXONOMY,
        version: '2.2',
        organization: 'W3C',
        informationUri: STANDARD_LINKS.wcag22,
        shortDescription: { text: 'Web Content Accessibility Guidelines 2.2 success criteria' },
        isComprehensive: false,
        taxa: criteria.map((sc) => {
          const c = wcagCriterion(sc)!;
          return { id: sc, name: c.title, shortDescription: { text: `${sc} ${c.title} (Level ${c.level})` }, helpUri: c.understandingUrl, properties: { level: c.level, versions: c.versions } };
        }),
      }],
      invocations: [{
        executionSuccessful: bundle.status !== 'incomplete',
        startTimeUtc: bundle.startedAt,
        endTimeUtc: bundle.finishedAt,
        toolExecutionNotifications: bundle.incomplete.map((i) => ({ level: 'error', message: { text: `Could not check ${i.where}: ${i.cause}` } })),
      }],
      results: reported.map((f) => {
        const step = f.context.step ?? f.context.checkpoint;
        const where = [f.context.persona, f.context.flow, step].filter(Boolean).join('/');
        return {
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId)!,
          kind: f.outcome === 'cantTell' ? 'review' : 'fail',
          level: level(f),
          message: { text: f.message },
          locations: [{
            physicalLocation: { artifactLocation: { uri: artifactUri(bundle, f) }, region: { startLine: 1 } },
            logicalLocations: [{ name: step, fullyQualifiedName: where || step, kind: 'module' }],
          }],
          partialFingerprints: { 'portico/finding/v1': f.fingerprint, 'portico/issue/v1': issueIdOf(f) },
          taxa: f.requirements.wcag.filter((sc) => taxonIndex.has(sc)).map(taxonRef),
          properties: {
            url: f.context.url,
            ...(f.context.persona ? { persona: f.context.persona } : {}),
            ...(f.context.flow ? { flow: f.context.flow } : {}),
            step,
            category: f.category,
            engines: f.engines,
            ...(f.impact ? { impact: f.impact } : {}),
            ...(f.selector ? { selector: f.selector } : {}),
            ...(f.snippet ? { snippet: f.snippet } : {}),
            requirements: f.requirements,
          },
        };
      }),
    }],
  };
}
