import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Artifacts, Audit, RunBundle } from './types.ts';
import { launchSharedChromium, type SharedChromium } from './browser/launch.ts';
import { gatherCheckpoint, toolVersions, type EngineName } from './gatherers/index.ts';
import { saveArtifacts } from './artifacts/store.ts';
import { auditBundle } from './bundle.ts';
import { loadPage } from './navigate.ts';
import type { EngineSettings } from './gatherers/engine-settings.ts';
import type { ExtraGatherer } from './gatherers/index.ts';

export { UsageError } from './usage-error.ts';
import { UsageError } from './usage-error.ts';

/** A command-line page argument → URL. Files must exist; anything else must be http(s) or file:. */
export function toPageUrl(arg: string, cwd = process.cwd()): string {
  if (/^https?:\/\//i.test(arg) || /^file:\/\//i.test(arg)) {
    try { return new URL(arg).href; } catch { throw new UsageError(`"${arg}" is not a valid URL`); }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) throw new UsageError(`"${arg}": only http, https and file URLs can be audited`);
  const file = resolve(cwd, arg);
  if (!existsSync(file)) throw new UsageError(`"${arg}" is neither a URL nor an existing file (looked for ${file})`);
  if (!statSync(file).isFile()) throw new UsageError(`"${arg}" is a directory; give an HTML file or a URL`);
  return pathToFileURL(file).href;
}

export interface PageAuditOptions {
  /** The audits that judge each page (the composition root passes the registry's). */
  audits: Audit[];
  engines: readonly EngineName[];
  engineSettings?: EngineSettings;
  outDir?: string;
  timeoutMs?: number;
  /** Pages audited at once on the one browser (default 2). */
  concurrency?: number;
  /** Portico's probes run on each page too, by artifact key (the composition root passes PAGE_PROBES). */
  probes?: Record<string, ExtraGatherer>;
  /** Reuse an already-launched browser (benchmarks); otherwise one is launched and closed. */
  shared?: SharedChromium;
}

export interface PageAuditResult {
  bundle: RunBundle;
  artifacts: Artifacts[];
  artifactFiles: string[];
}

/** `portico audit`: each page loaded in one shared Chromium, every engine on that same live page. */
export async function auditPages(urls: string[], options: PageAuditOptions): Promise<PageAuditResult> {
  const startedAt = new Date().toISOString();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const shared = options.shared ?? (await launchSharedChromium());
  const incomplete: RunBundle['incomplete'] = [];
  const artifacts: Artifacts[] = [];
  const artifactFiles: string[] = [];
  // Two pages at a time on the one browser (Lighthouse runs one at a time: it is not re-entrant).
  const concurrency = options.engines.includes('lighthouse') ? 1 : Math.max(1, options.concurrency ?? 2);
  const slots: Array<{ artifacts?: Artifacts; file?: string; incomplete?: RunBundle['incomplete'][number] }> = urls.map(() => ({}));
  try {
    const context = await shared.browser.newContext();
    try {
      let next = 0;
      const worker = async () => {
        for (let index = next++; index < urls.length; index = next++) {
          const url = urls[index];
          const page = await context.newPage();
          try {
            const load = await loadPage(page, url, timeoutMs);
            if (!load.ok) {
              slots[index].incomplete = { where: url, cause: load.cause ?? 'did not load' };
              continue;
            }
            const gathered = await gatherCheckpoint(page, {
              checkpoint: 'page',
              engines: options.engines,
              cdpPort: shared.cdpPort,
              browserVersion: shared.version,
              status: load.status,
              engineSettings: options.engineSettings,
              extra: options.probes,
              timeoutMs: Math.max(timeoutMs, 60_000),
            });
            slots[index].artifacts = gathered;
            if (options.outDir) slots[index].file = await saveArtifacts(resolve(options.outDir, 'artifacts'), gathered, index);
          } finally {
            await page.close().catch(() => {});
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
    } finally {
      await context.close().catch(() => {});
      // In the order the pages were given, whatever order they finished in.
      for (const slot of slots) {
        if (slot.incomplete) incomplete.push(slot.incomplete);
        if (slot.artifacts) artifacts.push(slot.artifacts);
        if (slot.file) artifactFiles.push(slot.file);
      }
    }
  } catch (error) {
    incomplete.push({ where: 'browser', cause: `the browser failed: ${(error as Error).message.split('\n')[0]}` });
  } finally {
    if (!options.shared) await shared.browser.close().catch(() => {});
  }
  const bundle = auditBundle({ startedAt, audits: options.audits, artifacts, incomplete, versions: { ...toolVersions(), chromium: shared.version }, meta: { command: 'audit', pages: urls, engines: options.engines } });
  return { bundle, artifacts, artifactFiles };
}

/**
 * `portico audit --replay DIR`: the same audits over saved artifacts, with no browser at all. A replay
 * re-judges what was gathered; what the original run could not check (`originalIncomplete`, saved
 * beside its artifacts) stays unchecked, each cause listed once.
 */
export function replayArtifacts(audits: Audit[], list: Artifacts[], startedAt = new Date().toISOString(), originalIncomplete: RunBundle['incomplete'] = []): RunBundle {
  const bundle = auditBundle({ startedAt, audits, artifacts: list, incomplete: originalIncomplete, meta: { command: 'audit --replay', ...(originalIncomplete.length ? { originalIncomplete: originalIncomplete.length } : {}) } });
  const seen = new Set<string>();
  bundle.incomplete = bundle.incomplete.filter((i) => { const k = `${i.where}\u0000${i.cause}`; if (seen.has(k)) return false; seen.add(k); return true; });
  return bundle;
}
