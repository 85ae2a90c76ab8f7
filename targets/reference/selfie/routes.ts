/**
 * What the reference app must serve for the selfie step (all local; no CDN, no network).
 *
 *   /assets/selfie/      → client/ (selfie.js: the capture script)
 *   /assets/human/dist/  → @vladmandic/human browser ESM build (human.esm.js bundles tfjs 4.22)
 *   /assets/human/models/→ @vladmandic/human shipped weights (blazeface.json/.bin are the ones used)
 *   /assets/tfjs-wasm/   → @tensorflow/tfjs-backend-wasm 4.22.0 dist (the .wasm binaries). human's
 *                          bundle contains the wasm backend's JavaScript but not its binaries, and
 *                          would fetch them from jsDelivr by default; the package is pinned to the
 *                          tfjs version human was built with (dist/tfjs.version.js: 4.22.0), since the
 *                          JS glue and the binary must match.
 *
 * selfie.js finds the others relative to its own URL (../human/…, ../tfjs-wasm/), so keep the
 * prefixes together. Serve .wasm as application/wasm and .js as text/javascript.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { evaluateSelfie } from './gate.ts';
export type { SelfieMetrics, SelfieGate, SelfieVerdict } from './gate.ts';

const require = createRequire(import.meta.url);
// human's package exports expose neither package.json nor dist/ paths to Node; its main entry
// (dist/human.node.js) locates the package.
const humanRoot = dirname(dirname(require.resolve('@vladmandic/human')));
const tfjsWasmRoot = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));

export const selfieStaticDirs: Array<{ urlPrefix: string; dir: string }> = [
  { urlPrefix: '/assets/selfie/', dir: join(dirname(fileURLToPath(import.meta.url)), 'client') },
  { urlPrefix: '/assets/human/dist/', dir: join(humanRoot, 'dist') },
  { urlPrefix: '/assets/human/models/', dir: join(humanRoot, 'models') },
  { urlPrefix: '/assets/tfjs-wasm/', dir: join(tfjsWasmRoot, 'dist') },
];

/** Content types for the files above. */
export const selfieContentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};
