import type { Artifacts, Audit, AuditResult } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * The persona's throttling (≈400 kbit/s, 400 ms, 4× CPU) slows a page's paint metrics several times;
 * a median slow-down below this means it did not apply to Lighthouse's run.
 */
export const MIN_THROTTLE_RATIO = 1.5;

/** Lighthouse's own "poor" band starts below 50. */
export const POOR_PERFORMANCE = 0.5;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

export const lighthousePerformanceAudit: Audit = {
  meta: {
    id: 'lighthouse-performance',
    title: 'The page is usable on a low-end phone on a slow network',
    failureTitle: 'The page is too slow on a low-end phone on a slow network',
    description: "Lighthouse's performance category under the persona's own network and CPU throttling; a score in Lighthouse's poor band (< 50) is a barrier for people whose only device is an old phone. The same URL is measured again unthrottled: when the persona's run is not at least 1.5× slower, the throttling did not apply and the result is cantTell.",
    requiredArtifacts: ['lighthouse'],
    requirements: { other: ['performance on a low-end device (Lighthouse)'] },
    mode: 'automatic',
    rules: {
      'lighthouse-performance': { title: 'The page is slow on a low-end phone (Lighthouse performance)', wcag: [], other: ['performance on a low-end device (Lighthouse)'], impact: 'serious', help: 'Send less, and less script, before the first paint: the persona browses at 400 kbit/s on a slow CPU.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const lh = gathered(artifacts, 'lighthouse');
    const perf = lh.categories.performance;
    if (!perf) return { outcome: 'inapplicable', findings: [] };
    if (perf.score === null) return { outcome: 'cantTell', findings: [], notes: ['Lighthouse could not score performance'] };
    const metrics = lh.audits.filter((a) => METRICS.includes(a.id)).map((a) => `${a.title} ${a.displayValue ?? ''}`.trim()).join(', ');
    const notes = [`performance score ${Math.round(perf.score * 100)}: ${metrics}`];
    const check = lh.throttleCheck;
    if (check) {
      const fmt = (r: Record<string, number | null>) => Object.entries(r).map(([k, v]) => `${k} ${v === null ? 'n/a' : `${Math.round(v)} ms`}`).join(', ');
      notes.push(`throttled: ${fmt(check.throttled)}; unthrottled: ${fmt(check.unthrottled)}; median slow-down ${check.ratio === null ? 'n/a' : `${check.ratio.toFixed(2)}×`}${check.error ? ` (${check.error})` : ''}`);
      // A score measured without the persona's conditions says nothing about a low-end phone.
      if (check.ratio === null || check.ratio < MIN_THROTTLE_RATIO) {
        return { outcome: 'cantTell', findings: [], notes: [...notes, check.ratio === null ? 'could not compare with an unthrottled run' : `the persona's throttling did not apply to Lighthouse's run (slow-down ${check.ratio.toFixed(2)}× < ${MIN_THROTTLE_RATIO}×)`] };
      }
    }
    if (perf.score >= POOR_PERFORMANCE) return { outcome: 'passed', findings: [], notes };
    return {
      outcome: 'failed',
      notes,
      findings: [{
        engines: ['lighthouse'],
        ruleId: 'lighthouse-performance',
        outcome: 'failed',
        impact: 'serious',
        message: `Lighthouse performance score ${Math.round(perf.score * 100)} (poor) on a low-end phone on a slow network: ${metrics}.`,
        domPath: '(page)',
        wcag: [],
        other: ['performance on a low-end device (Lighthouse)'],
      }],
    };
  },
};
