import type { Page } from 'playwright';
import type { LighthouseArtifact, LighthouseAuditArtifact } from './types.ts';
import { resolveDomPaths } from './dom-path.ts';
import { puppeteerPageFor } from './puppeteer-bridge.ts';

export interface LighthouseOptions {
  /** 'accessibility' always; 'performance' for the personas that need it (forces a navigation). */
  categories?: Array<'accessibility' | 'performance'>;
}

type LhItem = { node?: { selector?: string; path?: string; snippet?: string; explanation?: string; nodeLabel?: string } };

/**
 * Lighthouse over the same browser's debugging port, on the same tab. Accessibility alone runs as a
 * snapshot of the page as it is now (no reload: the state a journey reached is what gets audited);
 * performance needs a navigation, so it reloads the current URL.
 */
export async function gatherLighthouse(page: Page, cdpPort: number, options: LighthouseOptions = {}): Promise<LighthouseArtifact> {
  const categories = options.categories ?? ['accessibility'];
  const pPage = await puppeteerPageFor(page, cdpPort);
  const withPerformance = categories.includes('performance');
  const config = {
    extends: 'lighthouse:default',
    settings: {
      onlyCategories: categories,
      disableFullPageScreenshot: true,
      // Keep the persona's own emulation and network: Lighthouse must not resize or re-throttle the page.
      screenEmulation: { disabled: true },
      emulatedUserAgent: false as const,
      throttlingMethod: 'provided' as const,
      output: 'json' as const,
    },
  };
  const flags = { logLevel: 'error' as const };
  const result = withPerformance
    ? await (await lighthouseModule()).navigation(pPage as never, page.url(), { config, flags })
    : await (await lighthouseModule()).snapshot(pPage as never, { config, flags });
  if (!result) throw new Error('Lighthouse returned no result');
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);

  const audits: LighthouseAuditArtifact[] = [];
  const categoryOut: LighthouseArtifact['categories'] = {};
  for (const [id, cat] of Object.entries(lhr.categories)) {
    categoryOut[id] = { score: cat.score, auditIds: cat.auditRefs.map((r) => r.id) };
  }
  const wanted = new Set(Object.values(categoryOut).flatMap((c) => c.auditIds));
  for (const id of wanted) {
    const audit = lhr.audits[id];
    if (!audit) continue;
    const details = audit.details as { type?: string; items?: LhItem[] } | undefined;
    const rawItems = details?.type === 'table' || details?.type === 'list' ? (details.items ?? []) : [];
    const nodes = rawItems.map((i) => i.node).filter((n): n is NonNullable<LhItem['node']> => !!n);
    const paths = await resolveDomPaths(
      page,
      nodes.map((n) => (n.path ? { kind: 'lighthouse-path' as const, path: n.path, selector: n.selector } : { kind: 'selector' as const, selector: n.selector ?? '' })),
    );
    audits.push({
      id,
      title: audit.title,
      description: audit.description,
      score: audit.score,
      scoreDisplayMode: audit.scoreDisplayMode,
      numericValue: audit.numericValue,
      displayValue: audit.displayValue,
      items: nodes.map((n, i) => ({
        selector: n.selector,
        path: n.path,
        snippet: n.snippet,
        explanation: n.explanation,
        nodeLabel: n.nodeLabel,
        domPath: paths[i] ?? null,
      })),
    });
  }
  return {
    version: lhr.lighthouseVersion,
    mode: withPerformance ? 'navigation' : 'snapshot',
    categories: categoryOut,
    audits,
    runWarnings: lhr.runWarnings ?? [],
  };
}

// Lighthouse takes about a second to import; only runs that ask for it pay that.
let loaded: Promise<typeof import('lighthouse')> | undefined;
function lighthouseModule(): Promise<typeof import('lighthouse')> {
  return (loaded ??= import('lighthouse'));
}
