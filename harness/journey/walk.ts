import { flaggedDomPaths, gatherElementCrops } from '../gatherers/element-crops.ts';
import { lingerBeforeSubmit, lingerSecondsFor } from './linger.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { newRunToken } from '../findings/fingerprint.ts';
import { join, relative } from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright';
import type { Artifacts, Evidence } from '../types.ts';
import type { Flow, JourneyObservation, Persona, RunningTarget, Step, StepContext, Target, TestCaptureGrid } from './types.ts';
import type { JourneyArtifact } from './journey-artifact.ts';
import type { TranscriptArtifact } from '../gatherers/probes/transcript.ts';
import { BlockedError, actorFor } from './actors.ts';
import { gatherCheckpoint, pagePathOf, toolVersions } from '../gatherers/index.ts';
import { saveArtifacts } from '../artifacts/store.ts';
import { lastStepOf } from './expected-steps.ts';
import { describeNavigationError, responseProblem } from '../navigate.ts';
import type { GatherPlan } from '../gatherers/plan.ts';
import type { EngineSettings } from '../gatherers/engine-settings.ts';

export interface WalkEnv {
  page: Page;
  context: BrowserContext;
  cdpPort: number;
  browserVersion: string;
  target: Target;
  running: RunningTarget;
  persona: Persona;
  /** The gatherers this persona's audits read (see gatherPlan). */
  plan: GatherPlan;
  /** axe tags / disabled rules and the HTML_CodeSniffer standard, when configured. */
  engineSettings?: EngineSettings;
  /** Run directory: artifacts/, screenshots/ and transcripts go under it. */
  outDir: string;
  /**
   * A defect project's walk: end the flow after the last step filed under this step (see
   * lastStepOf); the steps after it cannot prove that defect. Unset: walk every step.
   */
  stopAfterStep?: string;
  /** Tests only: a reduced capture grid at a described `capture:` step (the persona's grid is the whole one). */
  testCaptureGrid?: TestCaptureGrid;
  /** Attach a file to the test report (Playwright's testInfo.attach). */
  attach?: (name: string, path: string, contentType: string) => Promise<void>;
}

export interface WalkResult {
  artifacts: Artifacts[];
  blockedAt?: string;
  incompleteAt?: string;
}

const slug = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-');

/**
 * Why a step that threw could not be done. Only a BlockedError is the person meeting a barrier on
 * the page (the actor or the step established it: no control by that name, Tab never reaches it,
 * the page says the address is invalid). Anything else — a Playwright timeout, a locator the
 * harness could not resolve, a crash — is the harness failing to act: the run is incomplete.
 */
export function classifyStepError(error: Error, state: { crashed: boolean; badResponse: string | null }): { blocked: BlockedError } | { incomplete: string } {
  if (state.crashed) return { incomplete: 'the browser tab crashed' };
  if (state.badResponse) return { incomplete: `the target answered ${state.badResponse}` };
  if (error instanceof BlockedError) return { blocked: error };
  const first = error.message.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];
  return { incomplete: /net::ERR_|crash/i.test(first) ? describeNavigationError(error, 30_000) : `the harness could not act: ${first}` };
}

/**
 * Walks one flow as one persona: at each step, arrive → checkpoint (every engine and the persona's
 * probes on the live page) → act. A step the person cannot do is recorded as blocked and the flow
 * stops there; a target that is down or crashes is recorded as incomplete — never as clean.
 */
export async function walkFlow(env: WalkEnv, flow: Flow, locale: string): Promise<WalkResult> {
  const { page, persona, target, running } = env;
  const lastIndex = env.stopAfterStep === undefined ? flow.steps.length - 1 : lastStepOf(flow, env.stopAfterStep);
  if (lastIndex < 0) throw new Error(`flow "${flow.id}" has no step "${env.stopAfterStep}" to stop after`);
  const runToken = newRunToken(persona.id, flow.id);
  const catalogues = target.catalogues?.() ?? {};
  const actor = actorFor(persona.actor, page);
  const artifacts: Artifacts[] = [];
  let serverErrorsAllowed = 0;
  let badResponse: string | null = null;
  // The same rule as `portico audit`: a page asked for that answers 4xx/5xx is not the page.
  const onResponse = (r: Response) => {
    if (!r.request().isNavigationRequest() || r.frame() !== page.mainFrame()) return;
    const problem = responseProblem(r.request().method(), r.status());
    if (!problem) return;
    if (serverErrorsAllowed > 0 && r.status() >= 500) serverErrorsAllowed--;
    else badResponse = `${problem} from ${r.request().method()} ${pagePathOf(r.url())}`;
  };
  let crashed = false;
  page.on('response', onResponse);
  page.on('crash', () => { crashed = true; });

  const observations: JourneyObservation[] = [];
  const records: Record<string, unknown> = {};
  const ctx: StepContext = {
    page, context: env.context, actor, persona,
    gathers: [...env.plan.engines, ...env.plan.probes.map((p) => p.id)],
    data: { ...persona.data, email: persona.data.email.replace('{run}', runToken), ...Object.fromEntries((flow.without ?? []).map((part) => [part, null])) },
    baseURL: running.baseURL,
    locale,
    t: (key, vars) => translate(catalogues[locale] ?? catalogues.en ?? {}, key, vars),
    hooks: running.hooks,
    state: { runToken },
    observe: (o) => observations.push(o),
    record: (key, value) => { records[key] = value; },
    expectServerError: () => { serverErrorsAllowed++; },
    ...(env.testCaptureGrid ? { testCaptureGrid: env.testCaptureGrid } : {}),
  };

  // A person who lingers on forms: the page's timers run on the browser clock from the first page on.
  if (persona.lingerOnForms) await page.clock.install();

  // Which language the flow asks for (a described target picks the persona's, or fixes one).
  const flowLanguage = flow.languageFor?.(persona) ?? { language: locale, offered: true };
  const stepDir = (index: number, step: Step) => join(persona.id, slug(flow.id), `${String(index).padStart(2, '0')}-${slug(step.id)}`);
  try {
    for (const [index, step] of flow.steps.entries()) {
      observations.length = 0;
      const requestedLanguage = step.language ?? flowLanguage.language;
      ctx.state.requestedLanguage = requestedLanguage;
      for (const key of Object.keys(records)) delete records[key];
      const actionsBefore = actor.log.length;
      let blocked: JourneyArtifact['blocked'];
      let cites = persona.blockedCites;
      let incomplete: string | undefined;
      let gathered: Artifacts | undefined;
      const evidence: Evidence[] = [];
      const fail = (error: Error) => {
        const why = classifyStepError(error, { crashed, badResponse: badResponse });
        if ('incomplete' in why) { incomplete = why.incomplete; return; }
        blocked = { cause: why.blocked.message.split('\n')[0], how: why.blocked.how, ...(why.blocked.key ? { key: why.blocked.key } : {}) };
        if (why.blocked.cites) cites = why.blocked.cites;
      };
      try {
        if (step.arrive) await step.arrive(ctx);
        if (badResponse || crashed) throw new Error(badResponse ?? 'crash');
      } catch (error) {
        fail(error as Error);
      }
      // Audit the page the person is on — also when they did not get where they meant to go:
      // where they got stuck is where the reason is.
      if (!incomplete && step.checkpoint !== false) {
        gathered = await gatherCheckpoint(page, {
          checkpoint: step.id,
          context: { target: target.id, persona: persona.id, flow: flow.id, step: step.partOf ?? step.id, locale },
          engines: env.plan.engines.filter((e) => e !== 'lighthouse' || (persona.lighthouseAt === 'first' ? index === 0 : persona.lighthouseAt?.includes(step.id))),
          cdpPort: env.cdpPort,
          browserVersion: env.browserVersion,
          engineSettings: env.engineSettings,
          emulation: { isMobile: persona.use.isMobile, hasTouch: persona.use.hasTouch, deviceScaleFactor: persona.use.deviceScaleFactor },
          lighthouse: persona.lighthouseCategories ? { categories: persona.lighthouseCategories, compareUnthrottled: Boolean(persona.network) } : undefined,
          extra: Object.fromEntries(env.plan.probes.map((p) => [p.id, (pg: Page) => p.gather(pg, { locale, targetLocales: target.locales, catalogues, stepId: step.id, requestedLanguage })])),
        });
        // The boxes of the elements the engines flagged, and a crop around each (for the reports).
        const flagged = flaggedDomPaths(gathered.gathered);
        if (flagged.length) {
          gathered.gathered.elementCrops = await gatherElementCrops(page, flagged, { dir: join(env.outDir, 'evidence', stepDir(index, step)), outDir: env.outDir })
            .catch((error: Error) => ({ error: error.message.split('\n')[0] }));
        }
      }
      if (!blocked && !incomplete && step.act) {
        const lasts = target.session?.lastsSeconds;
        const seconds = lasts ? lingerSecondsFor(persona.lingerOnForms, lasts) : persona.lingerOnForms?.seconds;
        const linger = persona.lingerOnForms && step.form ? lingerBeforeSubmit(ctx, step.id, { ...persona.lingerOnForms, seconds, ...(lasts ? { sessionLasts: lasts } : {}), extend: step.away ? undefined : target.session?.extend(requestedLanguage) }, { record: ctx.record }) : undefined;
        try {
          await step.act(ctx);
          if (badResponse || crashed) throw new Error(badResponse ?? 'crash');
        } catch (error) {
          fail(error as Error);
        } finally {
          const o = linger?.finish(blocked !== undefined);
          if (o) ctx.observe(o);
        }
      }
      // Evidence: what the person saw when the step ended (or where they got stuck).
      const dir = join(env.outDir, 'evidence', stepDir(index, step));
      await mkdir(dir, { recursive: true });
      const shot = join(dir, 'screenshot.png');
      if (await page.screenshot({ path: shot, fullPage: true, timeout: 10_000 }).then(() => true, () => false)) {
        evidence.push({ kind: 'screenshot', path: relative(env.outDir, shot), description: `${persona.title} at "${step.title}"` });
        await env.attach?.(`${step.id}.png`, shot, 'image/png');
      }
      const transcript = transcriptText(gathered?.gathered.transcript);
      if (transcript) {
        const file = join(dir, 'screen-reader-transcript.txt');
        await writeFile(file, transcript.text);
        evidence.push({ kind: 'transcript', path: relative(env.outDir, file), description: transcript.description });
      }
      const kb = gathered?.gathered.keyboard as { sequence?: Array<{ tag: string; name: string }> } | undefined;
      if (kb?.sequence?.length) {
        const file = join(dir, 'tab-sequence.txt');
        await writeFile(file, kb.sequence.map((s, i) => `${i + 1}. <${s.tag}> ${s.name}`).join('\n'));
        evidence.push({ kind: 'tab-sequence', path: relative(env.outDir, file), description: 'Order in which Tab visits the page' });
      }
      const journey: JourneyArtifact = {
        stepId: step.id,
        stepTitle: step.title,
        personaTitle: persona.title,
        actorKind: persona.actor,
        blocked,
        incomplete,
        blockedCites: cites,
        observations: [...observations],
        records: { ...records },
        actions: actor.log.slice(actionsBefore),
        requestedLanguage,
        ...(flowLanguage.offered ? {} : { personaLanguageOffered: false }),
      };
      const record: Artifacts = gathered ?? {
        schema: 'portico.artifacts/1',
        checkpoint: step.id,
        url: page.url(),
        pagePath: pagePathOf(page.url()),
        context: { target: target.id, persona: persona.id, flow: flow.id, step: step.partOf ?? step.id, locale },
        gatheredAt: new Date().toISOString(),
        versions: { ...toolVersions(), chromium: env.browserVersion },
        gathered: {},
      };
      record.gathered.journey = journey;
      // Where no checkpoint was taken, only the audits that read the journey will apply (run-audits).
      if (!gathered) record.journeyOnly = true;
      record.evidence = evidence;
      await saveArtifacts(join(env.outDir, 'artifacts', persona.id, slug(flow.id)), record, index);
      artifacts.push(record);
      if (incomplete) return { artifacts, incompleteAt: step.id };
      if (blocked) return { artifacts, blockedAt: step.id };
      if (index === lastIndex) break;
    }
  } finally {
    page.off('response', onResponse);
  }
  return { artifacts };
}

/**
 * The transcript file: what a screen reader says on the page, one phrase a line, in reading order.
 * Null when the transcript probe did not run here (or failed).
 */
export function transcriptText(artifact: unknown): { text: string; description: string } | null {
  const t = artifact as Partial<TranscriptArtifact> | undefined;
  if (!t || !Array.isArray(t.spoken) || t.spoken.length === 0) return null;
  const by = t.spokenBy === 'virtual-screen-reader' ? "Guidepup's Virtual Screen Reader reading the live page from top to bottom" : "phrases built from Chromium's accessibility tree in reading order";
  const head = `What a screen reader says on ${t.url ?? 'this page'} ("${t.title ?? ''}", lang ${t.lang ?? 'none'}) — ${by}${t.spokenTruncated ? `; stopped after ${t.spoken.length} phrases` : ''}:`;
  return { text: `${head}\n\n${t.spoken.join('\n')}\n`, description: `What a screen reader says on this page, in reading order (${by})` };
}

/** i18next-style lookup over a flattened catalogue: "a.b.c" with {{var}} interpolation. */
export function translate(catalogue: Record<string, string>, key: string, vars: Record<string, string | number> = {}): string {
  const text = catalogue[key];
  if (text === undefined) throw new Error(`no catalogue text for "${key}"`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}
