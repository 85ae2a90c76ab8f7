/** Checkpoint artifacts with exhibits (a lottery report, a capture grid, element crops), for the reporters' tests. */
import type { Artifacts } from '../../types.ts';
import type { CaptureFacts } from '../../camera/capture-runner.ts';
import type { ElementCropsArtifact } from '../../gatherers/element-crops.ts';
import { resolveParams } from '../../lottery/params.ts';
import { runLotterySimulation, type LotteryReport } from '../../lottery/report.ts';
import type { TargetLottery } from '../../lottery/target.ts';

export const HOSTILE_TITLE = '<script>alert("chart")</script> & "Fish" \u0007bell';

/** A real (small) simulation of a model lottery that lets duplicate accounts in. */
export function smallLotteryReport(title = 'Model lottery'): LotteryReport {
  const params = resolveParams({ registrations: 6000, dailySlots: 100, days: 60, seeds: 2, snapshotDay: 20, kTrials: 4, accountCounts: [1, 2, 5] });
  const target: TargetLottery = { id: 'model', title, rules: { earliestShare: 0.3, dedupePersons: false, source: 'test' }, driven: 'model' };
  const report = runLotterySimulation(params, target);
  report.records = [{ day: '2026-01-02', source: 'http://127.0.0.1/lottery/audit?day=2026-01-02', requesters: 120, winners: 100, verdict: 'differs', reason: `seed does not match: ${title}`, groupsSplit: 0, groupsWon: 3 }];
  return report;
}

const envelope = (over: Partial<Artifacts>): Artifacts => ({
  schema: 'portico.artifacts/1',
  checkpoint: 'c',
  url: 'http://127.0.0.1:4000/',
  pagePath: '/',
  context: {},
  gatheredAt: '2026-01-01T00:00:00.000Z',
  versions: {},
  gathered: {},
  ...over,
});

export function lotteryArtifacts(report: LotteryReport = smallLotteryReport()): Artifacts {
  return envelope({ checkpoint: 'lottery', pagePath: '/lottery', context: { target: 'reference', flow: 'lottery', step: 'lottery' }, gathered: { lottery: report } });
}

export const LIGHTINGS = ['even', 'side', 'dim', 'backlit'];

/** 10 tones × 4 lightings × 3 attempts; under dim light tones 8–10 are accepted 0 or 1 time in 3. */
export function captureFacts(lightings = LIGHTINGS, stimulus = 'synthetic MST faces v1'): CaptureFacts {
  const attempts: CaptureFacts['attempts'] = [];
  for (const lighting of lightings) for (let mst = 1; mst <= 10; mst++) for (let attempt = 1; attempt <= 3; attempt++) {
    const dark = lighting === lightings[2] && mst >= 8;
    const accepted = dark ? attempt === 1 && mst === 8 : true;
    attempts.push({ mst, lighting, attempt, outcome: accepted ? 'accepted' : 'rejected', message: accepted ? undefined : 'Face not detected', ms: 100 });
  }
  // One capture the harness could not complete: neither accepted nor rejected.
  attempts[attempts.length - 1] = { ...attempts[attempts.length - 1], outcome: 'no-result', message: 'timed out' };
  return { kind: 'capture-grid', stimulus, url: 'http://127.0.0.1:4000/photo', control: 'button "Take photo"', tones: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], lightings, attemptsPerCell: 3, attempts, durationMs: 1000 };
}

export function captureArtifacts(facts: CaptureFacts = captureFacts(), persona = 'darker-skin'): Artifacts {
  return envelope({
    checkpoint: 'photo',
    pagePath: '/photo',
    context: { target: 'reference', persona, flow: 'register', step: 'photo' },
    gathered: { journey: { stepId: 'photo', stepTitle: 'Photo', personaTitle: 'p', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], actions: [], records: { captureGrid: facts } } },
  });
}

export function cropArtifacts(crops: ElementCropsArtifact, context: Artifacts['context'] = { target: 'reference', persona: 'keyboard', flow: 'register', step: 'details' }): Artifacts {
  return envelope({ checkpoint: context.step ?? 'details', context, gathered: { elementCrops: crops } });
}
