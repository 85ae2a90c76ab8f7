/**
 * `npm run bench:lottery-fairness` — the whole fairness simulation at the documented scale
 * (765,000 registrations × 540 days, every design: the reference target's own driven through its
 * module on one seed, a model of it checked against that seed on the others, and the four
 * alternatives), timed beside a reference loop in the same run. Goal ≤ 10 s here.
 * LOTTERY_SEEDS (default 5) and LOTTERY_DRIVEN_SEEDS (default 1) override.
 */
import { resolveParams } from '../harness/lottery/params.ts';
import { runLotterySimulation } from '../harness/lottery/report.ts';
import { referenceLottery } from '../composition/lottery/reference-target.ts';
import { referenceLoopMs, relative } from './reference-loop.ts';

const seeds = Number(process.env.LOTTERY_SEEDS ?? 5);
const drivenSeeds = Number(process.env.LOTTERY_DRIVEN_SEEDS ?? 1);
const reference = referenceLoopMs();
console.log(`reference loop: ${reference.toFixed(1)} ms`);
const report = runLotterySimulation(resolveParams({ seeds }), referenceLottery({ earliestShare: 0.3, dedupePersons: true, source: 'bench' }, 'reference (conformant)'), {
  drivenSeeds,
  onSeed: (run) => console.log(`seed ${run.seed}: ${run.designs.map((d) => `${d.id} ${(d.ms / 1000).toFixed(2)} s`).join(', ')}${run.targetModelCheck ? `, model check ${(run.targetModelCheck.ms / 1000).toFixed(2)} s` : ''}`),
});
const ms = report.timing.simulationMs;
console.log(`whole simulation: ${report.params.registrations.toLocaleString('en')} registrations × ${report.params.days} days × ${report.designs.length} designs × ${seeds} seeds (${drivenSeeds} driven through the module): ${relative(ms, reference)} (goal ≤ 10000 ms here) ${ms <= 10_000 ? 'OK' : 'OVER GOAL'}`);
console.log(`reference loop again: ${referenceLoopMs().toFixed(1)} ms`);
