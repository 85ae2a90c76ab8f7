import type { Finding } from '../types.ts';
import { unearnedHtmlcsCheck } from './htmlcs-precision.ts';

/** Same person, page and checkpoint. */
const placeKey = (f: Finding) => [f.context.target, f.context.persona, f.context.flow, f.context.checkpoint, f.context.url].join('|');

/** An HTML_CodeSniffer error held back as cantTell because its check fails passing cases. */
export function isHeldBackHtmlcsError(f: Finding): boolean {
  const code = f.engineRules.htmlcs;
  return f.outcome === 'cantTell' && f.engines.length === 1 && f.engines[0] === 'htmlcs' && !!code && !!unearnedHtmlcsCheck(code);
}

/**
 * A held-back HTML_CodeSniffer error becomes a barrier when another engine or a Portico audit
 * failed the same element (same canonical DOM path, same place) under one of its criteria: two
 * independent checks agreeing is what the held-back check alone has not earned.
 */
export function corroborateHeldBack(findings: Finding[]): Finding[] {
  const failedBy = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.outcome !== 'failed' || !f.domPath || f.engines.every((e) => e === 'htmlcs')) continue;
    const key = `${placeKey(f)}|${f.domPath}`;
    failedBy.set(key, [...(failedBy.get(key) ?? []), f]);
  }
  return findings.map((f) => {
    if (!isHeldBackHtmlcsError(f) || !f.domPath) return f;
    const agreeing = (failedBy.get(`${placeKey(f)}|${f.domPath}`) ?? []).filter((o) => o.requirements.wcag.some((sc) => f.requirements.wcag.includes(sc)));
    if (agreeing.length === 0) return f;
    const who = [...new Set(agreeing.flatMap((o) => o.engines.filter((e) => e !== 'htmlcs')))];
    return { ...f, outcome: 'failed', message: `${f.message} — confirmed by ${who.join(', ')} (${[...new Set(agreeing.map((o) => o.ruleId))].join(', ')})` };
  });
}
