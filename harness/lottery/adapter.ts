/**
 * A lottery adapter file (YAML or JSON) describes how to reach a target's lottery other than the
 * reference's:
 *
 *   id: my-target
 *   title: My target's appointment lottery
 *   rules: { earliestShare: 0.3, dedupePersons: true, fraudSignal: per-person }   # what it declares
 *   module: ./lottery.ts        # optional: exports drawColumns(columns, rows, rules) and PORTS
 *   records: https://example.org/lottery/records.json   # optional: a record, an array, or { records: [...] }
 *
 * With `module`, the target's design is driven through that code; without it, simulated as a model
 * of its rules. Records are recomputed with the reference algorithm (portico-lottery-v1: the rules in
 * targets/reference/lottery/draw.ts), which is what a target must publish to be verifiable here.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LotteryPort } from './draw-types.ts';
import { columnsDrawer, type ColumnDraw } from './columns-target.ts';
import type { TargetLottery, TargetRules } from './target.ts';

const adapterSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  rules: z.object({
    earliestShare: z.number().min(0).max(1),
    dedupePersons: z.boolean(),
    fraudSignal: z.enum(['per-person', 'shared-address', 'none']).optional(),
    addressThreshold: z.number().int().min(1).optional(),
  }),
  module: z.string().optional(),
  records: z.string().url().optional(),
});

export type LotteryAdapter = z.infer<typeof adapterSchema> & { file: string };

export async function readAdapter(file: string): Promise<LotteryAdapter> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`lottery adapter ${file}: ${error.message}`);
  });
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`lottery adapter ${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  const parsed = adapterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`lottery adapter ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (!parsed.data.module && !parsed.data.records) throw new Error(`lottery adapter ${file}: give a module (to drive the draw) or records (a URL of published draw records), or both`);
  return { ...parsed.data, file };
}

export async function adapterLottery(adapter: LotteryAdapter): Promise<TargetLottery> {
  const rules: TargetRules = { ...adapter.rules, source: `declared in ${adapter.file}` };
  const title = `Target: ${adapter.title ?? adapter.id}`;
  if (!adapter.module) return { id: adapter.id, title, rules, driven: 'model' };
  const path = resolve(dirname(adapter.file), adapter.module);
  const mod = (await import(pathToFileURL(path).href).catch((error: Error) => {
    throw new Error(`lottery adapter ${adapter.file}: module ${path} could not be loaded: ${error.message}`);
  })) as { drawColumns?: ColumnDraw; PORTS?: LotteryPort[] };
  if (typeof mod.drawColumns !== 'function') throw new Error(`lottery adapter ${adapter.file}: module ${path} must export drawColumns(columns, rows, rules)`);
  if (!Array.isArray(mod.PORTS) || mod.PORTS.length === 0) throw new Error(`lottery adapter ${adapter.file}: module ${path} must export PORTS (the ports with their daily capacity)`);
  const draw = mod.drawColumns;
  const ports = mod.PORTS;
  return { id: adapter.id, title, rules: { ...rules, source: `module ${adapter.module}` }, driven: 'module', dailySlots: ports.reduce((sum, p) => sum + p.capacity, 0), prepare: (pop, maxProbe, seed) => columnsDrawer(draw, ports, rules, pop, maxProbe, seed) };
}

/** Records from an adapter's URL: one record, an array, or { records: [...] }. */
export async function fetchAdapterRecords(url: string): Promise<Array<{ source: string; raw: unknown }>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`records ${url} answered ${res.status}`);
  const body = (await res.json()) as unknown;
  const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records : [body];
  return list.map((raw, i) => ({ source: `${url}#${i}`, raw }));
}
