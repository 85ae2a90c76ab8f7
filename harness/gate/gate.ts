import type { Finding, Impact, RunBundle } from '../types.ts';
import { isBarrier } from '../bundle.ts';
import { normaliseSelector } from '../findings/fingerprint.ts';
import { compareToBaseline, type BaselineFile, type BaselineSummary } from '../baseline/baseline.ts';
import type { IgnoreEntry, Thresholds } from './schema.ts';

/**
 * The CI gate: which barriers fail the build. Incomplete always stays incomplete. A barrier does
 * not fail the gate when an active ignore entry or baseline entry accepts it, when its impact is
 * below `failOn`, or when it falls within a criterion's or persona's threshold (a budget: up to N
 * such barriers are tolerated; one more fails). Everything else fails.
 */
export interface GateOptions {
  baseline?: { file: string; baseline: BaselineFile };
  ignore?: IgnoreEntry[];
  failOn?: Impact;
  thresholds?: Thresholds;
  now?: Date;
}

export interface GateReport {
  status: 'clean' | 'barriers' | 'incomplete';
  /** Barriers that fail the gate. */
  failing: string[];
  ignored: Array<{ fingerprint: string; reason: string }>;
  expiredIgnores: IgnoreEntry[];
  belowFailOn: number;
  thresholds: Array<{ kind: 'criterion' | 'persona'; key: string; limit: number; count: number; exceeded: boolean }>;
}

const RANK: Record<Impact, number> = { minor: 1, moderate: 2, serious: 3, critical: 4 };

function matchesIgnore(f: Finding, e: IgnoreEntry): boolean {
  if (e.fingerprint) return f.fingerprint === e.fingerprint;
  if (e.rule !== f.ruleId) return false;
  if (!e.selector) return true;
  const wanted = normaliseSelector(e.selector);
  return [f.selector, f.domPath].some((s) => s !== undefined && normaliseSelector(s).includes(wanted));
}

export function applyGate(bundle: RunBundle, o: GateOptions): RunBundle {
  const now = o.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  let candidates = bundle.findings.filter(isBarrier);
  let baseline: BaselineSummary | undefined;
  if (o.baseline) {
    const c = compareToBaseline(bundle, o.baseline.baseline, o.baseline.file, now);
    const still = new Set(c.still.map((f) => f.fingerprint));
    candidates = candidates.filter((f) => !still.has(f.fingerprint));
    baseline = { file: o.baseline.file, new: c.new.length, still: c.still.length, newFingerprints: [...new Set(c.new.map((f) => f.fingerprint))], fixed: c.fixed, notChecked: c.notChecked, expired: c.expired };
  }
  const active = (o.ignore ?? []).filter((e) => !e.expires || e.expires >= today);
  const expiredIgnores = (o.ignore ?? []).filter((e) => e.expires !== undefined && e.expires < today);
  const ignored: GateReport['ignored'] = [];
  candidates = candidates.filter((f) => {
    const e = active.find((x) => matchesIgnore(f, x));
    if (e) ignored.push({ fingerprint: f.fingerprint, reason: e.reason });
    return !e;
  });
  let belowFailOn = 0;
  if (o.failOn) {
    const min = RANK[o.failOn];
    candidates = candidates.filter((f) => {
      const below = f.impact !== undefined && RANK[f.impact] < min;
      if (below) belowFailOn++;
      return !below;
    });
  }
  const thresholds: GateReport['thresholds'] = [];
  const budgeted = new Set<Finding>();
  for (const [key, limit] of Object.entries(o.thresholds?.criteria ?? {})) {
    const hit = candidates.filter((f) => f.requirements.wcag.includes(key));
    hit.forEach((f) => budgeted.add(f));
    thresholds.push({ kind: 'criterion', key, limit, count: new Set(hit.map((f) => f.fingerprint)).size, exceeded: new Set(hit.map((f) => f.fingerprint)).size > limit });
  }
  for (const [key, limit] of Object.entries(o.thresholds?.personas ?? {}) as Array<[string, number]>) {
    const hit = candidates.filter((f) => f.context.persona === key);
    hit.forEach((f) => budgeted.add(f));
    thresholds.push({ kind: 'persona', key, limit, count: new Set(hit.map((f) => f.fingerprint)).size, exceeded: new Set(hit.map((f) => f.fingerprint)).size > limit });
  }
  const failing = candidates.filter((f) => !budgeted.has(f)).map((f) => f.fingerprint);
  const exceeded = thresholds.some((t) => t.exceeded);
  const status = bundle.status === 'incomplete' ? 'incomplete' : failing.length > 0 || exceeded ? 'barriers' : 'clean';
  const report: GateReport = { status, failing: [...new Set(failing)], ignored, expiredIgnores, belowFailOn, thresholds };
  return { ...bundle, gate: status, gateReport: report, ...(baseline ? { baseline } : {}) };
}

/** Whether any gate option is set (otherwise every barrier fails, as without a gate). */
export function hasGate(o: GateOptions): boolean {
  return Boolean(o.baseline || o.ignore?.length || o.failOn || o.thresholds?.criteria || o.thresholds?.personas);
}

export function renderGateText(bundle: RunBundle): string {
  const g = bundle.gateReport;
  if (!g) return '';
  const lines: string[] = [];
  const b = bundle.baseline;
  if (b) {
    lines.push(`Baseline ${b.file}: ${b.new} new barrier(s), ${b.still} still present and accepted.`);
    if (b.fixed.length) lines.push(`  Fixed, remove from the baseline (${b.fixed.length}): ${b.fixed.map((e) => `${e.fingerprint} ${e.rule}`).join(', ')}`);
    if (b.expired.length) lines.push(`  Expired, no longer excusing anything (${b.expired.length}): ${b.expired.map((e) => `${e.fingerprint} ${e.rule} (expired ${e.expires})`).join(', ')}`);
    if (b.notChecked.length) lines.push(`  Not checked by this run (${b.notChecked.length} entries at personas or steps it did not visit).`);
  }
  if (g.ignored.length) lines.push(`Ignored by the config: ${g.ignored.length} (${[...new Set(g.ignored.map((i) => i.reason))].join('; ')})`);
  if (g.expiredIgnores.length) lines.push(`Expired ignore entries, no longer applied: ${g.expiredIgnores.map((e) => `${e.fingerprint ?? e.rule}${e.selector ? ` ${e.selector}` : ''} (expired ${e.expires})`).join(', ')}`);
  if (g.belowFailOn) lines.push(`Below failOn: ${g.belowFailOn} barrier(s) reported but not failing the gate`);
  for (const t of g.thresholds) lines.push(`Threshold ${t.kind} ${t.key}: ${t.count} of ${t.limit} allowed${t.exceeded ? ' — EXCEEDED' : ''}`);
  lines.push(`Gate: ${g.status === 'clean' ? 'PASS' : g.status === 'barriers' ? `FAIL — ${g.failing.length} barrier(s) fail it${g.thresholds.some((t) => t.exceeded) ? ', a threshold is exceeded' : ''}` : 'INCOMPLETE — not a pass'}`);
  return lines.join('\n');
}
