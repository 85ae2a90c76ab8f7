import { createHash } from 'node:crypto';

/**
 * Selectors differ between engines and between runs (generated ids, whitespace). The canonical DOM
 * path resolved in the page is preferred; a raw selector is normalised: whitespace collapsed,
 * combinator spacing unified, generated-looking ids and hashes replaced.
 */
export function normaliseSelector(selector: string | undefined): string {
  if (!selector) return '';
  return selector
    .replace(/\s*([>+~])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/#[A-Za-z_-]*\d[\w-]{5,}/g, '#*') // ids with long generated suffixes
    .replace(/\.(?:css|sc|jsx|emotion)-[\w-]+/g, '.*') // CSS-in-JS class hashes
    .trim()
    .toLowerCase();
}

export interface FingerprintParts {
  ruleId: string;
  element: string;
  pagePath: string;
  checkpoint: string;
  /** Journeys: who met the barrier (the same barrier met by two personas is two findings). */
  persona?: string;
  target?: string;
  flow?: string;
}

/** Stable across runs: no timestamps, ports, hosts or run-specific ids go in. */
export function fingerprint(parts: FingerprintParts): string {
  const key = [parts.target ?? '', parts.persona ?? '', parts.flow ?? '', parts.checkpoint, parts.pagePath, parts.ruleId, parts.element].join('\u241f');
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}
