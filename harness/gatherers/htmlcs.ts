import { createRequire } from 'node:module';
import pa11y from 'pa11y';
import type { Page } from 'playwright';
import type { HtmlcsArtifact } from './types.ts';
import { resolveDomPaths } from './dom-path.ts';
import { connectPuppeteer, puppeteerPageFor } from './puppeteer-bridge.ts';

const require = createRequire(import.meta.url);
const pa11yVersion: string = require('pa11y/package.json').version;
const htmlcsVersion: string = require(require.resolve('@pa11y/html_codesniffer/package.json', { paths: [require.resolve('pa11y')] })).version;

/**
 * HTML_CodeSniffer through pa11y, on the SAME tab: pa11y gets the puppeteer view of the page
 * Playwright drives and `ignoreUrl`, so nothing reloads and no second browser starts.
 */
export interface Emulation {
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

export async function gatherHtmlcs(page: Page, cdpPort: number, emulation: Emulation = {}, timeoutMs = 30_000, standard: 'WCAG2A' | 'WCAG2AA' | 'WCAG2AAA' = 'WCAG2AA'): Promise<HtmlcsArtifact> {
  const browser = await connectPuppeteer(cdpPort);
  const pPage = await puppeteerPageFor(page, cdpPort);
  const viewport = page.viewportSize();
  const results = await pa11y(page.url(), {
    browser,
    page: pPage,
    ignoreUrl: true,
    runners: ['htmlcs'],
    standard,
    // Warnings tied to a criterion become cantTell findings (never barriers); notices are never findings.
    includeWarnings: true,
    includeNotices: false,
    timeout: timeoutMs,
    // pa11y always sets a viewport: give it the one the page already has so the persona's emulation stays.
    viewport: viewport ? { width: viewport.width, height: viewport.height, ...emulation } : undefined,
    log: { debug() {}, info() {}, error() {} },
  } as Parameters<typeof pa11y>[1]);
  const issues = (results.issues as Array<{ code: string; type: string; message: string; selector: string; context: string | null }>).filter((i) => i.type === 'error' || i.type === 'warning');
  const paths = await resolveDomPaths(page, issues.map((i) => ({ kind: 'selector' as const, selector: i.selector })));
  return {
    version: htmlcsVersion,
    pa11yVersion,
    standard,
    issues: issues.map((issue, i) => ({
      code: issue.code,
      type: issue.type as 'error' | 'warning' | 'notice',
      message: issue.message,
      selector: issue.selector,
      context: issue.context,
      domPath: paths[i] ?? null,
    })),
  };
}
