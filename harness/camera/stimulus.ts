/**
 * Synthetic camera stimuli: a face of a Monk Skin Tone under a lighting, as Y4M files for Chromium's
 * fake camera (`--use-file-for-fake-video-capture=<abs .y4m>`), or as a linear-light scene that the
 * in-page synthetic camera (harness/camera/page-camera.js) photographs live, honouring the page's
 * exposure compensation (harness/camera/capture-runner.ts). Nothing here knows any target.
 *
 * A frame is rendered as a SCENE in linear light (a face of a Monk Skin Tone, hair, clothes, a room
 * wall or a bright window behind), then photographed by a simulated phone camera:
 *   1. auto-exposure meters the WHOLE frame (mean linear luminance → 18% grey), as phone cameras
 *      do by default, with the gain limited to [1/64, 8];
 *   2. sensor noise: shot noise (∝ √collected light) + read noise, amplified by the analog gain
 *      (see CAMERA);
 *   3. clipping at full scale, sRGB transfer curve, BT.601 limited-range Y'CbCr, 4:2:0.
 * Against a bright window (lighting 'backlit') the whole-frame meter exposes for the window and the
 * face comes out under-exposed, darker skin the most: the documented CBP One failure.
 *
 * The MST hex colours are how each tone LOOKS in a well-exposed photograph, so the scene reflectance
 * is chosen so that under 'even' light (auto-exposure ≈ 1) the face renders at its MST colour.
 *
 * Y4M: `YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg\n`, then per frame `FRAME\n` + Y (W×H) + U + V
 * (each (W/2)×(H/2)). Width and height must be even (Chromium silently yields a dead 2×2 track for an
 * odd width).
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { mulberry32 } from '../random.ts';

/** Monk Skin Tone scale, MST 1 (lightest) … MST 10 (darkest). */
export const MST_HEX = ['#f6ede4', '#f3e7db', '#f7ead0', '#eadaba', '#d7bd96', '#a07e56', '#825c43', '#604134', '#3a312a', '#292420'] as const;

export type Lighting = 'even' | 'dim' | 'backlit' | 'side';
export const LIGHTINGS: readonly Lighting[] = ['even', 'dim', 'backlit', 'side'];

export interface StimulusOptions {
  /** Monk Skin Tone 1..10. */
  mst: number;
  lighting: Lighting;
  /** Frames in the file (Chromium loops it). Default 8. */
  frames?: number;
  width?: number;
  height?: number;
  /** Noise seed (default: derived from tone and lighting). */
  seed?: number;
}

export interface LightingModel {
  /** Light falling on the face and body (1 = the reference studio level). */
  faceLight: number;
  /** Light falling on the wall behind (ignored where there is a window). */
  wallLight: number;
  /** Linear radiance of the window that fills the background, or 0 for no window. */
  window: number;
  /** Share of the light coming from the left (0 = frontal, 1 = only from the left). */
  side: number;
}

/** The lighting levels. 'dim' is a poorly lit room at night; 'backlit' is a bright window behind. */
export const LIGHTING_MODELS: Record<Lighting, LightingModel> = {
  even: { faceLight: 1, wallLight: 1, window: 0, side: 0 },
  dim: { faceLight: 0.06, wallLight: 0.06, window: 0, side: 0 },
  backlit: { faceLight: 0.8, wallLight: 0.8, window: 1.6, side: 0 },
  side: { faceLight: 1, wallLight: 0.8, window: 0, side: 0.7 },
};

/**
 * Camera model. The total gain g = exposure × analog gain: the exposure time scales the light the
 * sensor collects up to a limit (g ≤ 1), beyond which the sensor signal is amplified (ISO).
 * Sensor signal u = min(g, 1) × scene (as a fraction of full well); shot noise √(u / fullWell),
 * read noise `readNoise`; both multiplied by the analog gain max(g, 1). So a short exposure against a
 * bright window leaves a dark face with few photons (noisy), and a dim room amplifies noise.
 */
export const CAMERA = {
  /** Auto-exposure target: mean linear luminance of the frame. */
  meterTarget: 0.18,
  minGain: 1 / 64,
  maxGain: 8,
  /** Full-well capacity in electrons (a small phone sensor pixel). */
  fullWell: 5000,
  /** Read noise as a fraction of full well (≈ 3 electrons). */
  readNoise: 0.0006,
} as const;

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`bad colour ${hex}`);
  return [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255];
}

export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

export function linearToSrgb(v: number): number {
  if (v <= 0) return 0;
  if (v >= 1) return 1;
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
}

/** A Box–Muller normal on top of the seeded uniform. */
function normalSource(seed: number): () => number {
  const uniform = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export interface Scene {
  width: number;
  height: number;
  /** Linear RGB radiance, interleaved, width × height × 3. */
  rgb: Float32Array;
  /** The face ellipse (centre and semi-axes), for tests and metrics. */
  face: { cx: number; cy: number; rx: number; ry: number };
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/**
 * Render the scene in linear light. Shapes use soft edges (about one pixel) so the image has no
 * aliasing; shading is Lambertian on an ellipsoid head lit from the front (and optionally the side).
 */
export function renderScene(mst: number, lighting: Lighting, width = 640, height = 480): Scene {
  if (!Number.isInteger(mst) || mst < 1 || mst > 10) throw new Error(`MST tone must be an integer 1–10, got ${mst}`);
  const light = LIGHTING_MODELS[lighting];
  if (!light) throw new Error(`unknown lighting "${lighting}" (known: ${LIGHTINGS.join(', ')})`);
  const skinLook = hexToRgb(MST_HEX[mst - 1]).map(srgbToLinear);
  // Calibrated so that under 'even' light, a face patch lit head-on renders at the MST colour.
  const skin = skinLook.map((v) => v / 0.92);
  const hair = [0.012, 0.009, 0.007];
  const shirt = [0.05, 0.09, 0.2];
  const wall = [0.2, 0.19, 0.17];
  const sclera = [0.62, 0.6, 0.57];
  const iris = [0.04, 0.025, 0.015];
  const lipTint = [0.78, 0.5, 0.5];

  const s = Math.min(width / 640, height / 480);
  const cx = width / 2;
  const cy = height * 0.44;
  const rx = 92 * s;
  const ry = 122 * s;
  const rgb = new Float32Array(width * height * 3);
  const lx = -light.side;
  const lz = Math.sqrt(1 - light.side * light.side * 0.5);

  const ellipse = (x: number, y: number, ex: number, ey: number, ax: number, ay: number): number => {
    const d = Math.sqrt(((x - ex) / ax) ** 2 + ((y - ey) / ay) ** 2);
    return 1 - smoothstep(1 - 1.2 / Math.min(ax, ay), 1 + 1.2 / Math.min(ax, ay), d);
  };

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Background: wall, or a bright window with a frame.
      let r: number;
      let g: number;
      let b: number;
      if (light.window > 0) {
        const bar = Math.abs(x - width * 0.5) < 6 * s || Math.abs(y - height * 0.3) < 5 * s || x < 20 * s || x > width - 20 * s || y < 15 * s;
        const sky = light.window * (0.9 + 0.1 * (1 - y / height));
        r = bar ? 0.35 * light.wallLight : sky * 0.95;
        g = bar ? 0.33 * light.wallLight : sky * 0.98;
        b = bar ? 0.3 * light.wallLight : sky * 1.05;
      } else {
        const gradient = 0.85 + 0.3 * (x / width) * (1 - y / height);
        r = wall[0] * light.wallLight * gradient;
        g = wall[1] * light.wallLight * gradient;
        b = wall[2] * light.wallLight * gradient;
      }
      const put = (alpha: number, cr: number, cg: number, cb: number): void => {
        if (alpha <= 0) return;
        r += (cr - r) * alpha;
        g += (cg - g) * alpha;
        b += (cb - b) * alpha;
      };
      const lambert = (nx: number, ny: number, nz: number): number => {
        const frontal = Math.max(0, nx * lx + ny * -0.25 + nz * lz);
        return (0.18 + 0.82 * frontal) * light.faceLight;
      };

      // Shoulders and shirt.
      const shoulder = ellipse(x, y, cx, cy + 300 * s, 230 * s, 170 * s);
      if (shoulder > 0) {
        const shade = light.faceLight * (0.7 + 0.3 * (1 - Math.abs(x - cx) / (230 * s)));
        put(shoulder, shirt[0] * shade, shirt[1] * shade, shirt[2] * shade);
      }
      // Neck.
      const neck = y > cy + ry * 0.6 && y < cy + ry * 1.55 ? 1 - smoothstep(40 * s, 42 * s, Math.abs(x - cx)) : 0;
      if (neck > 0) {
        const shade = light.faceLight * 0.62 * (1 - 0.35 * ((x - cx) / (42 * s)) ** 2);
        put(neck, skin[0] * shade, skin[1] * shade, skin[2] * shade);
      }
      // Hair behind the head.
      const hairBack = ellipse(x, y, cx, cy - 18 * s, rx * 1.16, ry * 1.05);
      if (hairBack > 0 && y < cy + ry * 0.35) put(hairBack, hair[0] * light.faceLight, hair[1] * light.faceLight, hair[2] * light.faceLight);
      // Ears.
      for (const side of [-1, 1]) {
        const ear = ellipse(x, y, cx + side * rx * 0.98, cy + 2 * s, 15 * s, 27 * s);
        if (ear > 0) {
          const shade = lambert(side * 0.8, 0, 0.6) * 0.85;
          put(ear, skin[0] * shade, skin[1] * shade, skin[2] * shade);
        }
      }
      // Face: an ellipsoid; normal from the ellipse coordinates.
      const face = ellipse(x, y, cx, cy, rx, ry);
      if (face > 0) {
        const u = (x - cx) / rx;
        const v = (y - cy) / ry;
        const nz2 = Math.max(0.02, 1 - u * u - v * v);
        let shade = lambert(u, v, Math.sqrt(nz2));
        // Eye sockets a little darker, cheeks a little lighter.
        for (const side of [-1, 1]) {
          const socket = ellipse(x, y, cx + side * rx * 0.36, cy - ry * 0.12, 30 * s, 17 * s);
          shade *= 1 - 0.22 * socket;
          const cheek = ellipse(x, y, cx + side * rx * 0.45, cy + ry * 0.22, 28 * s, 22 * s);
          shade *= 1 + 0.06 * cheek;
        }
        // Nose: a lit ridge, a shadowed flank, a shadow under the tip.
        const ridge = ellipse(x, y, cx, cy + ry * 0.05, 9 * s, 38 * s);
        shade *= 1 + 0.1 * ridge;
        const flank = ellipse(x, y, cx + 13 * s, cy + ry * 0.1, 7 * s, 30 * s);
        shade *= 1 - 0.28 * flank;
        const under = ellipse(x, y, cx, cy + ry * 0.33, 22 * s, 7 * s);
        shade *= 1 - 0.4 * under;
        // Chin shadow towards the jaw.
        shade *= 1 - 0.2 * smoothstep(0.75, 1, v);
        put(face, skin[0] * shade, skin[1] * shade, skin[2] * shade);

        // Nostrils.
        for (const side of [-1, 1]) {
          const nostril = ellipse(x, y, cx + side * 8 * s, cy + ry * 0.29, 5 * s, 3 * s);
          put(nostril * face * 0.85, skin[0] * shade * 0.25, skin[1] * shade * 0.2, skin[2] * shade * 0.2);
        }
        // Eyes: sclera, iris, pupil, upper lid line; brows.
        for (const side of [-1, 1]) {
          const ex = cx + side * rx * 0.36;
          const ey = cy - ry * 0.12;
          const eye = ellipse(x, y, ex, ey, 21 * s, 9 * s);
          const lit = light.faceLight * 0.85;
          put(eye, sclera[0] * lit, sclera[1] * lit, sclera[2] * lit);
          const irisA = ellipse(x, y, ex, ey, 8.5 * s, 8.5 * s) * eye;
          put(irisA, iris[0] * lit, iris[1] * lit, iris[2] * lit);
          const pupil = ellipse(x, y, ex, ey, 3.6 * s, 3.6 * s) * eye;
          put(pupil, 0.003 * lit, 0.003 * lit, 0.003 * lit);
          const glint = ellipse(x, y, ex - 3 * s, ey - 3 * s, 1.6 * s, 1.6 * s) * eye;
          put(glint, 0.9 * lit, 0.9 * lit, 0.9 * lit);
          const lid = ellipse(x, y, ex, ey - 7 * s, 23 * s, 3 * s) * (y < ey ? 1 : 0);
          put(lid, hair[0] * lit, hair[1] * lit, hair[2] * lit);
          const brow = ellipse(x, y, ex + side * 3 * s, ey - 27 * s + 0.004 * (x - ex) ** 2, 27 * s, 5.5 * s);
          put(brow * 0.92, hair[0] * lit * 1.5, hair[1] * lit * 1.5, hair[2] * lit * 1.5);
        }
        // Mouth: lips and the dark line between them.
        const my = cy + ry * 0.55;
        const upper = ellipse(x, y, cx, my - 4 * s, 34 * s, 6 * s);
        const lower = ellipse(x, y, cx, my + 5 * s, 30 * s, 7.5 * s);
        const lips = Math.max(upper, lower);
        put(lips, skin[0] * shade * lipTint[0], skin[1] * shade * lipTint[1], skin[2] * shade * lipTint[2]);
        const line = ellipse(x, y, cx, my, 33 * s, 1.8 * s);
        put(line, skin[0] * shade * 0.2, skin[1] * shade * 0.12, skin[2] * shade * 0.12);
      }
      // Hair fringe over the forehead (above a soft hairline).
      const hairline = cy - ry * 0.62 + 10 * s * Math.cos(((x - cx) / rx) * 2.2);
      const fringe = face > 0 || hairBack > 0 ? (1 - smoothstep(hairline - 2, hairline + 2, y)) * Math.max(face, hairBack) : 0;
      if (fringe > 0) put(fringe, hair[0] * light.faceLight * 1.3, hair[1] * light.faceLight * 1.3, hair[2] * light.faceLight * 1.3);

      const o = (y * width + x) * 3;
      rgb[o] = r;
      rgb[o + 1] = g;
      rgb[o + 2] = b;
    }
  }
  return { width, height, rgb, face: { cx, cy, rx, ry } };
}

/** Whole-frame metering: the gain that brings the frame's mean linear luminance to 18% grey. */
export function autoExposureGain(scene: Scene): number {
  let sum = 0;
  const { rgb } = scene;
  for (let o = 0; o < rgb.length; o += 3) sum += 0.2126 * rgb[o] + 0.7152 * rgb[o + 1] + 0.0722 * rgb[o + 2];
  const mean = sum / (rgb.length / 3);
  return Math.min(CAMERA.maxGain, Math.max(CAMERA.minGain, CAMERA.meterTarget / Math.max(mean, 1e-6)));
}

/**
 * Photograph the scene: gain, noise, clip, sRGB, BT.601 limited range, 4:2:0 (chroma averaged over
 * 2×2). Returns one I420 frame (Y then U then V).
 */
export function captureFrame(scene: Scene, gain: number, normal: () => number): Uint8Array {
  const { width, height, rgb } = scene;
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const out = new Uint8Array(ySize + 2 * cSize);
  const rp = new Float32Array(ySize);
  const gp = new Float32Array(ySize);
  const bp = new Float32Array(ySize);
  const exposure = Math.min(gain, 1);
  const analog = Math.max(gain, 1);
  const read2 = CAMERA.readNoise * CAMERA.readNoise;
  for (let i = 0; i < ySize; i++) {
    for (let c = 0; c < 3; c++) {
      const u = exposure * rgb[i * 3 + c];
      const sigma = Math.sqrt(Math.min(u, 1) / CAMERA.fullWell + read2);
      const v = linearToSrgb(analog * (u + sigma * normal()));
      if (c === 0) rp[i] = v;
      else if (c === 1) gp[i] = v;
      else bp[i] = v;
    }
    out[i] = Math.round(16 + 219 * (0.299 * rp[i] + 0.587 * gp[i] + 0.114 * bp[i]));
  }
  const cw = width / 2;
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const i = (2 * y + dy) * width + 2 * x + dx;
        r += rp[i];
        g += gp[i];
        b += bp[i];
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[ySize + y * cw + x] = Math.round(128 + 224 * (-0.168736 * r - 0.331264 * g + 0.5 * b));
      out[ySize + cSize + y * cw + x] = Math.round(128 + 224 * (0.5 * r - 0.418688 * g - 0.081312 * b));
    }
  }
  return out;
}

export function y4mHeader(width: number, height: number): string {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new Error(`Y4M size must be positive integers, got ${width}×${height}`);
  if (width % 2 !== 0 || height % 2 !== 0) {
    throw new Error(`Y4M width and height must be even for 4:2:0 (got ${width}×${height}); Chromium's fake camera yields a dead 2×2 track for an odd width`);
  }
  return `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`;
}

export interface StimulusInfo {
  path: string;
  width: number;
  height: number;
  frames: number;
  /** The auto-exposure gain the simulated camera chose. */
  gain: number;
  bytes: number;
}

/** Write a Y4M stimulus: the same scene, `frames` times with fresh sensor noise. */
export function writeStimulus(path: string, options: StimulusOptions): StimulusInfo {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const header = y4mHeader(width, height);
  const frames = options.frames ?? 8;
  if (!Number.isInteger(frames) || frames < 1) throw new Error(`frames must be a positive integer, got ${frames}`);
  const scene = renderScene(options.mst, options.lighting, width, height);
  const gain = autoExposureGain(scene);
  const normal = normalSource(options.seed ?? options.mst * 7919 + LIGHTINGS.indexOf(options.lighting) * 104729 + 1);
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    bytes += writeSync(fd, header);
    for (let f = 0; f < frames; f++) {
      bytes += writeSync(fd, 'FRAME\n');
      bytes += writeSync(fd, captureFrame(scene, gain, normal));
    }
  } finally {
    closeSync(fd);
  }
  return { path, width, height, frames, gain, bytes };
}

/**
 * Bump when the scene, camera model or file format changes, so no cache serves stimuli made by an
 * older generator.
 */
export const STIMULUS_GENERATOR_VERSION = 2;

/** The cache key: generator version, every parameter, and the camera and lighting models. */
export function stimulusKey(options: StimulusOptions): string {
  const full = { v: STIMULUS_GENERATOR_VERSION, width: 640, height: 480, frames: 8, seed: null, ...options, camera: CAMERA, light: LIGHTING_MODELS[options.lighting] };
  return createHash('sha256').update(JSON.stringify(full)).digest('hex').slice(0, 16);
}

/**
 * A stimulus file in `dir`, made once per key. It is written to a private temporary name and
 * renamed into place (atomic on one filesystem), so parallel projects never read a half-written file.
 */
export function cachedStimulus(dir: string, options: StimulusOptions): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `mst${options.mst}-${options.lighting}-${stimulusKey(options)}.y4m`);
  if (existsSync(file)) return file;
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeStimulus(temporary, options);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return file;
}

/** Linear-light scene values are sent to the page as Uint16 of value × SCENE_SCALE (max ≈ 4). */
export const SCENE_SCALE = 16384;

/** What the in-page camera needs: the linear scene (base64 of little-endian Uint16 RGB) and the camera model. */
export interface CameraScene {
  width: number;
  height: number;
  /** base64 of Uint16 (little-endian) linear RGB × SCENE_SCALE, interleaved. */
  data: string;
  scale: number;
  camera: typeof CAMERA;
}

/** The scene of one tone under one lighting, encoded for the in-page camera. */
export function cameraScene(mst: number, lighting: Lighting, width = 640, height = 480): CameraScene {
  const scene = renderScene(mst, lighting, width, height);
  const out = new Uint16Array(scene.rgb.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(65535, Math.round(scene.rgb[i] * SCENE_SCALE)));
  const bytes = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  return { width, height, data: bytes.toString('base64'), scale: SCENE_SCALE, camera: CAMERA };
}

/**
 * A neutral Y4M for Chromium's fake camera on every browser Portico launches: a plain mid-grey wall,
 * no face, so a page that asks for a camera gets one (nobody is blocked for lack of a camera) and no
 * verdict depends on what it shows. Small (320×240, 2 frames), written once per generator version.
 */
export function neutralCameraFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `neutral-v${STIMULUS_GENERATOR_VERSION}.y4m`);
  if (existsSync(file)) return file;
  const width = 320;
  const height = 240;
  const frame = new Uint8Array(width * height * 1.5);
  frame.fill(126, 0, width * height); // Y ≈ mid grey
  frame.fill(128, width * height); // neutral chroma
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, y4mHeader(width, height));
    for (let f = 0; f < 2; f++) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, frame);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  return file;
}
