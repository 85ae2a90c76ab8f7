/**
 * Portico's Playwright fixtures: `import { test, expect } from 'portico/fixtures'` (this file) gives
 * every test the ONE shared Chromium (engines attach to it), the running target, the persona, an
 * actor that operates the page the way that person does, and `checkpoint()` that audits the live page.
 */
import { test as base, expect } from '@playwright/test';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright';
import { launchSharedChromium, type SharedChromium } from '../../harness/browser/launch.ts';
import type { Actor, Persona, RunningTarget, Target } from '../../harness/journey/types.ts';
import { actorFor } from '../../harness/journey/actors.ts';
import { walkFlow, type WalkResult } from '../../harness/journey/walk.ts';
import { clearProjectOutput } from '../../harness/journey/fresh-output.ts';
import { gatherCheckpoint } from '../../harness/gatherers/index.ts';
import { engineSettingsFromEnv } from '../../harness/gatherers/engine-settings.ts';
import { saveArtifacts } from '../../harness/artifacts/store.ts';
import type { Artifacts } from '../../harness/types.ts';
import { personaById, planFor } from '../registry.ts';
import { resolveTarget } from '../../targets/index.ts';

export interface PorticoOptions {
  /** Built-in target id ("reference") or a declarative target file. */
  porticoTarget: string;
  porticoPersona: string;
  porticoProfile: string;
  porticoDefects: string[];
  /** Run directory for this project: artifacts/, evidence/. */
  porticoOut: string;
}

export interface PorticoWorkerFixtures {
  /** Clears what this project wrote in an earlier run (once per `playwright test` run), so nothing stale is judged. */
  porticoFreshOut: void;
  sharedChromium: SharedChromium;
  target: Target;
  runningTarget: RunningTarget;
  persona: Persona;
}

export interface PorticoTestFixtures {
  actor: Actor;
  /** Audit the live page now: every engine of the persona plus its probes; artifacts saved; returns them. */
  checkpoint: (stepId: string) => Promise<Artifacts>;
  /** Walk one of the target's flows as this persona (what the built-in journey specs do). */
  /** Walk one of the target's flows; `stopAfterStep` ends it after that step (a defect project's walk). */
  walk: (flowId: string, options?: { stopAfterStep?: string }) => Promise<WalkResult>;
}

async function emulateNetwork(page: Page, persona: Persona) {
  if (!persona.network) return;
  const cdp = await page.context().newCDPSession(page);
  const { downloadKbps, uploadKbps, latencyMs, cpuSlowdown } = persona.network;
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: (downloadKbps * 1024) / 8, uploadThroughput: (uploadKbps * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}

export const test = base.extend<PorticoTestFixtures & { baseURL: string }, PorticoOptions & PorticoWorkerFixtures>({
  // No target by default: a test of your own app uses its own baseURL and starts nothing.
  porticoTarget: [process.env.PORTICO_TARGET ?? '', { option: true, scope: 'worker' }],
  porticoPersona: ['screen-reader', { option: true, scope: 'worker' }],
  porticoProfile: ['conformant', { option: true, scope: 'worker' }],
  porticoDefects: [[], { option: true, scope: 'worker' }],
  porticoOut: ['test-results/portico', { option: true, scope: 'worker' }],

  porticoFreshOut: [async ({ porticoOut, porticoPersona }, use) => {
    await clearProjectOutput(resolve(porticoOut), porticoPersona, process.env.PORTICO_RUN_ID);
    await use();
  }, { scope: 'worker', auto: true }],

  sharedChromium: [async ({}, use) => {
    const shared = await launchSharedChromium();
    await use(shared);
    await shared.browser.close();
  }, { scope: 'worker' }],
  // Playwright's own fixtures (context, page) run on the shared browser.
  browser: [async ({ sharedChromium }, use) => { await use(sharedChromium.browser); }, { scope: 'worker' }],
  target: [async ({ porticoTarget }, use) => { await use(porticoTarget ? resolveTarget(porticoTarget) : (undefined as unknown as Target)); }, { scope: 'worker' }],
  persona: [async ({ porticoPersona }, use) => { await use(personaById(porticoPersona)); }, { scope: 'worker' }],
  runningTarget: [async ({ target, porticoProfile, porticoDefects }, use) => {
    if (!target) return use(undefined as unknown as RunningTarget);
    const running = await target.start({ profile: porticoProfile, defects: porticoDefects });
    await use(running);
    await running.close();
  }, { scope: 'worker', timeout: 60_000 }],

  baseURL: async ({ baseURL, runningTarget }, use) => { await use(runningTarget?.baseURL ?? baseURL); },
  page: async ({ page, persona }, use) => { await emulateNetwork(page, persona); await use(page); },
  actor: async ({ page, persona }, use) => { await use(actorFor(persona.actor, page)); },

  checkpoint: async ({ page, persona, target, sharedChromium, porticoOut }, use, testInfo) => {
    let n = 0;
    const plan = planFor(persona);
    await use(async (stepId) => {
      const artifacts = await gatherCheckpoint(page, {
        checkpoint: stepId,
        context: { target: target.id, persona: persona.id, flow: testInfo.title, step: stepId, locale: persona.language },
        engines: plan.engines.filter((e) => e !== 'lighthouse'),
        cdpPort: sharedChromium.cdpPort,
        browserVersion: sharedChromium.version,
        engineSettings: engineSettingsFromEnv(),
        extra: Object.fromEntries(plan.probes.map((p) => [p.id, (pg: Page) => p.gather(pg, { locale: persona.language, targetLocales: target.locales, catalogues: target.catalogues?.(), stepId })])),
      });
      await saveArtifacts(join(resolve(porticoOut), 'artifacts', persona.id, 'custom'), artifacts, n++);
      return artifacts;
    });
  },

  walk: async ({ page, context, persona, target, runningTarget, sharedChromium, porticoOut }, use, testInfo) => {
    await use(async (flowId, options) => {
      const flow = target.flows.find((f) => f.id === flowId);
      if (!flow) throw new Error(`target "${target.id}" has no flow "${flowId}"`);
      const outDir = resolve(porticoOut);
      await rm(join(outDir, 'artifacts', persona.id, flow.id), { recursive: true, force: true });
      await mkdir(outDir, { recursive: true });
      return walkFlow({
        page, context, persona, target, running: runningTarget, outDir, plan: planFor(persona), engineSettings: engineSettingsFromEnv(),
        cdpPort: sharedChromium.cdpPort,
        browserVersion: sharedChromium.version,
        stopAfterStep: options?.stopAfterStep,
        attach: (name, path, contentType) => testInfo.attach(name, { path, contentType }),
      }, flow, persona.language);
    });
  },
});

export { expect };
