import { test, expect } from '../../../composition/playwright/fixtures.ts';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { walkFlow } from '../walk.ts';
import type { Target } from '../types.ts';
import type { JourneyArtifact } from '../journey-artifact.ts';
import { parseDeclarativeTarget, declarativeToTarget } from './index.ts';
import { lowVision } from '../../../personas/low-vision.ts';

/**
 * A server-rendered form (Bootstrap-style) that refuses a phone number too short and shows the form
 * again at its own address with the errors — in one version with what the person entered, in the
 * other empty. The description makes the mistake on purpose; the dropped values are observed (3.3.7),
 * the refused phone number itself is not (a page may empty the value it cannot accept).
 */
let keeps = true;
const field = (id: string, label: string, value: string, error?: string) => `<div class="mb-3"><label class="form-label" for="${id}">${label}</label>
<input class="form-control${error ? ' is-invalid' : ''}" id="${id}" name="${id}" value="${value}"${error ? ` aria-describedby="${id}-feedback"` : ''}>${error ? `<div id="${id}-feedback" class="invalid-feedback" style="display:block">${error}</div>` : ''}</div>`;
const form = (v: Record<string, string>, error?: string) => `<!doctype html><html lang="en"><head><title>Your details</title></head><body><main><h1>Your details</h1>
${error ? '<div class="alert alert-danger" role="alert">Please correct the field marked below.</div>' : ''}
<form method="post" action="/details">${field('given', 'Given names', v.given ?? '')}${field('family', 'Family names', v.family ?? '')}${field('phone', 'Phone', v.phone ?? '', error)}
<button class="btn btn-primary" type="submit">Continue</button></form></main></body></html>`;

let server: Server;
let base: string;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const html = (body: string) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const v = Object.fromEntries(new URLSearchParams(body));
        if ((v.phone ?? '').replace(/\D/g, '').length < 7) return html(form(keeps ? v : {}, 'Enter a phone number with at least 7 digits'));
        html('<!doctype html><html lang="en"><title>Done</title><main><h1>Thank you</h1></main></html>');
      });
      return;
    }
    html(form({}));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => { server.closeAllConnections(); server.close(); });

const target: Target = declarativeToTarget(parseDeclarativeTarget(`
baseURL: http://127.0.0.1:1
flows:
  - id: details
    title: Give my details, with a phone number too short
    steps:
      - id: details
        goto: /details
        form: true
        fill:
          - { label: Given names, value: "{persona.givenNames}" }
          - { label: Family names, value: "{persona.familyNames}" }
          - { label: Phone, value: "123" }
        click: { role: button, name: Continue }
`, 'kept-after-refusal.target.yaml'));

async function walk(sharedChromium: { browser: import('playwright').Browser; cdpPort: number; version: string }) {
  const context = await sharedChromium.browser.newContext({ baseURL: base, locale: 'en' });
  const page = await context.newPage();
  try {
    const result = await walkFlow({ page, context, cdpPort: sharedChromium.cdpPort, browserVersion: sharedChromium.version, target, running: { baseURL: base, hooks: {}, close: async () => {} }, persona: lowVision, plan: { engines: [], probes: [] }, outDir: mkdtempSync(join(tmpdir(), 'portico-kept-')) }, target.flows[0], 'en');
    return (result.artifacts[0].gathered.journey as JourneyArtifact).observations;
  } finally {
    await context.close();
  }
}

test.describe.configure({ mode: 'serial' });

test('a refused form shown again with what was entered: nothing observed', async ({ sharedChromium }) => {
  keeps = true;
  expect((await walk(sharedChromium)).filter((o) => o.ruleId === 'data-lost-after-error')).toEqual([]);
});

test('a refused form shown again empty: the dropped fields are named (3.3.7), the refused phone number is not', async ({ sharedChromium }) => {
  keeps = false;
  const [lost, ...more] = (await walk(sharedChromium)).filter((o) => o.ruleId === 'data-lost-after-error');
  expect(more).toEqual([]);
  expect(lost).toMatchObject({ key: 'details', wcag: ['3.3.7'] });
  expect(lost.message).toMatch(/Given names ".+" → empty, Family names ".+" → empty\./);
  expect(lost.message).not.toMatch(/Phone "123"/);
  expect(lost.message).toMatch(/Enter a phone number with at least 7 digits/);
});
