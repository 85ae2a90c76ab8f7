import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Artifacts } from '../../../types.ts';

/** file:// URL of a fixture page of one audit: test-pages/<audit>/<name>. */
export const testPage = (audit: string, name: string) => pathToFileURL(resolve(import.meta.dirname, audit, name)).href;

/** Artifacts holding one gathered payload, as a checkpoint would (for running an audit in a spec or test). */
export const artifactsWith = (key: string, payload: unknown): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'page', url: 'file:///fixtures/page.html', pagePath: '/page.html', context: {}, gatheredAt: '', versions: {}, gathered: { [key]: payload },
});
export const auditCtx = { checkpoint: 'page', url: 'file:///fixtures/page.html', pagePath: '/page.html', context: {} };
