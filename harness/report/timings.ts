/** One journey's time, as the Playwright reporter saw it. */
export interface JourneyTiming {
  project: string;
  title: string;
  ms: number;
  status: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * "Where the time went": wall time, the busiest personas (project = "<target>@<persona>") and the
 * slowest journeys, and how well the workers were used. Pure: timings in, text out.
 */
export function renderTimings(journeys: JourneyTiming[], wallMs: number, workers: number, top = 5): string {
  const byProject = new Map<string, number>();
  for (const j of journeys) byProject.set(j.project, (byProject.get(j.project) ?? 0) + j.ms);
  const busy = journeys.reduce((sum, j) => sum + j.ms, 0);
  const used = wallMs > 0 && workers > 0 ? Math.min(1, busy / (wallMs * workers)) : 0;
  const lines = [`Where the time went: ${seconds(wallMs)} wall, ${journeys.length} journey(s), ${seconds(busy)} of journey time on ${workers} worker(s) (${Math.round(used * 100)}% busy)`];
  const personas = [...byProject.entries()].sort((a, b) => b[1] - a[1]);
  lines.push(`  by persona: ${personas.map(([p, ms]) => `${p.replace(/^.*@/, '')} ${seconds(ms)}`).join(' · ')}`);
  const slowest = [...journeys].sort((a, b) => b.ms - a.ms).slice(0, top);
  for (const j of slowest) lines.push(`  ${seconds(j.ms).padStart(8)}  ${j.project} › ${j.title}${j.status === 'passed' ? '' : ` (${j.status})`}`);
  return lines.join('\n');
}
