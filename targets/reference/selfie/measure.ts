/**
 * measureAcceptance: run the real selfie capture (selfie.js → BlazeFace on tfjs-wasm → exposure
 * metrics → gate) against synthetic camera stimuli, one Chromium launch per stimulus (tone ×
 * lighting), and count acceptances. Reusable by a persona ("darker skin doing selfie capture").
 *
 * Each launch serves selfie.js from a tiny local server (testServer.ts), takes `attempts` photos
 * (a fresh page and camera each time; the stimulus loops frames with fresh sensor noise), and
 * evaluates every capture with each requested gate (the same capture for both gates).
 *
 * This is a condition-acceptance ratio over a synthetic stimulus grid: it tests the app's
 * exposure/quality path, not the detector's demographic bias on real faces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../../harness/browser/launch.ts';
import { evaluateSelfie, type SelfieGate, type SelfieMetrics, type SelfieRejection } from './gate.ts';
import { writeStimulus, type Lighting } from '../../../harness/camera/stimulus.ts';
import { startSelfieTestServer } from './testServer.ts';

export interface MeasureOptions {
  tones: number[];
  lightings: Lighting[];
  gate: SelfieGate | SelfieGate[];
  /** Photos per stimulus (default 3). */
  attempts?: number;
  /** Frames in each stimulus file (default 6). */
  frames?: number;
  /** Browsers at once (default 1; at most 2 on these machines). */
  concurrency?: number;
  /** Keep the stimulus files here instead of a temp dir (deleted afterwards unless given). */
  workDir?: string;
  onProgress?: (cell: AcceptanceCell) => void;
}

export interface Capture {
  faceFound: boolean;
  metrics: SelfieMetrics;
  verdicts: Partial<Record<SelfieGate, { accepted: boolean; reason?: SelfieRejection }>>;
}

export interface AcceptanceCell {
  mst: number;
  lighting: Lighting;
  attempts: number;
  faceFound: number;
  /** Per gate: accepted count and rejection reasons. */
  gates: Partial<Record<SelfieGate, { accepted: number; reasons: Partial<Record<SelfieRejection, number>> }>>;
  captures: Capture[];
  /** The simulated camera's auto-exposure gain for this stimulus. */
  exposureGain: number;
  error?: string;
}

export interface AcceptanceRatio {
  lighting: Lighting;
  gate: SelfieGate;
  mst: number;
  rate: number;
  /** rate / best rate among tones under the same lighting and gate (1 when all are 0). */
  ratioToBest: number;
  /** ratioToBest < 0.8 (the EEOC four-fifths rule, used as an analogy). */
  flagged: boolean;
}

export interface AcceptanceReport {
  cells: AcceptanceCell[];
  ratios: AcceptanceRatio[];
  chromiumVersion: string;
}

async function measureCell(mst: number, lighting: Lighting, gates: SelfieGate[], attempts: number, frames: number, dir: string): Promise<AcceptanceCell> {
  const file = join(dir, `mst${mst}-${lighting}.y4m`);
  const stimulus = writeStimulus(file, { mst, lighting, frames });
  const server = await startSelfieTestServer();
  const browser = await chromium.launch(
    chromiumLaunchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`]),
  );
  const cell: AcceptanceCell = { mst, lighting, attempts: 0, faceFound: 0, gates: {}, captures: [], exposureGain: stimulus.gain };
  for (const gate of gates) cell.gates[gate] = { accepted: 0, reasons: {} };
  try {
    const context = await browser.newContext({ permissions: ['camera'] });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleLines.push(message.text().slice(0, 200));
    });
    const errors: string[] = [];
    // One retry per attempt: a capture that stalls (rare, seen once in ~100) is retried, and reported.
    for (let attempt = 0, tries = 0; attempt < attempts && tries < attempts + 2; tries++) {
      const before = server.submissions.length;
      try {
        await page.goto(`${server.url}/selfie?gate=${gates[0]}`);
        await page.locator('#selfie-take:not([disabled])').waitFor({ timeout: 45_000 });
        // Let the camera run a moment so successive attempts capture different frames.
        await page.waitForTimeout(150 + attempt * 70);
        await page.locator('#selfie-take').click();
        await page.locator('#verdict').waitFor({ timeout: 45_000 });
      } catch (error) {
        const status = await page.locator('#selfie-status').textContent({ timeout: 1000 }).catch(() => null);
        const state = await page.locator('#selfie-form').getAttribute('data-selfie-error', { timeout: 1000 }).catch(() => null);
        errors.push(`attempt ${attempt + 1}: ${(error as Error).message.split('\n')[0]}; status=${JSON.stringify(status)}; error=${JSON.stringify(state)}; console=${JSON.stringify(consoleLines.slice(-3))}`);
        continue;
      }
      if (server.submissions.length === before) continue;
      attempt++;
      const submission = server.submissions.at(-1)!;
      const capture: Capture = { faceFound: submission.faceFound, metrics: submission.metrics, verdicts: {} };
      cell.attempts++;
      if (submission.faceFound) cell.faceFound++;
      for (const gate of gates) {
        const verdict = evaluateSelfie(submission.metrics, { gate });
        capture.verdicts[gate] = verdict;
        const tally = cell.gates[gate]!;
        if (verdict.accepted) tally.accepted++;
        else tally.reasons[verdict.reason!] = (tally.reasons[verdict.reason!] ?? 0) + 1;
      }
      cell.captures.push(capture);
    }
    if (errors.length) cell.error = errors.join(' | ');
    await context.close();
  } catch (error) {
    cell.error = (error as Error).message;
  } finally {
    await browser.close();
    await server.close();
    rmSync(file, { force: true });
  }
  return cell;
}

export function acceptanceRatios(cells: AcceptanceCell[]): AcceptanceRatio[] {
  const ratios: AcceptanceRatio[] = [];
  const lightings = [...new Set(cells.map((c) => c.lighting))];
  const gates = [...new Set(cells.flatMap((c) => Object.keys(c.gates) as SelfieGate[]))];
  for (const lighting of lightings) {
    for (const gate of gates) {
      const row = cells.filter((c) => c.lighting === lighting && c.gates[gate] && c.attempts > 0);
      const rates = row.map((c) => c.gates[gate]!.accepted / c.attempts);
      const best = Math.max(0, ...rates);
      row.forEach((c, i) => {
        const ratioToBest = best === 0 ? 1 : rates[i] / best;
        ratios.push({ lighting, gate, mst: c.mst, rate: rates[i], ratioToBest, flagged: ratioToBest < 0.8 });
      });
    }
  }
  return ratios;
}

/** Launch Chromium once per tone × lighting and count acceptances per gate. */
export async function measureAcceptance(options: MeasureOptions): Promise<AcceptanceReport> {
  const gates = Array.isArray(options.gate) ? options.gate : [options.gate];
  const attempts = options.attempts ?? 3;
  const frames = options.frames ?? 6;
  const concurrency = Math.max(1, Math.min(2, options.concurrency ?? 1));
  const dir = options.workDir ?? mkdtempSync(join(tmpdir(), 'portico-selfie-'));
  const jobs: Array<{ mst: number; lighting: Lighting }> = [];
  for (const lighting of options.lightings) for (const mst of options.tones) jobs.push({ mst, lighting });
  const cells: AcceptanceCell[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const { mst, lighting } = jobs[index];
      cells[index] = await measureCell(mst, lighting, gates, attempts, frames, dir);
      options.onProgress?.(cells[index]);
    }
  };
  let chromiumVersion = '';
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    const probe = await chromium.launch(chromiumLaunchOptions());
    chromiumVersion = probe.version();
    await probe.close();
  } finally {
    if (!options.workDir) rmSync(dir, { recursive: true, force: true });
  }
  return { cells, ratios: acceptanceRatios(cells), chromiumVersion };
}

/** A plain-text table: one row per tone, one column per lighting, "accepted/attempts" per gate. */
export function formatAcceptanceTable(report: AcceptanceReport): string {
  const lightings = [...new Set(report.cells.map((c) => c.lighting))];
  const tones = [...new Set(report.cells.map((c) => c.mst))].sort((a, b) => a - b);
  const gates = [...new Set(report.cells.flatMap((c) => Object.keys(c.gates) as SelfieGate[]))];
  const lines: string[] = [];
  for (const gate of gates) {
    lines.push(`gate ${gate}: accepted/attempts (faces found), * = below 0.8 of the best tone in that lighting`);
    lines.push(['MST', ...lightings].map((s) => s.padEnd(16)).join(''));
    for (const mst of tones) {
      const row = [String(mst)];
      for (const lighting of lightings) {
        const cell = report.cells.find((c) => c.mst === mst && c.lighting === lighting);
        const ratio = report.ratios.find((r) => r.mst === mst && r.lighting === lighting && r.gate === gate);
        row.push(cell ? `${cell.gates[gate]?.accepted ?? 0}/${cell.attempts} (${cell.faceFound})${ratio?.flagged ? '*' : ''}${cell.error ? '!' : ''}` : '-');
      }
      lines.push(row.map((s) => s.padEnd(16)).join(''));
    }
  }
  return lines.join('\n');
}
