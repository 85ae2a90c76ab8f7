/**
 * Exhibits: the data behind a report's charts and cropped screenshots, taken from the run's
 * checkpoint artifacts (the lottery report, a persona's capture grid, the boxes of flagged elements).
 * The reporters stay pure: `collectExhibits` is a pure function of the artifacts, and the renderers
 * receive its result in `RenderInput.exhibits`.
 */
import type { Artifacts } from '../types.ts';
import type { LotteryReport } from '../lottery/report.ts';
import type { CaptureFacts } from '../camera/capture-runner.ts';
import type { Box, ElementCrop, ElementCropsArtifact } from '../gatherers/element-crops.ts';

export type { Box, ElementCrop, ElementCropsArtifact };

export interface ExhibitPlace {
  checkpoint: string;
  persona?: string;
  flow?: string;
  step?: string;
  url: string;
}

export interface LotteryExhibit extends ExhibitPlace {
  report: LotteryReport;
}

export interface CaptureExhibit extends ExhibitPlace {
  facts: CaptureFacts;
}

export interface CropExhibit extends ExhibitPlace, ElementCrop {}

export interface Exhibits {
  lottery: LotteryExhibit[];
  capture: CaptureExhibit[];
  crops: CropExhibit[];
}

export const NO_EXHIBITS: Exhibits = { lottery: [], capture: [], crops: [] };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBox = (b: unknown): b is Box => isObject(b) && finite(b.x) && finite(b.y) && finite(b.width) && finite(b.height) && b.width >= 0 && b.height >= 0;

function place(a: Artifacts): ExhibitPlace {
  return { checkpoint: a.checkpoint, persona: a.context.persona, flow: a.context.flow, step: a.context.step ?? a.checkpoint, url: a.url };
}

/** Pure: the exhibits in a run's artifacts. Malformed payloads are left out (the audits report them). */
export function collectExhibits(artifacts: readonly Artifacts[]): Exhibits {
  const out: Exhibits = { lottery: [], capture: [], crops: [] };
  for (const a of artifacts) {
    if (a.unreadable || !isObject(a.gathered)) continue;
    const lottery = a.gathered.lottery as LotteryReport | undefined;
    if (isObject(lottery) && lottery.schema === 'portico.lottery/1' && Array.isArray(lottery.designs)) out.lottery.push({ ...place(a), report: lottery });
    const journey = a.gathered.journey as { records?: Record<string, unknown> } | undefined;
    const grid = isObject(journey) && isObject(journey.records) ? journey.records.captureGrid : undefined;
    if (isObject(grid) && grid.kind === 'capture-grid' && Array.isArray(grid.attempts)) out.capture.push({ ...place(a), facts: grid as unknown as CaptureFacts });
    const crops = a.gathered.elementCrops as ElementCropsArtifact | undefined;
    if (isObject(crops) && Array.isArray(crops.crops)) {
      for (const c of crops.crops) if (isObject(c) && typeof c.domPath === 'string' && typeof c.path === 'string' && isBox(c.box) && isBox(c.clip)) out.crops.push({ ...place(a), ...c });
    }
  }
  return out;
}

/** The crop of an element at a checkpoint (same persona, flow and step), if one was taken. */
export function cropFor(exhibits: Exhibits | undefined, where: { domPath?: string; persona?: string; flow?: string; step: string; checkpoint?: string }): CropExhibit | undefined {
  if (!exhibits || !where.domPath) return undefined;
  return exhibits.crops.find((c) => c.domPath === where.domPath && c.persona === where.persona && c.flow === where.flow && (c.step === where.step || c.checkpoint === where.checkpoint));
}
