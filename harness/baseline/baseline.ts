import { z } from 'zod';
import type { Finding, RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';

/**
 * A baseline: the barriers a team has accepted for now, so a CI gate fails only on NEW ones while
 * the known ones are fixed. Entries are keyed by fingerprint; `where` and `criteria` are for the
 * people reading the file. A run reports each barrier as new or still present, each entry whose
 * barrier is gone as fixed (remove it: the file shrinks), and expired entries as no longer excusing
 * anything.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD');
export const baselineEntrySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{20}$/, 'a 20-hex-digit fingerprint from findings.json'),
  rule: z.string().min(1),
  criteria: z.array(z.string()),
  where: z.string(),
  /** The persona and checkpoint the barrier was met at: a run that did not visit them cannot call it fixed. */
  persona: z.string().optional(),
  checkpoint: z.string(),
  reason: z.string().min(1, 'say why this barrier is accepted for now'),
  acceptedBy: z.string().min(1, 'say who accepted it'),
  expires: day.optional(),
}).strict();
export const baselineFileSchema = z.object({
  schema: z.literal('portico.baseline/1'),
  createdAt: z.string(),
  entries: z.array(baselineEntrySchema),
}).strict();

export type BaselineEntry = z.infer<typeof baselineEntrySchema>;
export type BaselineFile = z.infer<typeof baselineFileSchema>;

export interface BaselineComparison {
  file: string;
  /** Barriers not in the baseline (or whose entry expired): these fail the gate. */
  new: Finding[];
  /** Barriers the baseline accepts. */
  still: Finding[];
  /** Entries whose barrier this run looked for and did not find: remove them. */
  fixed: BaselineEntry[];
  /** Entries at a persona × checkpoint this run did not visit: neither fixed nor present. */
  notChecked: BaselineEntry[];
  /** Entries past their expiry date: their barriers count as new. */
  expired: BaselineEntry[];
}

function whereOf(f: Finding): string {
  const c = f.context;
  let path = c.url;
  try { path = new URL(c.url).pathname; } catch { /* keep */ }
  return [c.persona, c.flow, c.step ?? c.checkpoint].filter(Boolean).join(' › ') + ` ${path} ${f.domPath ?? f.selector ?? '(page)'}`;
}

/** A baseline accepting every barrier of a run. */
export function makeBaseline(bundle: RunBundle, o: { reason: string; acceptedBy: string; expires?: string; now?: Date }): BaselineFile {
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of bundle.findings.filter(isBarrier)) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    entries.push({
      fingerprint: f.fingerprint,
      rule: f.ruleId,
      criteria: [...f.requirements.wcag, ...f.requirements.other],
      where: whereOf(f).trim(),
      ...(f.context.persona ? { persona: f.context.persona } : {}),
      checkpoint: f.context.checkpoint,
      reason: o.reason,
      acceptedBy: o.acceptedBy,
      ...(o.expires ? { expires: o.expires } : {}),
    });
  }
  entries.sort((a, b) => a.where.localeCompare(b.where) || a.fingerprint.localeCompare(b.fingerprint));
  const file = { schema: 'portico.baseline/1' as const, createdAt: (o.now ?? new Date()).toISOString(), entries };
  return baselineFileSchema.parse(file);
}

/** Parses a baseline; errors name the file, the entry and the key. */
export function parseBaseline(text: string, file: string): BaselineFile {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (error) { throw new BaselineError(`${file}: not valid JSON (${(error as Error).message})`); }
  const parsed = baselineFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaselineError(`${file}: ${issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)'}: ${issue.message}`);
  }
  const dupes = parsed.data.entries.map((e) => e.fingerprint).filter((fp, i, all) => all.indexOf(fp) !== i);
  if (dupes.length) throw new BaselineError(`${file}: fingerprint ${dupes[0]} is listed twice`);
  return parsed.data;
}

export class BaselineError extends Error {}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** New / still present / fixed / not checked / expired, for one run against one baseline. */
export function compareToBaseline(bundle: RunBundle, baseline: BaselineFile, file: string, now = new Date()): BaselineComparison {
  const expired = baseline.entries.filter((e) => e.expires !== undefined && e.expires < today(now));
  const live = new Map(baseline.entries.filter((e) => !expired.includes(e)).map((e) => [e.fingerprint, e]));
  const barriers = bundle.findings.filter(isBarrier);
  const present = new Set(barriers.map((f) => f.fingerprint));
  const visited = new Set(bundle.verdicts.map((v) => `${v.context?.persona ?? ''}|${v.checkpoint}`));
  const absent = baseline.entries.filter((e) => !expired.includes(e) && !present.has(e.fingerprint));
  return {
    file,
    new: barriers.filter((f) => !live.has(f.fingerprint)),
    still: barriers.filter((f) => live.has(f.fingerprint)),
    fixed: absent.filter((e) => visited.has(`${e.persona ?? ''}|${e.checkpoint}`)),
    notChecked: absent.filter((e) => !visited.has(`${e.persona ?? ''}|${e.checkpoint}`)),
    expired,
  };
}

/** What a run with a baseline records in its bundle. */
export interface BaselineSummary {
  file: string;
  new: number;
  still: number;
  newFingerprints: string[];
  fixed: BaselineEntry[];
  notChecked: BaselineEntry[];
  expired: BaselineEntry[];
}
