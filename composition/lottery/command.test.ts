/**
 * `portico lottery` end to end against the real reference target (started in-process by the command:
 * pages, database, mail, its published /lottery/audit records) at a reduced scale, and the CLI's
 * usage errors.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { lotteryCommand, type LotteryCommandOptions } from './command.ts';
import type { LotteryReport } from '../../harness/lottery/report.ts';
import type { RunBundle } from '../../harness/types.ts';

const SMALL: LotteryCommandOptions = { seeds: '2', days: '90', registrations: '60000', recordDays: '2' };

async function run(options: LotteryCommandOptions) {
  const out = await mkdtemp(join(tmpdir(), 'portico-lottery-'));
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
  let code: number;
  try {
    code = await lotteryCommand({ ...SMALL, ...options, out });
  } finally {
    process.stdout.write = write;
  }
  const bundle = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as RunBundle;
  const report = JSON.parse(await readFile(join(out, 'lottery.json'), 'utf8')) as LotteryReport;
  return { code, out, printed, bundle, report, files: await readdir(out) };
}

describe('portico lottery against the reference target', () => {
  it('conformant: drives its module, recomputes its published draws, writes the report and charts; clean', async () => {
    const r = await run({});
    expect(r.code).toBe(0);
    expect(r.bundle.status).toBe('clean');
    expect(r.files).toEqual(expect.arrayContaining(['findings.json', 'report.html', 'summary.txt', 'lottery.json', 'lottery.html', 'lottery-waits.svg', 'lottery-wait-distribution.svg', 'lottery-k-advantage.svg']));
    expect(r.report.target).toMatchObject({ id: 'reference', driven: 'module', rules: { dedupePersons: true, earliestShare: 0.3 }, drivenSeeds: [1] });
    expect(r.report.params.dailySlots).toBe(1450);
    expect(r.report.designs.map((d) => d.id)).toEqual(['target', 'uniform', 'earliest-share', 'fcfs', 'waited-weighted']);
    // The records the app published over HTTP: two days, each recomputed from its revealed seed; the family was drawn together.
    expect(r.report.records).toHaveLength(2);
    expect(r.report.records.every((x) => x.verdict === 'recomputes')).toBe(true);
    expect(r.report.records.every((x) => x.requesters >= 7)).toBe(true); // 5 accounts, one with two family members
    expect(r.bundle.verdicts.map((v) => `${v.auditId}:${v.outcome}`).sort()).toEqual(['lottery-draw-recompute:passed', 'lottery-groups:passed', 'lottery-multiple-accounts:passed', 'lottery-shelters:passed']);
    expect(r.printed).toMatch(/Wait until an appointment/);
    expect(r.printed).toMatch(/Published draw records: \d{4}-\d{2}-\d{2} recomputes; \d{4}-\d{2}-\d{2} recomputes/);
    const html = await readFile(join(r.out, 'lottery.html'), 'utf8');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" role="img"');
    expect(html.match(/<svg /g)).toHaveLength(3);
  }, 120_000);

  it('with duplicate accounts entering the draw: a multiple-account finding, exit 1', async () => {
    const r = await run({ defects: 'duplicate-accounts-enter-lottery' });
    expect(r.code).toBe(1);
    expect(r.report.target.rules.dedupePersons).toBe(false);
    const f = r.bundle.findings.find((x) => x.ruleId === 'lottery-multiple-accounts');
    expect(f?.outcome).toBe('failed');
    expect(f?.requirements.other).toContain('Fairness: multiple-account advantage');
    expect(f?.evidence.map((x) => x.path)).toContain('lottery-k-advantage.svg');
    expect(r.report.records.every((x) => x.verdict === 'recomputes')).toBe(true);
  }, 120_000);
});

describe('portico lottery usage', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, '..', 'cli', 'main.ts'), 'lottery', ...args], { encoding: 'utf8' });
  it('names a bad parameter and exits 64', () => {
    const r = cli(['--seeds', 'many']);
    expect(r.status).toBe(64);
    expect(r.stderr).toMatch(/--seeds must be a whole number/);
    const p = cli(['--request-probability', '2']);
    expect(p.status).toBe(64);
    expect(p.stderr).toMatch(/requestProbability/);
  });
  it('rejects an adapter file that is missing or says nothing usable', () => {
    const r = cli(['--target', '/nonexistent/lottery.yaml']);
    expect(r.status).toBe(64);
    expect(r.stderr).toMatch(/lottery adapter \/nonexistent\/lottery.yaml/);
  });
});
