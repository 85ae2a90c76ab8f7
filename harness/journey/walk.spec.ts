import { test, expect } from '../../composition/playwright/fixtures.ts';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { walkFlow } from './walk.ts';
import type { Flow, Persona, Target } from './types.ts';
import type { JourneyArtifact } from './journey-artifact.ts';
import { screenReader } from '../../personas/screen-reader.ts';
import { transcriptProbe } from '../gatherers/probes/transcript.ts';
import { runAudits } from '../run-audits.ts';
import { AUDITS } from '../../audits/index.ts';

/** A page with what a screen reader must say: a heading, a required field with its error, an alert. No main landmark (a finding to attach evidence to). */
const FORM = `<!doctype html><html lang="en"><head><title>Create your account</title></head><body>
<h1>Create your account</h1>
<div role="alert"><p>Enter a valid email address</p></div>
<form method="post" action="/"><label for="email">Email</label>
<input id="email" name="email" type="email" required aria-invalid="true" aria-describedby="email-error">
<p id="email-error">Enter a valid email address</p><button>Continue</button></form></body></html>`;

let server: Server;
let base: string;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(FORM); return; }
    if (req.url === '/send') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><html lang="en"><title>Send</title><main><h1>Send your message</h1><div class="btn" onclick="void 0">Send now</div></main></html>'); return; }
    if (req.url === '/private') { res.writeHead(401, { 'content-type': 'text/html' }); res.end('<html lang="en"><title>Sign in</title><h1>Please sign in</h1></html>'); return; }
    res.writeHead(404, { 'content-type': 'text/html' }); res.end('<html lang="en"><title>Not found</title><h1>Page not found</h1></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => { server.closeAllConnections(); server.close(); });

// The screen-reader persona with only its transcript probe: what is tested here is the walk, not the engines.
const persona: Persona = screenReader;
const plan = { engines: [], probes: [transcriptProbe] };
const flows: Flow[] = [
  { id: 'transcript', title: 'Open the form', steps: [{ id: 'form', title: 'Open the form', async arrive(ctx) { await ctx.actor.goto('/'); } }] },
  { id: 'not-found', title: 'Open a page that is not there', steps: [{ id: 'missing', title: 'Open /missing', async arrive(ctx) { await ctx.actor.goto('/missing'); } }] },
  { id: 'unauthorised', title: 'Open a page that needs a sign-in', steps: [{ id: 'private', title: 'Open /private', async arrive(ctx) { await ctx.actor.goto('/private'); } }] },
  { id: 'harness-timeout', title: 'The harness cannot act', steps: [{ id: 'form', title: 'Wait for something that never comes', async arrive(ctx) { await ctx.actor.goto('/'); }, async act(ctx) { await ctx.page.locator('#never-there').click({ timeout: 500 }); } }] },
  { id: 'blocked', title: 'The person cannot act', steps: [{ id: 'form', title: 'Press a "button" that is a clickable div', async arrive(ctx) { await ctx.actor.goto('/send'); }, async act(ctx) { await ctx.actor.click('button', 'Send now'); } }] },
  { id: 'three-steps', title: 'Three pages, the second with an error page filed under it', steps: [
    { id: 'start', title: 'Open the form', async arrive(ctx) { await ctx.actor.goto('/'); } },
    { id: 'mistake', title: 'Open the send page', async arrive(ctx) { await ctx.actor.goto('/send'); } },
    { id: 'mistake-error', partOf: 'mistake', title: 'Back to the form', async arrive(ctx) { await ctx.actor.goto('/'); } },
    { id: 'after', title: 'A step after', async arrive(ctx) { await ctx.actor.goto('/'); } },
  ] },
  { id: 'no-such-control', title: 'The description is wrong for the page', steps: [{ id: 'form', title: 'Press a button the page does not have', async arrive(ctx) { await ctx.actor.goto('/'); }, async act(ctx) { await ctx.actor.click('button', 'Send now'); } }] },
];

async function walk(sharedChromium: { browser: import('playwright').Browser; cdpPort: number; version: string }, flowId: string, stopAfterStep?: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'portico-walk-'));
  const target: Target = { id: 'fixture', title: 'fixture', locales: ['en'], flows, start: async () => ({ baseURL: base, hooks: {}, close: async () => {} }) };
  const context = await sharedChromium.browser.newContext({ baseURL: base });
  const page = await context.newPage();
  try {
    const result = await walkFlow({ page, context, cdpPort: sharedChromium.cdpPort, browserVersion: sharedChromium.version, target, running: { baseURL: base, hooks: {}, close: async () => {} }, persona, plan, outDir, stopAfterStep }, flows.find((f) => f.id === flowId)!, 'en');
    return { result, outDir, journey: result.artifacts.at(-1)?.gathered.journey as JourneyArtifact };
  } finally {
    await context.close();
  }
}

test('the screen-reader transcript is written, says the headings, fields and errors in reading order, and is the evidence of the persona\'s findings', async ({ sharedChromium }) => {
  const { result, outDir } = await walk(sharedChromium, 'transcript');
  const file = join(outDir, 'evidence', 'screen-reader', 'transcript', '00-form', 'screen-reader-transcript.txt');
  expect(existsSync(file)).toBe(true);
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/Virtual Screen Reader/);
  const lines = text.split('\n');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  expect(at(/^heading, Create your account, level 1$/)).toBeGreaterThan(0);
  expect(at(/^alert$/)).toBeGreaterThan(at(/^heading, Create your account/));
  expect(at(/^textbox, Email, Enter a valid email address, invalid, required$/)).toBeGreaterThan(at(/^alert$/));
  expect(at(/^button, Continue$/)).toBeGreaterThan(at(/^textbox, Email/));
  const { findings } = runAudits(AUDITS, result.artifacts);
  const noMain = findings.find((f) => f.ruleId === 'landmark-one-main');
  expect(noMain?.evidence).toContainEqual(expect.objectContaining({ kind: 'transcript', path: 'evidence/screen-reader/transcript/00-form/screen-reader-transcript.txt' }));
});

for (const [flow, status] of [['not-found', 404], ['unauthorised', 401]] as const) {
  test(`a page asked for that answers HTTP ${status} makes the journey incomplete — it is not audited as the page asked for`, async ({ sharedChromium }) => {
    const { result, journey } = await walk(sharedChromium, flow);
    expect(result.incompleteAt).toBeDefined();
    expect(journey.incomplete).toMatch(new RegExp(`HTTP ${status} from GET /`));
    expect(result.artifacts.at(-1)?.gathered.transcript).toBeUndefined();
  });
}

test('a Playwright timeout while acting is the harness failing (incomplete with the cause), not the person blocked', async ({ sharedChromium }) => {
  const { result, journey } = await walk(sharedChromium, 'harness-timeout');
  expect(result.blockedAt).toBeUndefined();
  expect(result.incompleteAt).toBe('form');
  expect(journey.incomplete).toMatch(/^the harness could not act: .*Timeout 500ms exceeded/);
  const { verdicts, findings } = runAudits(AUDITS, result.artifacts);
  expect(findings.filter((f) => f.ruleId === 'journey-blocked')).toEqual([]);
  expect(verdicts.find((v) => v.auditId === 'journey-blocked')?.outcome).toBe('error');
});

test('what the person meets on the page (words shown as a control with no button role/name) is a barrier: blocked', async ({ sharedChromium }) => {
  const { result, journey } = await walk(sharedChromium, 'blocked');
  expect(result.incompleteAt).toBeUndefined();
  expect(result.blockedAt).toBe('form');
  expect(journey.blocked?.cause).toMatch(/could not find a button named "Send now"/);
});

test('a control the page does not have at all (not even its words) is an incomplete step, not a barrier', async ({ sharedChromium }) => {
  const { result, journey } = await walk(sharedChromium, 'no-such-control');
  expect(result.blockedAt).toBeUndefined();
  expect(result.incompleteAt).toBe('form');
  expect(journey.incomplete).toMatch(/the description names a control the page does not have: a button named "Send now"/);
});

test('a defect project\'s walk ends after the last step filed under its step (its error page included), and nothing after it is walked', async ({ sharedChromium }) => {
  const { result } = await walk(sharedChromium, 'three-steps', 'mistake');
  expect(result.blockedAt).toBeUndefined();
  expect(result.incompleteAt).toBeUndefined();
  expect(result.artifacts.map((a) => a.checkpoint)).toEqual(['start', 'mistake', 'mistake-error']);
  expect(result.artifacts.map((a) => a.context.step)).toEqual(['start', 'mistake', 'mistake']);
  const all = await walk(sharedChromium, 'three-steps');
  expect(all.result.artifacts.map((a) => a.checkpoint)).toEqual(['start', 'mistake', 'mistake-error', 'after']);
  await expect(walk(sharedChromium, 'three-steps', 'no-such-step')).rejects.toThrow(/flow "three-steps" has no step "no-such-step"/);
});
