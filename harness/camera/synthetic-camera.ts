/**
 * A synthetic camera for a browser context: getUserMedia returns a live canvas stream that a
 * simulated phone camera paints from a linear-light scene (page-camera.js). Any target, any page:
 * the camera is a property of the browser, like the person's phone, not of the app.
 *
 * The scene is handed over through a binding (not a network request, so no page policy blocks it),
 * and `set()` changes what the next getUserMedia sees (the next attempt), without a relaunch.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright';
import type { CameraScene } from './stimulus.ts';

const PAGE_CAMERA = readFileSync(new URL('./page-camera.js', import.meta.url), 'utf8');

/** Small changes between attempts: a person never holds the phone twice the same way. */
export interface SceneVariant {
  /** Shift of the scene in pixels. */
  dx: number;
  dy: number;
  /** Light level factor (1 = as rendered). */
  light: number;
  /** Sensor-noise seed. */
  seed: number;
}

export interface SyntheticCamera {
  /** What the next getUserMedia in this context films. */
  set(scene: CameraScene, variant: SceneVariant): void;
  /** Scenes handed to pages so far (each getUserMedia after a page load asks once). */
  readonly served: number;
}

export async function installSyntheticCamera(context: BrowserContext, initial: { scene: CameraScene; variant: SceneVariant }): Promise<SyntheticCamera> {
  let current = initial;
  let served = 0;
  await context.exposeBinding('__porticoCameraScene', () => {
    served++;
    return { ...current.scene, variant: current.variant };
  });
  await context.addInitScript({ content: PAGE_CAMERA });
  return {
    set(scene, variant) {
      current = { scene, variant };
    },
    get served() {
      return served;
    },
  };
}

/** The variant of attempt `n` (0-based) of a cell: the first as rendered, the others nudged. */
export function attemptVariant(n: number, cellSeed: number): SceneVariant {
  const nudges = [
    { dx: 0, dy: 0, light: 1 },
    { dx: -8, dy: 5, light: 0.95 },
    { dx: 8, dy: -4, light: 1.05 },
    { dx: 4, dy: 8, light: 0.98 },
    { dx: -5, dy: -6, light: 1.02 },
  ];
  const base = nudges[n % nudges.length];
  return { ...base, seed: (cellSeed * 131 + n * 7919 + 17) >>> 0 };
}
