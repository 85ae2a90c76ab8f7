// Type declarations for the few dependencies that ship none.
declare module 'pa11y' {
  const pa11y: (url: string, options?: Record<string, unknown>) => Promise<{ documentTitle: string; pageUrl: string; issues: Array<Record<string, unknown>> }>;
  export default pa11y;
}
declare module 'html-escaper' {
  export function escape(value: string): string;
  export function unescape(value: string): string;
}
