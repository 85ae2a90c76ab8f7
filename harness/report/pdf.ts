import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../browser/launch.ts';

/**
 * Prints HTML to a tagged PDF with an outline in Chromium, with JavaScript off and every request
 * refused except local files under `allowDir` (the run's screenshots): nothing is fetched, nothing runs.
 */
export async function printPdf(html: string, allowDir: string): Promise<Buffer> {
  const tmp = mkdtempSync(join(tmpdir(), 'portico-pdf-'));
  const page = join(tmp, 'complaint.html');
  writeFileSync(page, html);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const allowed = [pathToFileURL(page).href, `${pathToFileURL(allowDir).href.replace(/\/?$/, '/')}`];
    await context.route('**/*', (route) => (allowed.some((a) => route.request().url().startsWith(a)) ? route.continue() : route.abort()));
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    return await tab.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>' });
  } finally {
    await browser.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
}
