/**
 * A tiny static server for exercising selfie.js on its own (no dependency on the reference app):
 * GET /selfie?gate=fair|naive-absolute[&exposure=face|frame] → a minimal capture page (exposure defaults to
 * 'frame' for the naive gate, as the defect behaves, and 'face' otherwise); the selfie static dirs; POST /selfie
 * → evaluates the submitted metrics with the gate and renders the verdict (#verdict data-*).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { evaluateSelfie, type SelfieGate, type SelfieMetrics } from './gate.ts';
import { selfieContentTypes, selfieStaticDirs } from './routes.ts';

export interface SelfieSubmission {
  gate: SelfieGate;
  faceFound: boolean;
  metrics: SelfieMetrics;
  verdict: ReturnType<typeof evaluateSelfie>;
}

export interface SelfieTestServer {
  url: string;
  submissions: SelfieSubmission[];
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function selfiePageHtml(gate: SelfieGate, exposure: 'face' | 'frame' = gate === 'naive-absolute' ? 'frame' : 'face'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Take a photo of your face</title></head>
<body><main>
<h1>Take a photo of your face</h1>
<form id="selfie-form" method="post" action="/selfie" data-gate="${escapeHtml(gate)}" data-exposure="${exposure}">
  <video id="selfie-video" playsinline muted width="320" height="240"></video>
  <canvas id="selfie-canvas" hidden></canvas>
  <input type="hidden" name="gate" value="${escapeHtml(gate)}">
  <input type="hidden" name="metrics" value="">
  <input type="hidden" name="faceFound" value="">
  <button type="button" id="selfie-take" disabled>Take photo</button>
  <p id="selfie-status" role="status"></p>
</form>
<p><a href="/in-person">I cannot take a photo</a></p>
</main>
<script type="module" src="/assets/selfie/selfie.js"></script>
</body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function serveStatic(pathname: string, res: ServerResponse): boolean {
  for (const { urlPrefix, dir } of selfieStaticDirs) {
    if (!pathname.startsWith(urlPrefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(pathname.slice(urlPrefix.length))));
    if (!file.startsWith(dir + sep)) break;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) break;
      res.writeHead(200, { 'content-type': selfieContentTypes[extname(file)] ?? 'application/octet-stream', 'content-length': stat.size });
      createReadStream(file).pipe(res);
      return true;
    } catch {
      break;
    }
  }
  return false;
}

export async function startSelfieTestServer(): Promise<SelfieTestServer> {
  const submissions: SelfieSubmission[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/selfie') {
        const gate = (url.searchParams.get('gate') ?? 'fair') as SelfieGate;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const exposure = url.searchParams.get('exposure');
        res.end(selfiePageHtml(gate, exposure === 'face' || exposure === 'frame' ? exposure : undefined));
        return;
      }
      if (req.method === 'POST' && url.pathname === '/selfie') {
        const form = new URLSearchParams(await readBody(req));
        const gate = (form.get('gate') ?? 'fair') as SelfieGate;
        const faceFound = form.get('faceFound') === 'true';
        const metrics = { ...(JSON.parse(form.get('metrics') || '{}') as SelfieMetrics), faceFound };
        const verdict = evaluateSelfie(metrics, { gate });
        submissions.push({ gate, faceFound, metrics, verdict });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Photo checked</title></head><body><main>
<h1>${verdict.accepted ? 'Photo accepted' : 'Photo not accepted'}</h1>
<p id="verdict" data-accepted="${verdict.accepted}" data-reason="${escapeHtml(verdict.reason ?? '')}" data-index="${submissions.length - 1}">${verdict.accepted ? 'Accepted' : `Not accepted: ${escapeHtml(verdict.reason ?? '')}`}</p>
</main></body></html>`);
        return;
      }
      if (req.method === 'GET' && serveStatic(url.pathname, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    submissions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
