import type { FullConfig, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { renderTimings, type JourneyTiming } from './timings.ts';

/** Prints where a `portico run` spent its time, after the run's own summary. */
export default class TimingReporter implements Reporter {
  private started = 0;
  private workers = 1;
  private journeys: JourneyTiming[] = [];

  onBegin(config: FullConfig) {
    this.started = performance.now();
    this.workers = config.workers;
  }

  onTestEnd(test: TestCase, result: TestResult) {
    this.journeys.push({ project: test.parent.project()?.name ?? '', title: test.title, ms: result.duration, status: result.status });
  }

  onEnd() {
    process.stdout.write('\n' + renderTimings(this.journeys, performance.now() - this.started, this.workers) + '\n');
  }

  printsToStdio() {
    return false;
  }
}
