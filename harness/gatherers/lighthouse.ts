import type { Page } from 'playwright';
import type { LighthouseArtifact, LighthouseAuditArtifact } from './types.ts';
import { resolveDomPaths } from './dom-path.ts';
import { puppeteerPageFor } from './puppeteer-bridge.ts';

export interface LighthouseOptions {
  /** 'accessibility' always; 'performance' for the personas that need it (forces a navigation). */
  categories?: Array<'accessibility' | 'performance'>;
  /**
   * With performance: measure the same URL again in a fresh context without the persona's throttling
   * and record both, so an audit can tell whether the throttling applied at all.
   */
  compareUnthrottled?: boolean;
}

/** The timing metrics compared throttled vs unthrottled. */
export const THROTTLE_METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'interactive'] as const;

function timings(lhr: { audits: Record<string, { numericValue?: number }> }): Record<string, number | null> {
  return Object.fromEntries(THROTTLE_METRICS.map((id) => [id, typeof lhr.audits[id]?.numericValue === 'number' ? lhr.audits[id].numericValue! : null]));
}

/** Median of throttled/unthrottled over the metrics both runs measured (> 0). */
export function throttleRatio(throttled: Record<string, number | null>, unthrottled: Record<string, number | null>): number | null {
  const ratios = Object.keys(throttled)
    .map((k) => (throttled[k] && unthrottled[k] ? throttled[k]! / unthrottled[k]! : null))
    .filter((r): r is number => r !== null && Number.isFinite(r))
    .sort((a, b) => a - b);
  if (!ratios.length) return null;
  const mid = ratios.length >> 1;
  return ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
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
  let throttleCheck: LighthouseArtifact['throttleCheck'];
  if (withPerformance && options.compareUnthrottled) {
    const throttled = timings(lhr as never);
    const browser = page.context().browser();
    const viewport = page.viewportSize();
    const fresh = browser ? await browser.newContext(viewport ? { viewport } : {}) : null;
    try {
      if (!fresh) throw new Error('no browser to open an unthrottled context in');
      const other = await fresh.newPage();
      const otherP = await puppeteerPageFor(other, cdpPort);
      const base = await (await lighthouseModule()).navigation(otherP as never, page.url(), { config, flags });
      const unthrottled = base && !base.lhr.runtimeError ? timings(base.lhr as never) : Object.fromEntries(THROTTLE_METRICS.map((k) => [k, null]));
      throttleCheck = { throttled, unthrottled, ratio: throttleRatio(throttled, unthrottled) };
    } catch (error) {
      throttleCheck = { throttled, unthrottled: {}, ratio: null, error: (error as Error).message.split('\n')[0] };
    } finally {
      await fresh?.close().catch(() => undefined);
    }
  }
  return {
    version: lhr.lighthouseVersion,
    mode: withPerformance ? 'navigation' : 'snapshot',
    categories: categoryOut,
    audits,
    runWarnings: lhr.runWarnings ?? [],
    ...(throttleCheck ? { throttleCheck } : {}),
  };
}

// Lighthouse takes about a second to import; only runs that ask for it pay that.
let loaded: Promise<typeof import('lighthouse')> | undefined;
function lighthouseModule(): Promise<typeof import('lighthouse')> {
  return (loaded ??= import('lighthouse'));
}
