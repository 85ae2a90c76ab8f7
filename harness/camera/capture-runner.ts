/**
 * The capture runner: takes photos through a page's REAL capture control with a synthetic camera,
 * over the Monk Skin Tone 1–10 × lighting grid, several attempts per cell, and records the facts
 * (accepted / rejected with the page's message / no result). It knows no target: it is given the
 * capture page, the control's role and name, what acceptance and rejection look like (text or a
 * selector), and the alternative's role and name — the fields of a journey's `capture:` step.
 *
 * Cost: one browser (the journey's), a fresh context per cell (its camera films that cell's scene),
 * the scene rendered once per cell; attempts nudge the scene (shift, light level, noise seed).
 * Judging is the capture-parity audit's (pure); this only gathers.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright';
import { cameraScene, LIGHTINGS, type Lighting } from './stimulus.ts';
import { attemptVariant, installSyntheticCamera } from './synthetic-camera.ts';

export type AriaRoleName = Parameters<Page['getByRole']>[0];

/** A control found the way a person finds it: by role and accessible name. */
export interface RoleAndName {
  role: AriaRoleName;
  name: string | RegExp;
}

/** What a result looks like: visible text (a plain string is text), a heading by its name, or a CSS selector. */
export type ResultMatcher = string | { text: string | RegExp } | { heading: string | RegExp } | { selector: string };

/** The fields of a `capture:` step. */
export interface CaptureStepSpec {
  control: RoleAndName;
  accepted: ResultMatcher;
  /**
   * What a refusal looks like. Without it a refusal cannot be told from a page that never answers:
   * an attempt that shows no acceptance within the time is `no-result`, never `rejected`.
   */
  rejected?: ResultMatcher;
  alternative?: RoleAndName;
}

export type CaptureOutcome = 'accepted' | 'rejected' | 'no-result';

export interface CaptureAttemptFact {
  mst: number;
  lighting: string;
  attempt: number;
  outcome: CaptureOutcome;
  /** The page's rejection message, or why there was no result. */
  message?: string;
  ms: number;
}

/** The artifact (journey record `captureGrid`). */
export interface CaptureFacts {
  kind: 'capture-grid';
  stimulus: string;
  url: string;
  control: string;
  tones: number[];
  lightings: string[];
  attemptsPerCell: number;
  attempts: CaptureAttemptFact[];
  /** Whether the capture page offers the alternative (absent when none was named). */
  alternative?: { role: string; name: string; found: boolean };
  /** Captures the harness did not get to (time budget spent): no result, not a rejection. */
  skipped?: number;
  durationMs: number;
}

export interface CaptureGridOptions {
  /** The journey's context: its browser runs the grid, its storage (signed-in session) seeds each cell. */
  from: BrowserContext;
  contextOptions?: BrowserContextOptions;
  /** The capture page (absolute, or relative to contextOptions.baseURL). */
  url: string;
  spec: CaptureStepSpec;
  tones?: number[];
  lightings?: Lighting[];
  /** Attempts per cell (at least 3). */
  attempts?: number;
  /** Time for one attempt: control ready + a result (default 30 s). */
  attemptTimeoutMs?: number;
  /** Stop starting cells after this long (default 360 s, or PORTICO_CAPTURE_BUDGET_S); what is left is recorded as skipped. */
  budgetMs?: number;
  onAttempt?(fact: CaptureAttemptFact): void;
  /** Cells run at once (default 2, for 2 cores; each is its own context in the one browser). */
  concurrency?: number;
  /** Called on each cell's fresh context before its first page (routes, headers a target needs). */
  setupContext?(context: BrowserContext): Promise<void>;
}

export const ALL_TONES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export const STIMULUS_DESCRIPTION =
  'synthetic faces (Monk Skin Tone scale), filmed live by a simulated phone camera (whole-frame auto-exposure that honours exposureCompensation, shot and read noise, sRGB)';

function matcherLocator(page: Page, m: ResultMatcher): Locator {
  if (typeof m === 'string') return page.getByText(m, { exact: false });
  if ('selector' in m) return page.locator(m.selector);
  if ('heading' in m) return page.getByRole('heading', { name: m.heading });
  return page.getByText(m.text, { exact: false });
}

function describeMatcher(m: ResultMatcher): string {
  if (typeof m === 'string') return `text "${m}"`;
  if ('selector' in m) return `selector ${m.selector}`;
  return 'heading' in m ? `heading "${String(m.heading)}"` : `text "${String(m.text)}"`;
}

async function waitEnabled(control: Locator, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await control.count().catch(() => 0)) > 0 && (await control.first().isEnabled().catch(() => false)) && (await control.first().isVisible().catch(() => false))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function oneAttempt(page: Page, url: string, spec: CaptureStepSpec, timeoutMs: number): Promise<{ outcome: CaptureOutcome; message?: string }> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  } catch (error) {
    return { outcome: 'no-result', message: `the capture page did not load: ${(error as Error).message.split('\n')[0]}` };
  }
  const control = page.getByRole(spec.control.role, { name: spec.control.name });
  if (!(await waitEnabled(control, timeoutMs))) {
    return { outcome: 'no-result', message: `the capture control (${spec.control.role} "${String(spec.control.name)}") never became usable` };
  }
  const accepted = matcherLocator(page, spec.accepted);
  const rejected = spec.rejected === undefined ? null : matcherLocator(page, spec.rejected);
  const either = rejected ? accepted.or(rejected) : accepted;
  // A result already on the page before the photo (a message left from before) is not this photo's:
  // then wait for the page to change first.
  const stale = await either.first().isVisible().catch(() => false);
  try {
    const changed = stale ? page.waitForEvent('framenavigated', { timeout: timeoutMs }) : null;
    await control.first().click({ timeout: timeoutMs }); // the control was usable: a slow click is a busy machine, not a refusal
    if (changed) await changed;
    await either.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    const looked = spec.rejected ? `${describeMatcher(spec.accepted)} / ${describeMatcher(spec.rejected)}` : `${describeMatcher(spec.accepted)}; no rejection matcher, so a refusal cannot be told from no answer`;
    return { outcome: 'no-result', message: `no result after taking the photo (${looked}): ${(error as Error).message.split('\n')[0]}` };
  }
  if (await accepted.first().isVisible().catch(() => false)) return { outcome: 'accepted' };
  const message = ((await rejected?.first().innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
  return { outcome: 'rejected', message };
}

/**
 * Under Playwright Test, a grid takes longer than an ordinary step: give the running test the grid's
 * budget on top of its own timeout. Outside a test (a script, the CLI's own runner) nothing to do.
 */
async function extendTestTimeout(ms: number): Promise<void> {
  try {
    const { test } = await import('@playwright/test');
    const info = test.info();
    if (info.timeout > 0) info.setTimeout(info.timeout + ms);
  } catch {
    // Not inside a Playwright test.
  }
}

/** Run the grid. Facts only; a cell that could not be run has no-result attempts, never rejections. */
export async function runCaptureGrid(options: CaptureGridOptions): Promise<CaptureFacts> {
  const started = Date.now();
  const tones = options.tones ?? ALL_TONES;
  const lightings = options.lightings ?? [...LIGHTINGS];
  const attempts = Math.max(3, options.attempts ?? 3);
  const timeoutMs = options.attemptTimeoutMs ?? 30_000;
  // Generous: on a loaded machine a capture takes several seconds; a grid cut short is incomplete, not a pass.
  const budgetMs = options.budgetMs ?? (Number(process.env.PORTICO_CAPTURE_BUDGET_S) > 0 ? Number(process.env.PORTICO_CAPTURE_BUDGET_S) * 1000 : 360_000);
  await extendTestTimeout(budgetMs + attempts * timeoutMs);
  const browser: Browser | null = options.from.browser();
  if (!browser) throw new Error('runCaptureGrid: the journey context has no browser to open cells in');
  const storageState = await options.from.storageState();
  const facts: CaptureFacts = {
    kind: 'capture-grid',
    stimulus: STIMULUS_DESCRIPTION,
    url: options.url,
    control: `${options.spec.control.role} "${String(options.spec.control.name)}"`,
    tones,
    lightings,
    attemptsPerCell: attempts,
    attempts: [],
    durationMs: 0,
  };
  let skipped = 0;
  const cells: Array<{ lighting: Lighting; mst: number; index: number }> = [];
  for (const lighting of lightings) for (const mst of tones) cells.push({ lighting, mst, index: cells.length + 1 });
  const byCell = new Map<number, CaptureAttemptFact[]>();
  const runCell = async ({ lighting, mst, index }: { lighting: Lighting; mst: number; index: number }) => {
    const out: CaptureAttemptFact[] = [];
    byCell.set(index, out);
    if (Date.now() - started > budgetMs) {
      skipped += attempts;
      for (let n = 0; n < attempts; n++) out.push({ mst, lighting, attempt: n + 1, outcome: 'no-result', message: 'not run: the time budget for the grid was spent', ms: 0 });
      return;
    }
    const scene = cameraScene(mst, lighting);
    const context = await browser.newContext({ ...options.contextOptions, storageState });
    try {
      await options.setupContext?.(context);
      const camera = await installSyntheticCamera(context, { scene, variant: attemptVariant(0, index) });
      const page = await context.newPage();
      for (let n = 0; n < attempts; n++) {
        camera.set(scene, attemptVariant(n, index));
        const t0 = Date.now();
        const r = await oneAttempt(page, options.url, options.spec, timeoutMs);
        const fact: CaptureAttemptFact = { mst, lighting, attempt: n + 1, ...r, ms: Date.now() - t0 };
        out.push(fact);
        options.onAttempt?.(fact);
        if (n === 0 && options.spec.alternative && !facts.alternative) {
          // Whether the capture page offers a way through without a photo (looked for on the page as served).
          facts.alternative = { role: String(options.spec.alternative.role), name: String(options.spec.alternative.name), found: false };
          await page.goto(options.url, { waitUntil: 'load', timeout: timeoutMs }).catch(() => undefined);
          const alt = options.spec.alternative;
          facts.alternative.found = (await page.getByRole(alt.role, { name: alt.name }).count().catch(() => 0)) > 0;
        }
      }
    } finally {
      await context.close().catch(() => undefined);
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < cells.length) await runCell(cells[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, options.concurrency ?? 2)) }, worker));
  for (const cell of cells) facts.attempts.push(...(byCell.get(cell.index) ?? []));
  if (skipped) facts.skipped = skipped;
  facts.durationMs = Date.now() - started;
  return facts;
}

/**
 * Why a grid is too incomplete to judge (most captures got no result: the harness, not the page,
 * failed), or null. A journey step throws this (the run is incomplete, never clean); a grid with a
 * few captures without result is judged by the audit as cantTell for those cells.
 */
export function captureIncomplete(facts: CaptureFacts, minShare = 0.5): string | null {
  const judged = facts.attempts.filter((a) => a.outcome !== 'no-result').length;
  if (facts.attempts.length > 0 && judged / facts.attempts.length >= minShare) return null;
  const first = facts.attempts.find((a) => a.outcome === 'no-result')?.message ?? 'no capture was attempted';
  return `the capture runner got a result for ${judged} of ${facts.attempts.length} captures (${first})`;
}
