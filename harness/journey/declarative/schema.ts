import { extname, basename, dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PURPOSE_IDS } from './purposes.ts';
import { OPTIONAL_DATA_PARTS, PERSONA_VALUE_PATHS } from '../types.ts';

/**
 * The declarative target format: every key a person can write in a target file, validated here.
 * Unknown keys are rejected (strict objects) so a typo never silently drops a step.
 */
export const ROLES = ['button', 'link', 'checkbox', 'radio', 'tab', 'menuitem'] as const;
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'use letters, digits and hyphens');
const lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 language tag such as en, es, ht, pt-BR');
/** Words a person reads: one string, or one per language ({ en: Email address, es: Correo electrónico }) for flows walked in several. */
const words = z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]);
export type Words = z.infer<typeof words>;
/** `optional: true` — fill it when the page has the field (forms that change with the country or an earlier answer); a page without it is not the description's mistake. */
const optional = z.boolean().optional();
const fill = z.object({ label: words, value: z.string(), within: words.optional(), optional }).strict();
/** A closed list: choose the option that reads `option`, or (for a value not worded alike in every language, a country code) the one whose `value` it is. */
const select = z.object({ label: words, option: z.string().optional(), value: z.string().optional(), within: words.optional(), optional }).strict()
  .refine((x) => (x.option === undefined) !== (x.value === undefined), 'give option (the words shown) or value (the option\'s value), not both');
const control = z.object({ role: z.enum(ROLES), name: words }).strict();
/** A checkbox or radio to choose, by its label; `{ label, optional: true }` when the page may not offer it ("I do not have a fixed address"). */
const check = z.union([words, z.object({ label: words, optional }).strict()]);
export type CheckEntry = z.infer<typeof check>;
const isCheckObject = (c: CheckEntry): c is { label: Words; optional?: boolean } => typeof c === 'object' && 'label' in c && typeof c.label !== 'boolean';
export const checkLabel = (c: CheckEntry): Words => (isCheckObject(c) ? c.label : c);
export const checkOptional = (c: CheckEntry): boolean => isCheckObject(c) && c.optional === true;
/** A control the person needs on this page, and what for: absent (the page otherwise there), the person is blocked, filed under the purpose. */
const needed = z.object({ role: z.enum(ROLES), name: words, for: z.enum(PURPOSE_IDS, { error: `use one of ${PURPOSE_IDS.join(', ')}` }) }).strict();
/** What the page shows: a text, a heading, or both. */
const shows = z.object({ text: words.optional(), heading: words.optional() }).strict()
  .refine((s) => s.text || s.heading, 'give text or heading');
const ms = z.number().int().positive().max(600_000);

const stepSchema = z.object({
  id,
  title: z.string().min(1).optional(),
  goto: z.string().startsWith('/', 'must be a path starting with /').optional(),
  fill: z.union([fill, z.array(fill)]).optional(),
  select: z.union([select, z.array(select)]).optional(),
  check: z.union([check, z.array(check)]).optional(),
  click: control.optional(),
  // One or a list, read as a list (so an error names the entry and its key: require[0] › for).
  require: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(needed)).optional(),
  expect: z.object({ heading: words.optional(), text: words.optional(), url: z.string().optional(), timeout: ms.optional() }).strict()
    .refine((e) => e.heading || e.text || e.url, 'give at least one of url, heading, text').optional(),
  /** A form step: the time-limit persona waits here; the after-submit checks run. */
  form: z.boolean().optional(),
  checkpoint: z.boolean().optional(),
  /** The connection drops as the click sends the form; back online the form must keep what was entered (then the click is made again). */
  sendOffline: z.boolean().optional(),
  /** On this form step the time-limits persona is away past the session's end: the time-out warning goes unanswered (needs session.signIn). */
  away: z.boolean().optional(),
  /** The checkpoint is filed under this earlier step (the page after a mistake is part of the form step). */
  partOf: id.optional(),
  language: lang.optional(),
  waitForMail: z.object({
    to: z.string().min(1),
    /** A regular expression whose first group is the code ({mail.code}). */
    code: z.string().min(1).refine((s) => { try { new RegExp(s, 'u'); return true; } catch { return false; } }, 'must be a valid regular expression').optional(),
    subject: z.string().optional(),
    timeout: ms.optional(),
  }).strict().optional(),
  /** Attach a file to a file field: "{photo}" is a neutral synthetic photo; else a path relative to this file. */
  upload: z.object({ label: words, file: z.string().min(1) }).strict().optional(),
  capture: z.object({
    control,
    accepted: shows,
    rejected: shows.optional(),
    alternative: control.optional(),
    timeout: ms.optional(),
  }).strict().optional(),
}).strict();

const chooseSchema = z.union([
  z.object({ query: z.string().min(1) }).strict(),
  z.object({ cookie: z.string().min(1) }).strict(),
  z.object({ path: z.string().includes('{lang}', { message: 'must contain {lang}' }).startsWith('/', 'must be a path starting with /') }).strict(),
  z.object({ control: z.object({ role: z.enum(ROLES), name: z.record(z.string(), z.string().min(1)) }).strict() }).strict(),
], { error: 'choose one of { query: NAME }, { cookie: NAME }, { path: "/{lang}" }, { control: { role, name: { LANG: label } } }' });

const serveSchema = z.object({
  command: z.string().min(1),
  env: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  ready: z.string().startsWith('/', 'must be a path starting with /'),
  timeout: ms.optional(),
  cwd: z.string().optional(),
}).strict();

const mailSchema = z.union([
  z.object({ sink: z.literal('smtp'), port: z.number().int().min(0).max(65535).optional() }).strict(),
  z.object({ api: z.string().url('must be an absolute http(s) URL') }).strict(),
  z.literal('none'),
], { error: 'use { sink: smtp }, { api: "http://host:port" } (Mailpit/MailHog) or none' });

/** How a person extends the session at the time-out warning: the control, by role and name (per language). */
const sessionSchema = z.object({
  extend: control,
  /** What the page shows when the session has ended (the app asks the person to sign in again), and the steps that sign them in from there. */
  signIn: z.object({ shows, steps: z.array(stepSchema).min(1) }).strict().optional(),
  /** How long the session lasts without activity, in seconds, as the app is started (its env sets it): the time-limits persona waits past it on the real clock. */
  lasts: z.number().int().positive().max(900).optional(),
}).strict();

export const targetSchema = z.object({
  id: id.optional(),
  title: z.string().min(1).optional(),
  serve: serveSchema.optional(),
  baseURL: z.string().refine((s) => { try { const u = new URL(s.replace('{port}', '1')); return /^https?:$/.test(u.protocol); } catch { return false; } }, 'must be an absolute http(s) URL'),
  locales: z.array(z.string().min(2)).min(1).optional(),
  languages: z.object({ offered: z.array(lang).min(1), choose: chooseSchema.optional() }).strict().optional(),
  mail: mailSchema.optional(),
  profiles: z.array(id).min(1).optional(),
  defects: z.string().min(1).optional(),
  /** Catalogued defects this description cannot reach, each with why (no defect project is made for them; the matrix lists them). */
  unreachable: z.record(id, z.string().min(1)).optional(),
  session: sessionSchema.optional(),
  flows: z.array(z.object({
    id,
    title: z.string().min(1),
    personas: z.array(z.string()).optional(),
    /** Parts of the person's data this flow is walked without (a scenario such as "no fixed address"): their fields are left empty. */
    without: z.array(z.enum(OPTIONAL_DATA_PARTS, { error: `use one of ${OPTIONAL_DATA_PARTS.join(', ')}` })).optional(),
    language: lang.optional(),
    steps: z.array(stepSchema).min(1),
  }).strict()).min(1),
}).strict();

export type RawTarget = z.infer<typeof targetSchema>;
export type DeclarativeStep = z.infer<typeof stepSchema>;
export type DeclarativeFlow = RawTarget['flows'][number];
export type LanguageChoice = z.infer<typeof chooseSchema>;
export interface DeclarativeTarget extends Omit<RawTarget, 'id' | 'title' | 'locales'> {
  id: string;
  title: string;
  locales: string[];
  /** The file it was read from (relative paths in it are relative to this file). */
  file: string;
}

export class TargetFileError extends Error {}

type Issue = z.core.$ZodIssue;
/**
 * A value that matches none of a union's shapes (a fill or a list of fills, words or a check):
 * the shape it came closest to says what is wrong (the deepest path), not "Invalid input".
 */
function closestBranch(issue: Issue): Issue[] {
  // A union with its own message (choose one of …) says it best.
  if (issue.code !== 'invalid_union' || !issue.errors.length || issue.message !== 'Invalid input') return [issue];
  const depth = (branch: Issue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
  if (!best.length || depth(best) === 0) return [issue];
  return best.flatMap((i) => closestBranch({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

/** "flows[0].steps[2]" → `flow "checkout", step "search"` when ids are readable. */
export function where(raw: unknown, path: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as never];
    if (typeof key === 'number' && node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string' && ['flows', 'steps'].includes(String(path[i - 1]))) {
      parts.push(`${String(path[i - 1]) === 'flows' ? 'flow' : 'step'} "${(node as { id: string }).id}"`);
    } else if (typeof key === 'number') parts.push(`${String(path[i - 1])}[${key}]`);
    // A list's name is said with its index (fill[0]), not twice.
    else if ((!['flows', 'steps'].includes(String(key)) || i === path.length - 1) && typeof path[i + 1] !== 'number') parts.push(String(key));
  }
  return parts.join(' › ') || '(top level)';
}

const PLACEHOLDER = /\{([a-zA-Z]+(?:\.[a-zA-Z0-9]+)*)\}/g;
const placeholders = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]);
const STEP_VALUE_NAMES = /^(persona(\.\w+)+|mail\.code|lang)$/;

/** Parses and validates a target description; every error names the file, the flow, the step and the key. */
export function parseDeclarativeTarget(text: string, file: string): DeclarativeTarget {
  const json = extname(file).toLowerCase() === '.json';
  let raw: unknown;
  try {
    raw = json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new TargetFileError(`${file}: not valid ${json ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = targetSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.flatMap(closestBranch).map((issue) => {
      const unknown = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      return `  ${where(raw, issue.path)}: ${unknown}`;
    });
    throw new TargetFileError(`${file}: ${lines.length} problem(s) in the target description:\n${lines.join('\n')}`);
  }
  const t = result.data;
  const problems: string[] = [];
  const at = (flow: string, step: string | undefined, key: string, msg: string) => problems.push(`  flow "${flow}"${step ? ` › step "${step}"` : ''}${key ? ` › ${key}` : ''}: ${msg}`);
  if (t.baseURL.includes('{port}') && !t.serve) problems.push('  baseURL: {port} is the port Portico picks when it starts the app; add serve: { command, ready }');
  if (t.serve) {
    for (const [k, v] of Object.entries({ command: t.serve.command, ...t.serve.env })) {
      for (const name of placeholders(v)) {
        if (!['node', 'port', 'profile', 'defects', 'mail.smtpPort'].includes(name)) problems.push(`  serve › ${k === 'command' ? 'command' : `env › ${k}`}: unknown placeholder {${name}} (use {node}, {port}, {profile}, {defects}, {mail.smtpPort})`);
        if (name === 'mail.smtpPort' && !(t.mail && typeof t.mail === 'object' && 'sink' in t.mail)) problems.push(`  serve › env › ${k}: {mail.smtpPort} needs mail: { sink: smtp }`);
      }
    }
  }
  if (t.unreachable && !t.defects) problems.push('  unreachable: names catalogued defects; add defects: FILE');
  if (t.defects && !t.profiles) problems.push('  defects: a defect catalogue needs profiles (e.g. [conformant, broken])');
  const offered = t.languages?.offered ?? t.locales ?? ['en'];
  if (t.languages?.choose && 'control' in t.languages.choose) {
    const names = t.languages.choose.control.name;
    for (const l of offered) if (!names[l]) problems.push(`  languages › choose › control › name: no name for offered language "${l}"`);
  }
  problems.push(...sessionProblems(t, offered));
  // The sign-in steps are checked as a flow of their own (ids, placeholders, files).
  const signIn = t.session?.signIn ? [{ id: 'session › signIn', steps: t.session.signIn.steps, language: undefined }] : [];
  for (const flow of [...t.flows, ...signIn]) {
    if (flow.language && !offered.includes(flow.language)) at(flow.id, undefined, 'language', `"${flow.language}" is not in languages.offered (${offered.join(', ')})`);
    const seen = new Set<string>();
    let mailSeen = false;
    for (const step of flow.steps) {
      if (seen.has(step.id)) at(flow.id, step.id, '', 'step ids must be unique within a flow');
      seen.add(step.id);
      if (!step.goto && !step.fill && !step.select && !step.check && !step.click && !step.expect && !step.waitForMail && !step.capture && !step.upload && !step.require) {
        at(flow.id, step.id, '', 'a step needs at least one of goto, fill, select, check, click, expect, waitForMail, upload, capture, require');
      }
      for (const [i, r] of list(step.require).entries()) {
        if (typeof r.name !== 'string') for (const l of offered) if (!r.name[l]) at(flow.id, step.id, `require[${i}] › name`, `no name for offered language "${l}"`);
      }
      if (step.upload && step.upload.file !== '{photo}') {
        const path = resolve(dirname(resolve(file)), step.upload.file);
        if (!existsSync(path)) at(flow.id, step.id, 'upload › file', `no file ${path} (give a path relative to this file, or "{photo}" for a synthetic photo)`);
        else step.upload.file = path;
      }
      if (step.sendOffline && !step.click) at(flow.id, step.id, 'sendOffline', 'needs a click that sends the form');
      if (step.away && !(step.form && step.click && t.session?.signIn)) at(flow.id, step.id, 'away', 'needs form: true, a click that sends the form, and session: { signIn } (how the person signs in again)');
      if (step.partOf && (step.partOf === step.id || !seen.has(step.partOf))) at(flow.id, step.id, 'partOf', `"${step.partOf}" is not an earlier step of this flow`);
      if (step.language && !offered.includes(step.language)) at(flow.id, step.id, 'language', `"${step.language}" is not in languages.offered (${offered.join(', ')})`);
      if (step.waitForMail && !t.mail) at(flow.id, step.id, 'waitForMail', 'needs a top-level mail key: { sink: smtp }, { api: URL }, or none (then the step is "mail not observable")');
      const values: Array<[string, string]> = [
        ...(step.waitForMail ? [['waitForMail › to', step.waitForMail.to] as [string, string]] : []),
        ...list(step.fill).map((f, i) => [`fill[${i}] › value`, f.value] as [string, string]),
        ...list(step.select).map((f, i) => (f.value === undefined ? [`select[${i}] › option`, f.option!] : [`select[${i}] › value`, f.value]) as [string, string]),
      ];
      for (const [key, v] of values) {
        for (const name of placeholders(v)) {
          if (!STEP_VALUE_NAMES.test(name)) at(flow.id, step.id, key, `unknown placeholder {${name}} (use {persona.FIELD}, {mail.code})`);
          else if (name.startsWith('persona.') && !(PERSONA_VALUE_PATHS as readonly string[]).includes(name.slice(8))) at(flow.id, step.id, key, `{${name}}: personas have no such value; they have ${PERSONA_VALUE_PATHS.map((p) => `{persona.${p}}`).join(', ')}`);
          else if (name === 'mail.code' && !(key.startsWith('waitForMail') ? mailSeen : mailSeen || step.waitForMail?.code)) at(flow.id, step.id, key, '{mail.code} is used before any waitForMail step has captured it');
        }
      }
      if (step.waitForMail?.code) mailSeen = true;
    }
  }
  if (problems.length) throw new TargetFileError(`${file}: ${problems.length} problem(s) in the target description:\n${problems.join('\n')}`);
  const name = basename(file).replace(/\.(target\.)?(ya?ml|json)$/i, '').replace(/[^a-z0-9-]+/gi, '-');
  return { ...t, id: t.id ?? name, title: t.title ?? t.id ?? name, locales: offered, file, flows: t.flows.map((f) => ({ ...f, steps: f.steps.map((s) => ({ ...s, title: s.title ?? s.id })) })) };
}

/** `session:` names its control in every language the target offers (a person reads it in theirs). */
function sessionProblems(t: RawTarget, offered: string[]): string[] {
  const name = t.session?.extend.name;
  const problems = !name || typeof name === 'string' ? [] : offered.filter((l) => !name[l]).map((l) => `  session › extend › name: no name for offered language "${l}"`);
  if (t.session?.signIn && !t.session.lasts) problems.push('  session › signIn: needs lasts (the session ends on the real clock only when the persona waits past it)');
  return problems;
}

/** The words in the language asked for (its primary tag, then English, then the first given). */
export function inLanguage(w: Words, lang: string): string {
  if (typeof w === 'string') return w;
  return w[lang] ?? w[lang.split('-')[0]] ?? w.en ?? Object.values(w)[0];
}

export const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
