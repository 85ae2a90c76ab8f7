import { readFileSync, existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Flow, Step, StepContext, Target } from './types.ts';
import { expectArrival } from './expect.ts';
import { BlockedError, UNATTRIBUTED_BLOCK } from './actors.ts';

const ROLES = ['button', 'link', 'checkbox', 'radio', 'tab', 'menuitem'] as const;
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'use letters, digits and hyphens');
const fill = z.object({ label: z.string().min(1), value: z.string(), within: z.string().optional() }).strict();
const stepSchema = z.object({
  id,
  title: z.string().min(1),
  goto: z.string().startsWith('/', 'must be a path starting with /').optional(),
  fill: z.union([fill, z.array(fill)]).optional(),
  select: z.union([z.object({ label: z.string(), option: z.string(), within: z.string().optional() }).strict(), z.array(z.object({ label: z.string(), option: z.string(), within: z.string().optional() }).strict())]).optional(),
  check: z.union([z.string(), z.array(z.string())]).optional(),
  click: z.object({ role: z.enum(ROLES), name: z.string().min(1) }).strict().optional(),
  expect: z.object({ heading: z.string().optional(), text: z.string().optional(), url: z.string().optional() }).strict().optional(),
  checkpoint: z.boolean().optional(),
}).strict();
const targetSchema = z.object({
  id,
  title: z.string().min(1),
  baseURL: z.string().url('must be an absolute http(s) URL'),
  locales: z.array(z.string().min(2)).min(1).default(['en']),
  flows: z.array(z.object({ id, title: z.string().min(1), personas: z.array(z.string()).optional(), steps: z.array(stepSchema).min(1) }).strict()).min(1),
}).strict();

export type DeclarativeTarget = z.infer<typeof targetSchema>;

export class TargetFileError extends Error {}

/** "flows[0].steps[2]" → `flow "checkout", step "search"` when ids are readable. */
function where(raw: unknown, path: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as never];
    if (typeof key === 'number' && node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') {
      parts.push(`${String(path[i - 1]) === 'flows' ? 'flow' : 'step'} "${(node as { id: string }).id}"`);
    } else if (typeof key === 'number') parts.push(`${String(path[i - 1])}[${key}]`);
    else if (!['flows', 'steps'].includes(String(key)) || i === path.length - 1) parts.push(String(key));
  }
  return parts.join(' › ') || '(top level)';
}

/** Parses and validates a target description; every error names the file, the step and what is wrong. */
export function parseDeclarativeTarget(text: string, file: string): DeclarativeTarget {
  let raw: unknown;
  try {
    raw = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new TargetFileError(`${file}: not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = targetSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${where(raw, issue.path)}: ${issue.message}`);
    throw new TargetFileError(`${file}: ${lines.length} problem(s) in the target description:\n${lines.join('\n')}`);
  }
  for (const flow of result.data.flows) {
    const seen = new Set<string>();
    for (const step of flow.steps) {
      if (seen.has(step.id)) throw new TargetFileError(`${file}: flow "${flow.id}" › step "${step.id}": step ids must be unique within a flow`);
      seen.add(step.id);
      if (!step.goto && !step.fill && !step.select && !step.check && !step.click && !step.expect) {
        throw new TargetFileError(`${file}: flow "${flow.id}" › step "${step.id}": a step needs at least one of goto, fill, select, check, click, expect`);
      }
    }
  }
  return result.data;
}

/** "{persona.email}" → the persona's data for this journey. */
export function interpolate(text: string, ctx: Pick<StepContext, 'data'>): string {
  return text.replace(/\{persona\.(\w+)\}/g, (whole, key: string) => {
    const value = (ctx.data as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new BlockedError(`the target file asks for ${whole}, which this persona has no value for`, 'following the target description', UNATTRIBUTED_BLOCK);
  });
}

function toStep(s: DeclarativeTarget['flows'][number]['steps'][number]): Step {
  const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return {
    id: s.id,
    title: s.title,
    checkpoint: s.checkpoint,
    arrive: s.goto ? async (ctx) => { await ctx.actor.goto(s.goto!); } : undefined,
    async act(ctx) {
      for (const f of list(s.fill)) await ctx.actor.fill(f.label, interpolate(f.value, ctx), { within: f.within });
      for (const f of list(s.select)) await ctx.actor.select(f.label, interpolate(f.option, ctx), { within: f.within });
      for (const c of list(s.check)) await ctx.actor.check(c);
      if (s.click) await ctx.actor.click(s.click.role, s.click.name);
      if (s.expect?.heading) await expectArrival(ctx.page, s.expect.heading, `step "${s.title}"`);
      if (s.expect?.text) await ctx.page.getByText(s.expect.text).first().waitFor({ timeout: 8_000 }).catch(() => { throw new BlockedError(`expected to read "${s.expect!.text}" after "${s.title}"`, 'following the target description', UNATTRIBUTED_BLOCK); });
      if (s.expect?.url && !new URL(ctx.page.url()).pathname.startsWith(s.expect.url)) throw new BlockedError(`expected to be at ${s.expect.url} after "${s.title}", but at ${new URL(ctx.page.url()).pathname}`, 'following the target description', UNATTRIBUTED_BLOCK);
    },
  };
}

export function declarativeToTarget(d: DeclarativeTarget): Target {
  const flows: Flow[] = d.flows.map((f) => ({ id: f.id, title: f.title, personas: f.personas, steps: f.steps.map(toStep) }));
  return {
    id: d.id,
    title: d.title,
    locales: d.locales,
    flows,
    async start() {
      // PORTICO_BASE_URL points a described target at another deployment (staging, a local port).
      const baseURL = (process.env.PORTICO_BASE_URL ?? d.baseURL).replace(/\/$/, '');
      return { baseURL, hooks: {}, close: async () => {} };
    },
  };
}

export function loadDeclarativeTarget(file: string): Target {
  const path = resolve(file);
  if (!existsSync(path)) throw new TargetFileError(`target "${file}" is neither a built-in target (reference) nor an existing file`);
  return declarativeToTarget(parseDeclarativeTarget(readFileSync(path, 'utf8'), file));
}
