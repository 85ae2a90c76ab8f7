import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The CI examples in examples/ci are run as written: their portico commands, in a project whose
 * site has known barriers accepted in a baseline, pass; one new barrier fails them; and the files
 * they hand to the CI (SARIF, JUnit, the run directory) exist where they say.
 */
const root = resolve(import.meta.dirname, '..', '..');
const pages = join(root, 'harness', 'test-pages');
const portico = (line: string, cwd: string) => {
  const args = line.replace(/^npx portico\s+/, '').split(/\s+/);
  const r = spawnSync(process.execPath, [join(root, 'composition', 'cli', 'main.ts'), ...args], { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, PORTICO_MODE: '' } });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-ci-'));
  mkdirSync(join(dir, 'site'));
  copyFileSync(join(pages, 'clean.html'), join(dir, 'site', 'index.html'));
  copyFileSync(join(pages, 'violations.html'), join(dir, 'site', 'form.html'));
  // What the examples say to do once: accept today's barriers.
  expect(portico('npx portico audit site/index.html site/form.html --out portico-out', dir).code).toBe(1);
  const accepted = portico('npx portico baseline portico-out --reason known', dir);
  expect(accepted.code, accepted.out).toBe(0);
  return dir;
}

const examples = {
  'GitHub Actions': () => {
    const wf = parse(readFileSync(join(root, 'examples', 'ci', 'github-actions.yml'), 'utf8'));
    const steps = wf.jobs.portico.steps as Array<{ run?: string; uses?: string; with?: Record<string, string> }>;
    return {
      commands: steps.map((s) => s.run ?? '').filter((r) => r.startsWith('npx portico')),
      files: [
        ...steps.flatMap((s) => [s.with?.sarif_file, s.with?.path]).filter((f): f is string => Boolean(f)),
        // `cat FILE >> "$GITHUB_STEP_SUMMARY"`: the file the summary step reads.
        ...steps.map((s) => /^cat (\S+) >> "\$GITHUB_STEP_SUMMARY"$/.exec(s.run ?? '')?.[1]).filter((f): f is string => Boolean(f)),
      ],
    };
  },
  'GitLab CI': () => {
    const job = parse(readFileSync(join(root, 'examples', 'ci', 'gitlab-ci.yml'), 'utf8')).accessibility;
    return { commands: (job.script as string[]).filter((l) => l.startsWith('npx portico')), files: [...job.artifacts.paths, job.artifacts.reports.junit] as string[] };
  },
};

for (const [name, read] of Object.entries(examples)) {
  test(`${name} example: passes on accepted barriers, fails on a new one, and its report files exist`, async () => {
    test.setTimeout(300_000);
    const { commands, files } = read();
    expect(commands.length).toBeGreaterThan(0);
    const dir = project();
    for (const line of commands) {
      const r = portico(line, dir);
      expect(r.code, r.out).toBe(0);
    }
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
    appendFileSync(join(dir, 'site', 'index.html'), '<img src="new-chart.png">');
    const failing = portico(commands.at(-1)!, dir);
    expect(failing.code, failing.out).toBe(1);
    expect(failing.out).toMatch(/new/i);
  });
}
