import { test, expect } from '../../../composition/playwright/fixtures.ts';
import { planFor } from '../../../composition/registry.ts';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkFlow } from '../walk.ts';
import type { Persona, TestCaptureGrid } from '../types.ts';
import type { JourneyArtifact } from '../journey-artifact.ts';
import type { CaptureFacts } from '../../camera/capture-runner.ts';
import { parseDeclarativeTarget, declarativeToTarget } from './index.ts';
import { darkerSkinSelfie } from '../../../personas/darker-skin-selfie.ts';
import { universalEmail } from '../../../personas/universal-email.ts';
import { runAudits } from '../../run-audits.ts';
import { AUDITS } from '../../../audits/index.ts';

/**
 * A photo step on a page that is not the reference app (test-pages/: a gate that refuses dark
 * frames, and its clean twin), described in YAML and walked by the darker-skin persona: the
 * `capture:` step runs the skin-tone × lighting grid through the page's own control and records
 * `captureGrid`; capture-parity judges it. The grid is reduced here by the test-only option
 * (WalkEnv.testCaptureGrid) to keep the spec fast; the persona's own grid is the whole one.
 */
const pages = new URL('./test-pages/', import.meta.url);
const file = (name: string) => readFileSync(new URL(name, pages), 'utf8');
let server: Server;
let baseURL: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const m = /^\/(biased|clean)\/(photo|other)$/.exec(path);
    if (!m) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(file(m[2] === 'other' ? 'other.html' : `photo-gate-${m[1]}.html`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => { await new Promise((r) => server?.close(r)); });

const describe = (gate: 'biased' | 'clean', opts: { rejected?: boolean; timeout?: number } = {}) => `
baseURL: "${baseURL}"
languages: { offered: [en] }
flows:
  - id: photo
    title: Take the identity photo, then go on another way
    language: en
    personas: [darker-skin-selfie, universal-email]
    steps:
      - id: photo
        title: Take the photo
        goto: /${gate}/photo
        capture: { control: { role: button, name: Take the photo }, accepted: { text: Photo accepted }${opts.rejected === false ? '' : ', rejected: { text: Photo refused }'}, alternative: { role: link, name: Verify another way }${opts.timeout ? `, timeout: ${opts.timeout}` : ''} }
      - id: other-way
        title: Choose the other way
        click: { role: link, name: Verify another way }
        expect: { heading: Verify your identity another way }
`;

const SMALL: TestCaptureGrid = { tones: [1, 10], lightings: ['even', 'backlit'], attempts: 3 };

async function walk(sharedChromium: { browser: import('playwright').Browser; cdpPort: number; version: string }, persona: Persona, yaml: string, grid?: TestCaptureGrid) {
  const target = declarativeToTarget(parseDeclarativeTarget(yaml, join(tmpdir(), 'capture-grid.target.yaml')));
  const running = await target.start({ profile: 'conformant', defects: [] });
  const context = await sharedChromium.browser.newContext({ baseURL: running.baseURL, locale: persona.use.locale });
  const page = await context.newPage();
  try {
    const result = await walkFlow({ page, context, cdpPort: sharedChromium.cdpPort, browserVersion: sharedChromium.version, target, running, persona, plan: { engines: [], probes: planFor(persona).probes }, outDir: mkdtempSync(join(tmpdir(), 'portico-capture-grid-')), testCaptureGrid: grid }, target.flows[0], persona.language);
    const journeys = result.artifacts.map((a) => a.gathered.journey as JourneyArtifact);
    const parity = runAudits(AUDITS.filter((a) => a.meta.id === 'capture-parity'), result.artifacts.map((a) => ({ ...a, audits: ['capture-parity'] })));
    return { result, journeys, grid: journeys[0].records.captureGrid as CaptureFacts | undefined, failed: parity.findings.filter((f) => f.outcome === 'failed'), verdicts: parity };
  } finally {
    await context.close();
    await running.close();
  }
}

const summary = (g: CaptureFacts) => Object.fromEntries([...new Set(g.attempts.map((a) => `${a.lighting} MST ${a.mst}`))].map((k) => [k, g.attempts.filter((a) => `${a.lighting} MST ${a.mst}` === k).map((a) => a.outcome[0]).join('')]));

test('the darker-skin persona runs the grid at a described capture step: a gate that refuses dark frames fails capture-parity, and the flow goes on', async ({ sharedChromium }) => {
  const { result, journeys, grid, failed } = await walk(sharedChromium, darkerSkinSelfie, describe('biased'), SMALL);
  expect(grid, 'captureGrid recorded').toBeDefined();
  expect(journeys[0].records.capture).toBeUndefined();
  expect(grid!.attempts).toHaveLength(12);
  expect(grid!.url).toBe(`${baseURL}/biased/photo`);
  expect(grid!.alternative).toEqual({ role: 'link', name: 'Verify another way', found: true });
  expect(grid!.attempts.filter((a) => a.mst === 1 && a.lighting === 'even').map((a) => a.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
  expect(grid!.attempts.filter((a) => a.mst === 10 && a.lighting === 'backlit').map((a) => a.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(grid!.attempts.find((a) => a.outcome === 'rejected')?.message).toMatch(/Photo refused: too dark/);
  expect(failed.map((f) => f.ruleId)).toContain('capture-parity');
  // After the grid the journey goes on: the next step is walked from the page the step was on.
  expect(result.incompleteAt, journeys.at(-1)?.incomplete).toBeUndefined();
  expect(result.blockedAt).toBeUndefined();
  expect(journeys.map((j) => j.stepId)).toEqual(['photo', 'other-way']);
  console.log('biased', JSON.stringify(summary(grid!)), `${grid!.durationMs} ms, ${Math.round(grid!.attempts.reduce((s, a) => s + a.ms, 0) / grid!.attempts.length)} ms per attempt`);
});

test('its clean twin, which accepts every photo: no failed finding', async ({ sharedChromium }) => {
  const { result, journeys, grid, failed, verdicts } = await walk(sharedChromium, darkerSkinSelfie, describe('clean'), SMALL);
  expect(grid!.attempts.every((a) => a.outcome === 'accepted'), JSON.stringify(summary(grid!))).toBe(true);
  expect(failed).toEqual([]);
  expect(verdicts.verdicts.find((r) => r.auditId === 'capture-parity' && r.checkpoint === journeys[0].stepId)?.outcome).toBe('passed');
  expect(result.incompleteAt, journeys.at(-1)?.incomplete).toBeUndefined();
  console.log('clean', JSON.stringify(summary(grid!)), `${grid!.durationMs} ms, ${Math.round(grid!.attempts.reduce((s, a) => s + a.ms, 0) / grid!.attempts.length)} ms per attempt`);
});

test('without a rejection matcher a refused photo is no-result, never rejected: nothing is judged a rejection', async ({ sharedChromium }) => {
  const { grid, failed } = await walk(sharedChromium, darkerSkinSelfie, describe('biased', { rejected: false, timeout: 3_000 }), { tones: [1, 10], lightings: ['even'], attempts: 3 });
  expect(grid!.attempts.some((a) => a.outcome === 'rejected')).toBe(false);
  const dark = grid!.attempts.filter((a) => a.outcome === 'no-result');
  expect(dark.length, JSON.stringify(summary(grid!))).toBeGreaterThan(0);
  expect(dark[0].message).toMatch(/no rejection matcher/);
  expect(failed).toEqual([]);
});

test('other personas keep the single photo (records capture, not captureGrid)', async ({ sharedChromium }) => {
  const { result, journeys } = await walk(sharedChromium, universalEmail, describe('biased'));
  expect(result.incompleteAt, `incomplete: ${journeys[0]?.incomplete}`).not.toBe('photo');
  expect(journeys[0].records.captureGrid).toBeUndefined();
  expect(journeys[0].records.capture).toMatchObject({ outcome: expect.stringMatching(/accepted|rejected|no-result/) });
});
