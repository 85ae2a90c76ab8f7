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

/**
 * The unique token a journey puts into its data (an email address per run). Made here, next to the
 * rule that strips it, so the two cannot drift apart.
 */
export function newRunToken(...scope: string[]): string {
  return `${scope.join('-')}-run${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

// What changes between two runs of the same journey on the same app: run tokens, origins (hosts and
// ports of servers started per run), dates and times.
const VOLATILE: Array<[RegExp, string]> = [
  [/-run[0-9a-z]{8,20}/g, '-run*'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^/\s"'<>?#]+/gi, '(origin)'],
  [/\b(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d{2,5}\b/gi, '(host)'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, '(time)'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b/g, '(time)'],
];

/** A part of a fingerprint with everything run-specific replaced by a placeholder. */
export function stablePart(text: string): string {
  return VOLATILE.reduce((s, [pattern, placeholder]) => s.replace(pattern, placeholder), text);
}

/** Stable across runs: no timestamps, ports, hosts or run-specific ids go in. */
export function fingerprint(parts: FingerprintParts): string {
  const key = [parts.target ?? '', parts.persona ?? '', parts.flow ?? '', parts.checkpoint, stablePart(parts.pagePath), parts.ruleId, stablePart(parts.element)].join('\u241f');
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}
