import { createServer } from 'node:net';
import { chromium, type Browser, type LaunchOptions } from 'playwright';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, requireChromium } from '../setup/find-chromium.mjs';
import { neutralCameraFile } from '../camera/stimulus.ts';

export interface SharedChromium {
  browser: Browser;
  /** The remote-debugging port that pa11y (puppeteer) and Lighthouse attach to. */
  cdpPort: number;
  version: string;
  executablePath: string;
}

/** A free loopback port (the OS picks; released before Chromium binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Every browser Portico launches has a camera: Chromium's fake device filming a neutral grey wall,
 * with the permission prompt answered yes, so no persona is ever blocked for lack of a camera and no
 * verdict depends on what it films (the capture runner gives a context its own synthetic camera).
 * A later --use-file-for-fake-video-capture in extraArgs wins (Chromium keeps the last value).
 */
export function fakeCameraArgs(): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${neutralCameraFile(join(tmpdir(), 'portico-camera'))}`];
}

/** Launch options for any Chromium Portico drives (Playwright test projects use these too). */
export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: requireChromium(),
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(), ...extraArgs],
    headless: true,
  };
}

/**
 * Launches ONE Chromium that every engine shares: Playwright drives it, puppeteer (pa11y) and
 * Lighthouse attach to the same process over its debugging port.
 */
export async function launchSharedChromium(extraArgs: string[] = []): Promise<SharedChromium> {
  const cdpPort = await freePort();
  const options = chromiumLaunchOptions([`--remote-debugging-port=${cdpPort}`, '--remote-debugging-address=127.0.0.1', ...extraArgs]);
  const browser = await chromium.launch(options);
  const shared = { browser, cdpPort, version: browser.version(), executablePath: options.executablePath! };
  launched.set(browser, shared);
  return shared;
}

const launched = new WeakMap<Browser, SharedChromium>();

/** The shared Chromium a page runs in, when Portico launched it (so pa11y and Lighthouse can attach). */
export function sharedChromiumOf(browser: Browser | null): SharedChromium | undefined {
  return browser ? launched.get(browser) : undefined;
}
