import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cameraScene, neutralCameraFile, renderScene, SCENE_SCALE } from './stimulus.ts';
import { attemptVariant } from './synthetic-camera.ts';

const dir = mkdtempSync(join(tmpdir(), 'portico-camera-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the neutral camera every browser gets', () => {
  it('is a small grey Y4M with no face, written once', () => {
    const file = neutralCameraFile(dir);
    const bytes = readFileSync(file);
    const header = 'YUV4MPEG2 W320 H240 F30:1 Ip A1:1 C420jpeg\n';
    expect(bytes.subarray(0, header.length).toString('latin1')).toBe(header);
    expect(bytes.length).toBe(header.length + 2 * ('FRAME\n'.length + 320 * 240 * 1.5));
    const y = bytes.subarray(header.length + 'FRAME\n'.length, header.length + 'FRAME\n'.length + 320 * 240);
    expect(new Set(y).size).toBe(1);
    expect(neutralCameraFile(dir)).toBe(file);
  });
});

describe('the scene handed to the in-page camera', () => {
  it('encodes the linear scene losslessly enough (Uint16 × SCENE_SCALE)', () => {
    const encoded = cameraScene(10, 'dim', 64, 48);
    const raw = new Uint16Array(Uint8Array.from(Buffer.from(encoded.data, 'base64')).buffer);
    const scene = renderScene(10, 'dim', 64, 48);
    expect(raw.length).toBe(scene.rgb.length);
    let worst = 0;
    for (let i = 0; i < raw.length; i++) worst = Math.max(worst, Math.abs(raw[i] / SCENE_SCALE - scene.rgb[i]));
    expect(worst).toBeLessThanOrEqual(0.5 / SCENE_SCALE + 1e-9);
    expect(encoded.camera.maxGain).toBe(8);
  });
  it('varies attempts slightly: the first as rendered, the others nudged, all with their own noise', () => {
    const v = [0, 1, 2].map((n) => attemptVariant(n, 7));
    expect(v[0]).toMatchObject({ dx: 0, dy: 0, light: 1 });
    expect(new Set(v.map((x) => `${x.dx},${x.dy},${x.light}`)).size).toBe(3);
    expect(new Set(v.map((x) => x.seed)).size).toBe(3);
    for (const x of v) expect(Math.abs(x.light - 1)).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});
