import { test, expect } from '../../../composition/playwright/fixtures.ts';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { walkFlow } from '../walk.ts';
import type { Target } from '../types.ts';
import { parseDeclarativeTarget, declarativeToTarget } from './index.ts';
import { pageTextProbe } from '../../gatherers/probes/page-text.ts';
import { keyboard } from '../../../personas/keyboard.ts';

/**
 * A page that draws itself in the browser after `load`, as single-page apps do: the server sends
 * "Loading…", a module script fetches the form's data (answered after 1.2 s) and renders it. The
 * page a described `goto` arrives at is audited once it has settled, not while it says "Loading…".
 */
let server: Server;
let base: string;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/data') { setTimeout(() => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ title: 'Apply for help with rent' })); }, 1200); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Apply</title></head><body><div id="app"><p>Loading…</p></div>
<script type="module">const d = await (await fetch('/data')).json();
document.getElementById('app').innerHTML = '<main><h1>' + d.title + '</h1><form><label for="n">Full name</label><input id="n"><button type="button">Continue</button></form></main>';</script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => { server.closeAllConnections(); server.close(); });

test('the page a goto arrives at is audited once it has drawn itself, not while it says "Loading…"', async ({ sharedChromium }) => {
  const target: Target = declarativeToTarget(parseDeclarativeTarget(`
baseURL: http://127.0.0.1:1
flows:
  - id: apply
    title: Open the form
    steps:
      - { id: start, goto: / }
`, 'rendered-late.target.yaml'));
  const context = await sharedChromium.browser.newContext({ baseURL: base, locale: 'en' });
  const page = await context.newPage();
  try {
    const result = await walkFlow({ page, context, cdpPort: sharedChromium.cdpPort, browserVersion: sharedChromium.version, target, running: { baseURL: base, hooks: {}, close: async () => {} }, persona: keyboard, plan: { engines: [], probes: [pageTextProbe] }, outDir: mkdtempSync(join(tmpdir(), 'portico-late-')) }, target.flows[0], 'en');
    const text = result.artifacts[0].gathered['page-text'] as { headings: Array<{ text: string }>; labels: Array<{ text: string }> };
    expect(text.headings.map((h) => h.text)).toEqual(['Apply for help with rent']);
    expect(text.labels.map((l) => l.text)).toEqual(['Full name']);
  } finally {
    await context.close();
  }
});
