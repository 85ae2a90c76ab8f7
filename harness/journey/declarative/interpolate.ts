import type { StepContext } from '../types.ts';

/** What a value becomes when the persona has nothing to put there (no US address): the field is left as that person would leave it. */
export const SKIP = Symbol('skip: this persona has no value here');

/**
 * "{persona.email}", "{persona.usAddress.street}", "{mail.code}", "{lang}" → this journey's values.
 * A value under a part the persona does not have (usAddress: null) → SKIP: the person leaves it
 * empty. A name the persona's data never has is the description's mistake: the harness cannot act
 * (an Error, so the run is incomplete), never a barrier of the page.
 */
export function interpolateValue(text: string, ctx: Pick<StepContext, 'data' | 'state'> & { locale?: string }): string | typeof SKIP {
  let skip = false;
  const out = text.replace(/\{((?:persona|mail)(?:\.\w+)+|lang)\}/g, (whole, path: string) => {
    if (path === 'lang') return String(ctx.state?.requestedLanguage ?? ctx.locale ?? '');
    const [root, ...keys] = path.split('.');
    if (root === 'mail') {
      const v = (ctx.state?.mail as Record<string, unknown> | undefined)?.[keys.join('.')];
      if (typeof v === 'string') return v;
      throw new Error(`the target file asks for ${whole}, but no mail has given one yet`);
    }
    let node: unknown = ctx.data;
    for (const [i, k] of keys.entries()) {
      if (node === null) { skip = true; return ''; }
      if (typeof node !== 'object' || !(k in (node as object))) {
        throw new Error(`the target file asks for ${whole}, which this persona has no value for`);
      }
      node = (node as Record<string, unknown>)[k];
      if (node === null && i === keys.length - 1) { skip = true; return ''; }
    }
    if (typeof node === 'string' || typeof node === 'number') return String(node);
    if (node === null || node === undefined) { skip = true; return ''; }
    throw new Error(`the target file asks for ${whole}, which is not a single value (use a field inside it)`);
  });
  return skip ? SKIP : out;
}

/** For text that must have a value (a URL, an address to wait for). */
export function interpolate(text: string, ctx: Pick<StepContext, 'data'> & Partial<Pick<StepContext, 'state'>>): string {
  const v = interpolateValue(text, { state: {}, ...ctx });
  if (v === SKIP) throw new Error(`the target file asks for "${text}", which this persona has no value for`);
  return v;
}

/** serve.command / serve.env placeholders: {node}, {port}, {profile}, {defects}, {mail.smtpPort}. */
export function interpolateServe(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(node|port|profile|defects|mail\.smtpPort)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** The part of the persona's data a value needs that the persona does not have ("{persona.usAddress.street}" with usAddress: null → "usAddress"), or undefined. */
export function lackingPart(text: string, data: unknown): string | undefined {
  for (const m of text.matchAll(/\{persona((?:\.\w+)+)\}/g)) {
    let node: unknown = data;
    for (const k of m[1].slice(1).split('.')) {
      if (node === null || typeof node !== 'object') break;
      node = (node as Record<string, unknown>)[k];
      if (node === null) return k;
    }
  }
  return undefined;
}
