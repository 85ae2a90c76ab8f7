import type { Page } from 'playwright';
import type { PageInfoArtifact } from './types.ts';

export async function gatherPageInfo(page: Page, status?: number): Promise<PageInfoArtifact> {
  const info = await page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    textSample: (document.body?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 4000),
  }));
  return { url: page.url(), ...info, status, viewport: page.viewportSize() };
}
