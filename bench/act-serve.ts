/**
 * Serves the ACT corpus offline on loopback, at the path its pages expect:
 * /WAI/content-assets/wcag-act-rules/<testcases|test-assets>/… → the corpus folder.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';

export const CONTENT_PREFIX = '/WAI/content-assets/wcag-act-rules/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.mp4': 'video/mp4', '.webm': 'video/webm',
  '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.vtt': 'text/vtt', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
};

export interface CorpusServer {
  server: Server;
  origin: string;
  /** Requests the corpus could not answer (missing assets), by path. */
  missing: Set<string>;
  close(): Promise<void>;
}

export async function serveCorpus(dir: string): Promise<CorpusServer> {
  const root = resolve(dir);
  const missing = new Set<string>();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(CONTENT_PREFIX) ? normalize(resolve(root, path.slice(CONTENT_PREFIX.length))) : undefined;
    const body = file && file.startsWith(root + sep) ? await readFile(file).catch(() => null) : null;
    if (!body) {
      missing.add(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not in the corpus: ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file!).toLowerCase()] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, missing, close: () => new Promise((r) => server.close(() => r())) };
}

/** Hosts other than the corpus's a page refers to (a CDN, a web font, w3.org frames): they fail offline. */
export function externalHosts(html: string): string[] {
  const hosts = new Set<string>();
  // What the page loads (not where its links go): src/data/poster/srcset, CSS url() and @import, <link href>.
  const loads = /(?:\b(?:src|data|srcset|poster)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])(?:https?:)?\/\/([a-z0-9.-]+)/gi;
  const links = /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/([a-z0-9.-]+)/gi;
  for (const m of [...html.matchAll(loads), ...html.matchAll(links)]) hosts.add(m[1].toLowerCase());
  return [...hosts].sort();
}
