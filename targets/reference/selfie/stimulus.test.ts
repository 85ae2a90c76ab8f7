import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { autoExposureGain, captureFrame, MST_HEX, renderScene, writeStimulus, y4mHeader } from '../../../harness/camera/stimulus.ts';
// @ts-expect-error plain browser JS module without type declarations
import { exposureMetrics, noiseEstimate } from './client/selfie.js';

const dir = mkdtempSync(join(tmpdir(), 'portico-stimulus-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Y4M format', () => {
  it('writes the header Chromium expects and FRAME + I420 planes', () => {
    const file = join(dir, 'small.y4m');
    const info = writeStimulus(file, { mst: 6, lighting: 'even', frames: 3, width: 64, height: 48 });
    const bytes = readFileSync(file);
    const header = 'YUV4MPEG2 W64 H48 F30:1 Ip A1:1 C420jpeg\n';
    expect(bytes.subarray(0, header.length).toString('latin1')).toBe(header);
    const frameBytes = 64 * 48 + 2 * 32 * 24;
    expect(bytes.length).toBe(header.length + 3 * ('FRAME\n'.length + frameBytes));
    expect(info.bytes).toBe(bytes.length);
    for (let f = 0; f < 3; f++) {
      const at = header.length + f * (6 + frameBytes);
      expect(bytes.subarray(at, at + 6).toString('latin1')).toBe('FRAME\n');
    }
    // BT.601 limited range: luma within 16..235 (noise may touch the rails only by clipping at 1.0).
    const y = bytes.subarray(header.length + 6, header.length + 6 + 64 * 48);
    expect(Math.min(...y)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...y)).toBeLessThanOrEqual(235);
  });

  it('defaults to 640×480 and refuses an odd width with a clear error', () => {
    expect(y4mHeader(640, 480)).toBe('YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg\n');
    expect(() => y4mHeader(641, 480)).toThrow(/must be even.*641×480.*dead 2×2 track/);
    expect(() => writeStimulus(join(dir, 'odd.y4m'), { mst: 1, lighting: 'even', width: 63, height: 48 })).toThrow(/even/);
    expect(() => y4mHeader(0, 480)).toThrow(/positive integers/);
  });

  it('rejects unknown tones and lightings', () => {
    expect(() => renderScene(11, 'even', 64, 48)).toThrow(/MST tone must be an integer 1–10/);
    expect(() => renderScene(3, 'disco' as never, 64, 48)).toThrow(/unknown lighting "disco"/);
    expect(MST_HEX).toHaveLength(10);
  });
});

describe('simulated camera', () => {
  const faceLuma = (mst: number, lighting: 'even' | 'backlit' | 'dim') => {
    const scene = renderScene(mst, lighting, 160, 120);
    const gain = autoExposureGain(scene);
    const frame = captureFrame(scene, gain, () => 0);
    const { cx, cy, rx } = scene.face;
    let sum = 0;
    let n = 0;
    for (let y = Math.round(cy + 2); y < cy + 8; y++) for (let x = Math.round(cx - rx * 0.6); x < cx - rx * 0.3; x++) (sum += frame[y * 160 + x]), n++;
    return { luma: (sum / n - 16) * (255 / 219), gain };
  };
  it('renders tones in order and exposes backlit scenes for the window (darker faces)', () => {
    const even = MST_HEX.map((_, i) => faceLuma(i + 1, 'even'));
    for (let i = 1; i < 10; i++) expect(even[i].luma).toBeLessThan(even[i - 1].luma + 3);
    expect(even[0].luma).toBeGreaterThan(150);
    expect(even[9].luma).toBeLessThan(60);
    const backlit = faceLuma(10, 'backlit');
    expect(backlit.gain).toBeLessThan(0.3);
    expect(backlit.luma).toBeLessThan(even[9].luma / 2);
    expect(faceLuma(1, 'dim').gain).toBe(8);
  });
});

describe('selfie.js metrics', () => {
  it('estimates Gaussian noise on a flat patch and measures face and background luma', () => {
    const width = 64;
    const height = 64;
    let seed = 42;
    const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const g = Math.sqrt(-2 * Math.log(uniform() || 1e-9)) * Math.cos(2 * Math.PI * uniform());
      const inFace = (i % width) >= 16 && (i % width) < 48 && Math.floor(i / width) >= 16 && Math.floor(i / width) < 48;
      const v = (inFace ? 100 : 200) + 4 * g;
      rgba.set([v, v, v, 255], i * 4);
    }
    const m = exposureMetrics(rgba, width, height, { x: 16, y: 16, width: 32, height: 32 });
    expect(m.faceMeanLuma).toBeCloseTo(100, 0);
    expect(m.backgroundMeanLuma).toBeCloseTo(200, 0);
    expect(m.faceNoise).toBeGreaterThan(3);
    expect(m.faceNoise).toBeLessThan(5);
    expect(m.faceStdLuma).toBeGreaterThan(3);
    expect(exposureMetrics(rgba, width, height, null).faceMeanLuma).toBeUndefined();
    expect(noiseEstimate(new Float32Array(64 * 64).fill(50), 64, { x: 0, y: 0, width: 64, height: 64 })).toBe(0);
  });
});

describe('cachedStimulus', () => {
  it('keys files by generator version and every parameter, and writes them atomically', async () => {
    const { cachedStimulus, stimulusKey, STIMULUS_GENERATOR_VERSION } = await import('../../../harness/camera/stimulus.ts');
    const { readdirSync, statSync } = await import('node:fs');
    const cache = mkdtempSync(join(tmpdir(), 'portico-stimulus-cache-'));
    const a = cachedStimulus(cache, { mst: 9, lighting: 'backlit', frames: 2, width: 64, height: 48 });
    expect(cachedStimulus(cache, { mst: 9, lighting: 'backlit', frames: 2, width: 64, height: 48 })).toBe(a);
    const b = cachedStimulus(cache, { mst: 9, lighting: 'backlit', frames: 3, width: 64, height: 48 });
    const c = cachedStimulus(cache, { mst: 9, lighting: 'dim', frames: 2, width: 64, height: 48 });
    expect(new Set([a, b, c]).size).toBe(3);
    expect(stimulusKey({ mst: 1, lighting: 'even' })).not.toBe(stimulusKey({ mst: 1, lighting: 'even', seed: 5 }));
    expect(STIMULUS_GENERATOR_VERSION).toBeGreaterThan(1);
    // No temporary file is left behind, and each file is whole (header + frames).
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const frameBytes = 64 * 48 * 1.5 + 'FRAME\n'.length;
    expect(statSync(a).size).toBe('YUV4MPEG2 W64 H48 F30:1 Ip A1:1 C420jpeg\n'.length + 2 * frameBytes);
  });
});
