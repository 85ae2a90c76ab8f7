import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright';
import type { Artifacts, GathererError } from '../types.ts';
import { gatherAxe } from './axe.ts';
import { gatherHtmlcs, type Emulation } from './htmlcs.ts';
import { gatherLighthouse, type LighthouseOptions } from './lighthouse.ts';
import { gatherKeyboard, type KeyboardOptions } from './keyboard.ts';
import { gatherPageInfo } from './page-info.ts';
import type { EngineSettings } from './engine-settings.ts';
import { ARTIFACT_SCHEMAS, checkGathered } from '../artifacts/schemas.ts';

const require = createRequire(import.meta.url);

/** The engines a user can choose (`--engines`); pageInfo is always gathered. */
export { ENGINE_NAMES, DEFAULT_ENGINES, type EngineName } from './engine-names.ts';
import { ENGINE_NAMES, type EngineName } from './engine-names.ts';

/** A persona's own gatherer: reads the live page, returns plain JSON. */
export type ExtraGatherer = (page: Page) => Promise<unknown>;

export interface GatherOptions {
  checkpoint: string;
  context?: Artifacts['context'];
  engines: readonly EngineName[];
  /** The shared Chromium's debugging port (pa11y and Lighthouse attach there). */
  cdpPort: number;
  browserVersion: string;
  status?: number;
  emulation?: Emulation;
  lighthouse?: LighthouseOptions;
  keyboard?: KeyboardOptions;
  extra?: Record<string, ExtraGatherer>;
  timeoutMs?: number;
  /** axe tags and disabled rules, the HTML_CodeSniffer standard (portico.config `engines`). */
  engineSettings?: EngineSettings;
}

function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function pagePathOf(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return u.pathname.split('/').pop() || u.pathname;
    return u.pathname || '/';
  } catch {
    return url;
  }
}

export function toolVersions(): Record<string, string> {
  const versionOf = (pkg: string) => {
    try {
      // Some packages do not export their package.json: find it beside the resolved entry point.
      let dir = dirname(require.resolve(pkg));
      while (dir !== dirname(dir)) {
        const file = join(dir, 'package.json');
        if (existsSync(file)) {
          const json = JSON.parse(readFileSync(file, 'utf8'));
          if (json.name === pkg) return json.version as string;
        }
        dir = dirname(dir);
      }
    } catch { /* not installed */ }
    return 'unknown';
  };
  return {
    node: process.versions.node,
    playwright: versionOf('playwright'),
    'axe-core': versionOf('axe-core'),
    '@axe-core/playwright': versionOf('@axe-core/playwright'),
    pa11y: versionOf('pa11y'),
    lighthouse: versionOf('lighthouse'),
  };
}

/**
 * Gathers every chosen engine (plus persona gatherers) at one checkpoint on the LIVE page, in an
 * order where none disturbs the next: read-only engines first, the keyboard walk (which moves focus) last.
 * A gatherer that fails stores { error } — its audits then report `error`, never `passed`.
 */
export async function gatherCheckpoint(page: Page, options: GatherOptions): Promise<Artifacts> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const gathered: Record<string, unknown> = {};
  const versions: Record<string, string> = { ...toolVersions(), chromium: options.browserVersion };
  const source = `checkpoint "${options.checkpoint}" as gathered`;
  const run = async (name: string, work: () => Promise<unknown>) => {
    try {
      // Checked against its schema now, as when read back from disk: audits judge the same thing live and on replay.
      gathered[name] = checkGathered({ [name]: await withTimeout(name, timeoutMs, work()) }, source, ARTIFACT_SCHEMAS, { keep: true })[name];
    } catch (error) {
      gathered[name] = { error: (error as Error).message.split('\n')[0] } satisfies GathererError;
    }
  };
  const engines = new Set(options.engines);
  await run('pageInfo', () => gatherPageInfo(page, options.status));
  if (engines.has('axe')) await run('axe', () => gatherAxe(page, options.engineSettings?.axe));
  if (engines.has('htmlcs')) await run('htmlcs', () => gatherHtmlcs(page, options.cdpPort, options.emulation, undefined, options.engineSettings?.htmlcs?.standard));
  if (engines.has('lighthouse')) await run('lighthouse', () => gatherLighthouse(page, options.cdpPort, options.lighthouse));
  for (const [name, gatherer] of Object.entries(options.extra ?? {})) await run(name, () => gatherer(page));
  if (engines.has('keyboard')) await run('keyboard', () => gatherKeyboard(page, options.keyboard));

  const axe = gathered.axe as { version?: string } | undefined;
  if (axe?.version) versions['axe-core (in page)'] = axe.version;
  const htmlcs = gathered.htmlcs as { version?: string } | undefined;
  if (htmlcs?.version) versions.html_codesniffer = htmlcs.version;
  const lh = gathered.lighthouse as { version?: string } | undefined;
  if (lh?.version) versions.lighthouse = lh.version;

  return {
    schema: 'portico.artifacts/1',
    checkpoint: options.checkpoint,
    url: page.url(),
    pagePath: pagePathOf(page.url()),
    context: options.context ?? {},
    gatheredAt: new Date().toISOString(),
    versions,
    gathered,
  };
}
