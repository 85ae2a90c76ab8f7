import { test, expect } from '@playwright/test';
import { portico } from './spawn-cli.ts';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Finding, RunBundle } from '../../harness/types.ts';
import { freePort } from '../../harness/browser/launch.ts';

const root = resolve(import.meta.dirname, '..', '..');
const pages = join(root, 'harness', 'test-pages');


const outDir = () => mkdtempSync(join(tmpdir(), 'portico-audit-'));
const readBundle = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle;
const barriers = (b: RunBundle) => b.findings.filter((f) => f.outcome === 'failed' && f.category === 'barrier');
const rule = (b: RunBundle, id: string) => barriers(b).filter((f: Finding) => f.ruleId === id);

test.describe.configure({ mode: 'parallel' });

test('the violations page: each known barrier found once, with its standards and the engines that agree; exit 1', async () => {
  const out = outDir();
  const r = await portico(['audit', '--engines', 'all', '--out', out, join(pages, 'violations.html')]);
  expect(r.code, r.stderr).toBe(1);
  const b = readBundle(out);
  expect(b.status).toBe('barriers');
  const alt = rule(b, 'image-alt');
  expect(alt).toHaveLength(1);
  expect(alt[0].engines).toEqual(['axe', 'lighthouse', 'htmlcs']);
  expect(alt[0].requirements.wcag).toEqual(['1.1.1']);
  expect(alt[0].requirements.trustedTester).toContain('7.A');
  expect(alt[0].requirements.section508.join()).toMatch(/E205\.4/);
  for (const [id, sc] of [['label', '4.1.2'], ['color-contrast', '1.4.3'], ['html-has-lang', '3.1.1'], ['button-name', '4.1.2']]) {
    const list = rule(b, id);
    expect(list, id).toHaveLength(1);
    expect(list[0].engines.length, id).toBeGreaterThanOrEqual(2);
    expect(list[0].requirements.wcag, id).toContain(sc);
  }
  expect(rule(b, 'duplicate-id')[0].requirements.wcag).toEqual(['4.1.1']);
  expect(rule(b, 'keyboard-trap')[0].requirements.wcag).toEqual(['2.1.2']);
  // Text summary grouped by criterion with counts, and versions recorded.
  expect(r.stdout).toMatch(/1\.1\.1 Non-text Content \(A\).*— 1 issue \(1 occurrence\)/);
  expect(r.stdout).toMatch(/2\.1\.2 No Keyboard Trap/);
  for (const k of ['chromium', 'axe-core', 'lighthouse', 'html_codesniffer', 'pa11y']) expect(b.versions[k], k).toBeTruthy();
});

test('the clean twin: no barriers, exit 0', async () => {
  const out = outDir();
  const r = await portico(['audit', '--engines', 'all', '--out', out, join(pages, 'clean.html')]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const b = readBundle(out);
  expect(b.status).toBe('clean');
  expect(barriers(b)).toEqual([]);
  expect(r.stdout).toMatch(/CLEAN/);
});

test('replaying saved artifacts with no browser gives the same findings as the live run', async () => {
  const out = outDir();
  const live = await portico(['audit', '--out', out, join(pages, 'violations.html'), join(pages, 'clean.html')]);
  expect(live.code).toBe(1);
  const replayOut = outDir();
  const replay = await portico(['audit', '--replay', join(out, 'artifacts'), '--out', replayOut, '--format', 'json']);
  expect(replay.code).toBe(1);
  const summary = (b: RunBundle) => b.findings.map((f) => `${f.fingerprint} ${f.ruleId} ${f.engines.join('+')} ${f.outcome}`).sort();
  expect(summary(JSON.parse(replay.stdout))).toEqual(summary(readBundle(out)));
});

test.describe('a target that cannot be audited is incomplete (exit 2), never clean', () => {
  let server: Server;
  let base: string;
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/500') { res.writeHead(500, { 'content-type': 'text/html' }); res.end('<html lang="en"><title>x</title><h1>Server error</h1></html>'); }
      else if (req.url === '/hang') { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html lang="en"><title>slow</title><body><h1>Loading'); /* never ends */ }
      else { res.writeHead(404); res.end(); }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => { server.closeAllConnections(); server.close(); });

  test('closed port', async () => {
    const port = await freePort();
    const out = outDir();
    const r = await portico(['audit', '--out', out, `http://127.0.0.1:${port}/`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/INCOMPLETE/);
    expect(r.stdout).toMatch(/connection refused/);
    expect(readBundle(out).status).toBe('incomplete');
  });
  test('HTTP 500', async () => {
    const r = await portico(['audit', '--out', outDir(), `${base}/500`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/HTTP 500/);
  });
  test('a page that never finishes loading', async () => {
    const r = await portico(['audit', '--timeout', '3', '--out', outDir(), `${base}/hang`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/timed out/);
  });
  test('one bad page among good ones still makes the run incomplete', async () => {
    const r = await portico(['audit', '--out', outDir(), join(pages, 'clean.html'), `${base}/500`]);
    expect(r.code).toBe(2);
  });
  test('a replay of an incomplete run stays incomplete: the original causes are kept', async () => {
    const out = outDir();
    expect((await portico(['audit', '--out', out, join(pages, 'clean.html'), `${base}/404`])).code).toBe(2);
    const replay = await portico(['audit', '--replay', join(out, 'artifacts'), '--out', outDir()]);
    expect(replay.code, replay.stdout + replay.stderr).toBe(2);
    expect(replay.stdout).toMatch(/INCOMPLETE/);
    expect(replay.stdout).toMatch(/\/404: (HTTP 404|ERR_HTTP_RESPONSE_CODE_FAILURE)/);
  });
});

test('hostile page content is kept as data, not interpreted', async () => {
  const out = outDir();
  const r = await portico(['audit', '--engines', 'axe', '--out', out, join(pages, 'hostile.html')]);
  expect(r.code, r.stderr).toBe(1); // the unlabelled input is a real barrier on that page
  const b = readBundle(out);
  // The DOM's own serialisation of the hostile value, byte for byte, in the finding and the printed summary.
  const input = b.findings.find((f) => f.ruleId === 'label')!;
  expect(input.snippet).toBe('<input type="text" value="&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;">');
  // The page title with a closing script tag survives the artifacts round trip unchanged.
  const artifacts = JSON.parse(readFileSync(join(out, 'artifacts', '000-page.json'), 'utf8'));
  expect(artifacts.gathered.pageInfo.title).toBe('Fixture: hostile content </script>');
  expect(artifacts.gathered.pageInfo.textSample).toContain('</script><script>alert(1)</script>');
});

test('bad usage exits 64 with a message that says what is wrong', async () => {
  const unknown = await portico(['audit', '--engines', 'axe,wave', join(pages, 'clean.html')]);
  expect(unknown.code).toBe(64);
  expect(unknown.stderr).toMatch(/unknown engine\(s\) wave/);
  const missing = await portico(['audit', 'no-such-page.html']);
  expect(missing.code).toBe(64);
  expect(missing.stderr).toMatch(/neither a URL nor an existing file/);
  const none = await portico(['audit']);
  expect(none.code).toBe(64);
  const help = await portico(['audit', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/--replay/);
});
