/**
 * The selfie quality gate (pure; the server applies it to the metrics the client measured).
 *
 * Metrics are BT.601 full-range luma (0–255) measured by client/selfie.js on the captured frame:
 * faceMeanLuma / faceStdLuma / faceNoise / faceClippedShare on the centre of the detected face box,
 * frameMeanLuma over the whole frame, backgroundMeanLuma outside the face box.
 *
 * Gates
 * - 'naive-absolute' (the `exposure-gate-absolute-brightness` defect, as CBP One behaved): accept when
 *   a face was found and faceMeanLuma ≥ 60. Darker skin is darker in a correctly exposed photo, so
 *   this rejects MST 9–10 even in even light, and MST 6–10 when backlit.
 * - 'fair' (conformant): meter ON THE FACE and judge the face as it would look once its exposure is
 *   normalised (digital gain to a mid level). Everything is relative to the face's own mean, so a
 *   well-captured darker face is not rejected for being dark:
 *     too-bright    faceClippedShare > 0.2 (a fifth of the face at ≥ 250 has lost its detail)
 *     too-dark      faceMeanLuma < 8 (the face is within ~3% of black: 8-bit quantisation leaves
 *                   no usable detail, whatever the skin tone; MST 10 in even light measures ≈ 45)
 *     low-contrast  faceStdLuma / faceMeanLuma < 0.06 (after normalising to the face mean, features
 *                   — eyes, brows, mouth — must stand out; a washed-out or fogged face fails)
 *     too-noisy     faceNoise / faceMeanLuma > 0.12 (signal-to-noise of the face below ≈ 8:1)
 */

export type SelfieGate = 'fair' | 'naive-absolute';

export interface SelfieMetrics {
  faceFound?: boolean;
  faceMeanLuma?: number;
  faceStdLuma?: number;
  faceNoise?: number;
  faceClippedShare?: number;
  frameMeanLuma?: number;
  backgroundMeanLuma?: number;
  [key: string]: unknown;
}

export type SelfieRejection = 'no-face' | 'too-dark' | 'too-bright' | 'low-contrast' | 'too-noisy';

export interface SelfieVerdict {
  accepted: boolean;
  reason?: SelfieRejection;
}

export const NAIVE_MIN_FACE_LUMA = 60;

export const FAIR_THRESHOLDS = {
  maxClippedShare: 0.2,
  minFaceLuma: 8,
  minRelativeContrast: 0.06,
  maxRelativeNoise: 0.12,
} as const;

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function evaluateSelfie(metrics: SelfieMetrics, options: { gate: SelfieGate }): SelfieVerdict {
  const gate = options?.gate;
  if (gate !== 'fair' && gate !== 'naive-absolute') throw new Error(`evaluateSelfie: unknown gate ${JSON.stringify(gate)} (use 'fair' or 'naive-absolute')`);
  if (!metrics || metrics.faceFound === false || !finite(metrics.faceMeanLuma)) return { accepted: false, reason: 'no-face' };
  const mean = metrics.faceMeanLuma;
  if (gate === 'naive-absolute') return mean >= NAIVE_MIN_FACE_LUMA ? { accepted: true } : { accepted: false, reason: 'too-dark' };

  if (finite(metrics.faceClippedShare) && metrics.faceClippedShare > FAIR_THRESHOLDS.maxClippedShare) return { accepted: false, reason: 'too-bright' };
  if (mean < FAIR_THRESHOLDS.minFaceLuma) return { accepted: false, reason: 'too-dark' };
  const std = finite(metrics.faceStdLuma) ? metrics.faceStdLuma : 0;
  if (std / mean < FAIR_THRESHOLDS.minRelativeContrast) return { accepted: false, reason: 'low-contrast' };
  const noise = finite(metrics.faceNoise) ? metrics.faceNoise : 0;
  if (noise / mean > FAIR_THRESHOLDS.maxRelativeNoise) return { accepted: false, reason: 'too-noisy' };
  return { accepted: true };
}
