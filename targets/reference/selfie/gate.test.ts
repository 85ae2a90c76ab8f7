import { describe, expect, it } from 'vitest';
import { evaluateSelfie, FAIR_THRESHOLDS, NAIVE_MIN_FACE_LUMA } from './gate.ts';

const good = { faceFound: true, faceMeanLuma: 150, faceStdLuma: 40, faceNoise: 1.5, faceClippedShare: 0, frameMeanLuma: 110, backgroundMeanLuma: 100 };
// Measured by selfie.js on the synthetic stimuli (MST 10 even light; MST 10 and MST 5 backlit).
const mst10Even = { faceFound: true, faceMeanLuma: 44.6, faceStdLuma: 33.3, faceNoise: 1.89 };
const mst10Backlit = { faceFound: true, faceMeanLuma: 11.9, faceStdLuma: 20.4, faceNoise: 1.91 };
const mst5Backlit = { faceFound: true, faceMeanLuma: 66, faceStdLuma: 19.1, faceNoise: 1.44 };

describe('evaluateSelfie naive-absolute', () => {
  it('accepts a face at or above luma 60 and rejects darker faces as too dark', () => {
    expect(NAIVE_MIN_FACE_LUMA).toBe(60);
    expect(evaluateSelfie(good, { gate: 'naive-absolute' })).toEqual({ accepted: true });
    expect(evaluateSelfie(mst5Backlit, { gate: 'naive-absolute' })).toEqual({ accepted: true });
    expect(evaluateSelfie({ ...good, faceMeanLuma: 60 }, { gate: 'naive-absolute' })).toEqual({ accepted: true });
    expect(evaluateSelfie({ ...good, faceMeanLuma: 59.9 }, { gate: 'naive-absolute' })).toEqual({ accepted: false, reason: 'too-dark' });
    expect(evaluateSelfie(mst10Even, { gate: 'naive-absolute' })).toEqual({ accepted: false, reason: 'too-dark' });
  });
});

describe('evaluateSelfie fair', () => {
  it('accepts a well-captured darker face (judged relative to its own exposure)', () => {
    expect(evaluateSelfie(mst10Even, { gate: 'fair' })).toEqual({ accepted: true });
    expect(evaluateSelfie(good, { gate: 'fair' })).toEqual({ accepted: true });
  });
  it('rejects for capture quality, with a reason', () => {
    expect(evaluateSelfie({ ...good, faceClippedShare: 0.5 }, { gate: 'fair' })).toEqual({ accepted: false, reason: 'too-bright' });
    expect(evaluateSelfie({ ...good, faceMeanLuma: 5 }, { gate: 'fair' })).toEqual({ accepted: false, reason: 'too-dark' });
    expect(evaluateSelfie({ ...good, faceStdLuma: 5 }, { gate: 'fair' })).toEqual({ accepted: false, reason: 'low-contrast' });
    expect(evaluateSelfie({ ...good, faceNoise: 25 }, { gate: 'fair' })).toEqual({ accepted: false, reason: 'too-noisy' });
    expect(evaluateSelfie(mst10Backlit, { gate: 'fair' })).toEqual({ accepted: false, reason: 'too-noisy' });
  });
  it('scales: the same face at a quarter of the exposure gets the same verdict', () => {
    const dim = { faceFound: true, faceMeanLuma: good.faceMeanLuma / 4, faceStdLuma: good.faceStdLuma / 4, faceNoise: good.faceNoise / 4 };
    expect(evaluateSelfie(dim, { gate: 'fair' })).toEqual({ accepted: true });
    expect(FAIR_THRESHOLDS.minFaceLuma).toBeLessThan(12);
  });
});

describe('evaluateSelfie: no face and bad options', () => {
  it('rejects when no face was found, whatever the gate', () => {
    for (const gate of ['fair', 'naive-absolute'] as const) {
      expect(evaluateSelfie({ ...good, faceFound: false }, { gate })).toEqual({ accepted: false, reason: 'no-face' });
      expect(evaluateSelfie({ frameMeanLuma: 100 }, { gate })).toEqual({ accepted: false, reason: 'no-face' });
    }
  });
  it('throws on an unknown gate', () => {
    expect(() => evaluateSelfie(good, { gate: 'strict' as never })).toThrow(/unknown gate "strict"/);
  });
});
