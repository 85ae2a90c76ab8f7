import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Artifacts, Audit, AuditVerdict, Finding, RunBundle } from './types.ts';
import { runAudits, type AuditSelector } from './run-audits.ts';

/** Portico's own package.json, from the sources (harness/) or the compiled package (dist/harness/). */
function porticoVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'portico' && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}
const toolVersion = porticoVersion();

export interface BundleInput {
  startedAt: string;
  findings: Finding[];
  verdicts: AuditVerdict[];
  /** Pages or steps that could not run at all (did not load, crashed, timed out). */
  incomplete: RunBundle['incomplete'];
  versions: Record<string, string>;
  meta?: Record<string, unknown>;
  finishedAt?: string;
}

/** Every engine and browser version seen across the checkpoints of a run. */
export function mergedVersions(list: Array<{ versions: Record<string, string> }>, fallback: Record<string, string> = {}): Record<string, string> {
  return list.reduce<Record<string, string>>((all, a) => ({ ...all, ...a.versions }), { ...fallback });
}

export const isBarrier = (f: Finding) => f.outcome === 'failed' && f.category === 'barrier';

/**
 * Assembles what every reporter receives. Any audit that could not run (outcome `error`) makes
 * the run incomplete — a run that could not look is never called clean.
 */
export function buildBundle(input: BundleInput): RunBundle {
  const incomplete = [...input.incomplete];
  for (const v of input.verdicts) {
    if (v.outcome !== 'error') continue;
    const where = [v.context?.persona, v.context?.flow, v.checkpoint, v.url].filter(Boolean).join(' › ');
    incomplete.push({ where: `${where} [${v.auditId}]`, cause: v.notes?.join('; ') || 'audit could not run' });
  }
  const seen = new Set<string>();
  // The same cause from two sources (a shard's saved list and a re-audit) is said once.
  const unique = incomplete.filter((i) => { const k = `${i.where}\u0000${i.cause}`; if (seen.has(k)) return false; seen.add(k); return true; });
  incomplete.length = 0;
  incomplete.push(...unique);
  const status: RunBundle['status'] = incomplete.length ? 'incomplete' : input.findings.some(isBarrier) ? 'barriers' : 'clean';
  return {
    schema: 'portico.run/1',
    tool: { name: 'portico', version: toolVersion },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt ?? new Date().toISOString(),
    versions: input.versions,
    status,
    findings: input.findings,
    verdicts: input.verdicts,
    incomplete,
    meta: input.meta,
  };
}

/** Exit codes shared by every command: 0 clean, 1 barriers found, 2 incomplete, 64 bad usage. */
export const EXIT = { clean: 0, barriers: 1, incomplete: 2, usage: 64 } as const;

export function exitCodeFor(bundle: RunBundle): number {
  return EXIT[bundle.gate ?? bundle.status];
}

export interface AuditBundleInput extends Omit<BundleInput, 'findings' | 'verdicts' | 'versions'> {
  audits: Audit[] | AuditSelector;
  artifacts: Artifacts[];
  /** Versions known apart from the artifacts (the browser a run launched); the artifacts' own are merged in. */
  versions?: Record<string, string>;
  /** What else made the run incomplete, once the verdicts are known (a required audit never tried). */
  incompleteFrom?: (verdicts: AuditVerdict[]) => RunBundle['incomplete'];
}

/** The one way a bundle is made from artifacts: run the audits, then assemble (every command, reporter and test uses it). */
export function auditBundle(input: AuditBundleInput): RunBundle {
  const { audits, artifacts, versions, incompleteFrom, ...rest } = input;
  const { findings, verdicts } = runAudits(audits, artifacts);
  const incomplete = [...rest.incomplete, ...(incompleteFrom?.(verdicts) ?? [])];
  return buildBundle({ ...rest, incomplete, findings, verdicts, versions: mergedVersions(artifacts, versions) });
}
