import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import type { Page } from 'playwright';

/**
 * pa11y and Lighthouse speak puppeteer. Rather than a second browser, puppeteer attaches to the
 * Chromium Playwright launched (over its debugging port) and picks up the very same tab.
 */
const connections = new Map<number, Promise<PuppeteerBrowser>>();

export function connectPuppeteer(cdpPort: number): Promise<PuppeteerBrowser> {
  let connection = connections.get(cdpPort);
  if (!connection) {
    connection = puppeteer.connect({ browserURL: `http://127.0.0.1:${cdpPort}`, defaultViewport: null });
    connections.set(cdpPort, connection);
    connection.then((b) => b.on('disconnected', () => connections.delete(cdpPort)), () => connections.delete(cdpPort));
  }
  return connection;
}

export async function disconnectPuppeteer(cdpPort: number): Promise<void> {
  const connection = connections.get(cdpPort);
  connections.delete(cdpPort);
  if (connection) await (await connection).disconnect().catch(() => {});
}

async function targetIdOf(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    return targetInfo.targetId;
  } finally {
    await session.detach().catch(() => {});
  }
}

/** The puppeteer Page for the tab a Playwright Page drives. */
export async function puppeteerPageFor(page: Page, cdpPort: number): Promise<PuppeteerPage> {
  const browser = await connectPuppeteer(cdpPort);
  const targetId = await targetIdOf(page);
  const target = await browser.waitForTarget(
    (t) => (t as unknown as { _targetId?: string })._targetId === targetId,
    { timeout: 5_000 },
  );
  const found = await target.page();
  if (!found) throw new Error(`the tab ${targetId} is not a page puppeteer can drive`);
  return found;
}
