import type { Page, Request } from 'playwright';

/**
 * Runs `work` (attaching a file, say), then waits for the requests the page started meanwhile, or
 * within `quietMs` after, to finish — at most `timeoutMs`. A page that uploads a file as soon as it
 * is chosen shows "uploaded" when its request ends; a person waits for that before pressing
 * Continue, and on a slow connection the harness must too, or the form is sent before the file
 * arrived and the page's "select a photo" is the harness's doing, not the page's.
 * Returns how many such requests were still running when it stopped waiting (0: all settled).
 */
export async function afterRequestsSettle(page: Page, work: () => Promise<void>, { quietMs = 300, timeoutMs = 30_000 } = {}): Promise<number> {
  const pending = new Set<Request>();
  const started = (r: Request) => { pending.add(r); };
  const ended = (r: Request) => { pending.delete(r); };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    await work();
    await page.waitForTimeout(quietMs);
    const until = Date.now() + timeoutMs;
    while (pending.size > 0 && Date.now() < until && !page.isClosed()) await page.waitForTimeout(100);
    return pending.size;
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
