import { mkdir, writeFile } from 'node:fs/promises';
import { newRunToken } from '../findings/fingerprint.ts';
import { join, relative } from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright';
import type { Artifacts, Evidence } from '../types.ts';
import type { Flow, JourneyObservation, Persona, RunningTarget, Step, StepContext, Target } from './types.ts';
import type { JourneyArtifact } from './journey-artifact.ts';
import { BlockedError, actorFor } from './actors.ts';
import { gatherCheckpoint, pagePathOf, toolVersions } from '../gatherers/index.ts';
import { saveArtifacts } from '../artifacts/store.ts';
import { describeNavigationError } from '../navigate.ts';
import { auditIdsFor } from '../../personas/audits-for.ts';

export interface WalkEnv {
  page: Page;
  context: BrowserContext;
  cdpPort: number;
  browserVersion: string;
  target: Target;
  running: RunningTarget;
  persona: Persona;
  /** Run directory: artifacts/, screenshots/ and transcripts go under it. */
  outDir: string;
  /** Attach a file to the test report (Playwright's testInfo.attach). */
  attach?: (name: string, path: string, contentType: string) => Promise<void>;
}

export interface WalkResult {
  artifacts: Artifacts[];
  blockedAt?: string;
  incompleteAt?: string;
}

const slug = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-');

/** Playwright errors that mean "the person could not find or use a control" rather than "the target is down". */
function isInteractionFailure(error: Error): boolean {
  return error instanceof BlockedError || /Timeout \d+ms exceeded|strict mode violation|not visible|not enabled|intercepts pointer events|waiting for (locator|getBy)/i.test(error.message);
}

/**
 * Walks one flow as one persona: at each step, arrive → checkpoint (every engine and the persona's
 * probes on the live page) → act. A step the person cannot do is recorded as blocked and the flow
 * stops there; a target that is down or crashes is recorded as incomplete — never as clean.
 */
export async function walkFlow(env: WalkEnv, flow: Flow, locale: string): Promise<WalkResult> {
  const { page, persona, target, running } = env;
  const runToken = newRunToken(persona.id, flow.id);
  const catalogues = target.catalogues?.() ?? {};
  const actor = actorFor(persona.actor, page);
  const artifacts: Artifacts[] = [];
  let serverErrorsAllowed = 0;
  let unexpected5xx: string | null = null;
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && r.status() >= 500) {
      if (serverErrorsAllowed > 0) serverErrorsAllowed--;
      else unexpected5xx = `HTTP ${r.status()} from ${pagePathOf(r.url())}`;
    }
  };
  let crashed = false;
  page.on('response', onResponse);
  page.on('crash', () => { crashed = true; });

  const observations: JourneyObservation[] = [];
  const records: Record<string, unknown> = {};
  const ctx: StepContext = {
    page, context: env.context, actor, persona,
    data: { ...persona.data, email: persona.data.email.replace('{run}', runToken) },
    baseURL: running.baseURL,
    locale,
    t: (key, vars) => translate(catalogues[locale] ?? catalogues.en ?? {}, key, vars),
    hooks: running.hooks,
    state: { runToken },
    observe: (o) => observations.push(o),
    record: (key, value) => { records[key] = value; },
    expectServerError: () => { serverErrorsAllowed++; },
  };

  const stepDir = (index: number, step: Step) => join(persona.id, slug(flow.id), `${String(index).padStart(2, '0')}-${slug(step.id)}`);
  try {
    for (const [index, step] of flow.steps.entries()) {
      observations.length = 0;
      for (const key of Object.keys(records)) delete records[key];
      const actionsBefore = actor.log.length;
      let blocked: JourneyArtifact['blocked'];
      let cites = persona.blockedCites;
      let incomplete: string | undefined;
      let gathered: Artifacts | undefined;
      const evidence: Evidence[] = [];
      const fail = (error: Error) => {
        if (crashed) incomplete = 'the browser tab crashed';
        else if (unexpected5xx) incomplete = `the target answered ${unexpected5xx}`;
        else if (isInteractionFailure(error)) {
          blocked = { cause: error.message.split('\n')[0], how: error instanceof BlockedError ? error.how : describeActor(persona.actor) };
          if (error instanceof BlockedError && error.cites) cites = error.cites;
        }
        else incomplete = describeNavigationError(error, 30_000);
      };
      try {
        if (step.arrive) await step.arrive(ctx);
        if (unexpected5xx || crashed) throw new Error(unexpected5xx ?? 'crash');
      } catch (error) {
        fail(error as Error);
      }
      // Audit the page the person is on — also when they did not get where they meant to go:
      // where they got stuck is where the reason is.
      if (!incomplete && step.checkpoint !== false) {
        gathered = await gatherCheckpoint(page, {
          checkpoint: step.id,
          context: { target: target.id, persona: persona.id, flow: flow.id, step: step.partOf ?? step.id, locale },
          engines: persona.lighthouseAt?.includes(step.id) ? [...persona.engines, 'lighthouse'] : persona.engines,
          cdpPort: env.cdpPort,
          browserVersion: env.browserVersion,
          emulation: { isMobile: persona.use.isMobile, hasTouch: persona.use.hasTouch, deviceScaleFactor: persona.use.deviceScaleFactor },
          lighthouse: persona.lighthouseCategories ? { categories: persona.lighthouseCategories } : undefined,
          extra: Object.fromEntries(persona.probes.map((p) => [p.id, (pg: Page) => p.gather(pg, { locale, targetLocales: target.locales, catalogues, stepId: step.id })])),
        });
      }
      if (!blocked && !incomplete && step.act) {
        try {
          await step.act(ctx);
          if (unexpected5xx || crashed) throw new Error(unexpected5xx ?? 'crash');
        } catch (error) {
          fail(error as Error);
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
      const transcript = (gathered?.gathered.transcript as { text?: string } | undefined)?.text;
      if (transcript) {
        const file = join(dir, 'screen-reader-transcript.txt');
        await writeFile(file, transcript);
        evidence.push({ kind: 'transcript', path: relative(env.outDir, file), description: 'What a screen reader announces on this page (accessibility tree)' });
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
      record.audits = auditIdsFor(persona);
      record.evidence = evidence;
      await saveArtifacts(join(env.outDir, 'artifacts', persona.id, slug(flow.id)), record, index);
      artifacts.push(record);
      if (incomplete) return { artifacts, incompleteAt: step.id };
      if (blocked) return { artifacts, blockedAt: step.id };
    }
  } finally {
    page.off('response', onResponse);
  }
  return { artifacts };
}

function describeActor(kind: string): string {
  return kind === 'keyboard' ? 'with the keyboard only' : kind === 'screen-reader' ? 'by role and accessible name' : 'by sight with a pointer';
}

/** i18next-style lookup over a flattened catalogue: "a.b.c" with {{var}} interpolation. */
export function translate(catalogue: Record<string, string>, key: string, vars: Record<string, string | number> = {}): string {
  const text = catalogue[key];
  if (text === undefined) throw new Error(`no catalogue text for "${key}"`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}
