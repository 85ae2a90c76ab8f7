import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { afterRequestsSettle } from './requests-settle.ts';

// A page that uploads the chosen file at once (as GOV.UK-style JS uploaders do) and says so when its request ends.
const PAGE = `<!doctype html><html lang="en"><title>Upload</title><main><label for="f">Photo</label><input type="file" id="f">
<p role="status" id="s">no file yet</p><script>
document.getElementById('f').addEventListener('change', async (e) => {
  await fetch('/upload', { method: 'POST', body: e.target.files[0] });
  document.getElementById('s').textContent = 'uploaded';
});</script></main></html>`;

let server: Server;
let url = '';
test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/upload') { req.resume(); req.on('end', () => setTimeout(() => res.end('ok'), 1500)); return; }
    res.setHeader('content-type', 'text/html'); res.end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
test.afterAll(() => { server.close(); });

const attach = (page: import('@playwright/test').Page) => page.getByLabel('Photo').setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: Buffer.alloc(2000, 1) });

test('waits for the upload the page started when the file was chosen', async ({ page }) => {
  await page.goto(url);
  const left = await afterRequestsSettle(page, () => attach(page));
  expect(left).toBe(0);
  await expect(page.locator('#s')).toHaveText('uploaded', { timeout: 100 });
});

test('without it the upload is still running (what made a slow-network persona send the form too early)', async ({ page }) => {
  await page.goto(url);
  await attach(page);
  await expect(page.locator('#s')).toHaveText('no file yet');
});

test('stops waiting after its timeout and says how many requests were still running', async ({ page }) => {
  await page.goto(url);
  expect(await afterRequestsSettle(page, () => attach(page), { timeoutMs: 200 })).toBe(1);
});
