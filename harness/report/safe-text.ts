import { escape } from 'html-escaper';

/** C0/C1 control characters (except tab and newline), lone surrogates and XML non-characters: never passed through. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripControls(s: string): string {
  return s.replace(UNSAFE, '\ufffd');
}

/** Page data as HTML text or attribute value: controls replaced, then escaped. */
export function h(s: unknown): string {
  return escape(stripControls(String(s ?? '')));
}

/** At most `max` characters of page data, saying how much was left out. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)} … (${s.length - max} more characters; see findings.json)`;
}

/**
 * An href that is safe to emit: http(s) URLs and relative paths inside the run directory only.
 * javascript:, data:, file: and anything else yields undefined (shown as text, never linked).
 */
export function safeHref(u: string | undefined): string | undefined {
  if (!u) return undefined;
  const v = stripControls(u).trim();
  if (/^https?:\/\//i.test(v)) return v;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) || v.startsWith('//') || v.split('/').includes('..')) return undefined;
  return v;
}
