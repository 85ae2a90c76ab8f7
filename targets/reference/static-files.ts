import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { loadSelfieModule } from './selfie-api.ts';

const here = dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

async function mounts(): Promise<Array<{ urlPrefix: string; dir: string }>> {
  const own = [{ urlPrefix: '/assets/app/', dir: join(here, 'static') }];
  const selfie = await loadSelfieModule();
  return [...own, ...(selfie?.selfieStaticDirs ?? [])];
}

/** Serve a static file if the path is under a mount; false when it is not ours. */
export async function serveStatic(pathname: string, res: ServerResponse): Promise<boolean> {
  if (pathname === '/assets/app.css') pathname = '/assets/app/app.css';
  if (pathname === '/assets/app.js') pathname = '/assets/app/app.js';
  if (!pathname.startsWith('/assets/')) return false;
  for (const m of await mounts()) {
    const prefix = m.urlPrefix.endsWith('/') ? m.urlPrefix : m.urlPrefix + '/';
    if (!pathname.startsWith(prefix)) continue;
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return false;
    }
    const root = resolve(m.dir);
    const file = resolve(root, normalize(rel));
    if (file !== root && !file.startsWith(root + sep)) continue;
    try {
      const st = await stat(file);
      if (!st.isFile()) continue;
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(file).pipe(res);
      return true;
    } catch {
      continue;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
  return true;
}
