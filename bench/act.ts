/**
 * npm run bench:act [-- --replay] [--engines axe,htmlcs,keyboard] [--rule ID,…] [--out DIR]
 *
 * Portico against the W3C ACT rules' approved test cases, offline: the corpus is served on
 * loopback (every other host is made unresolvable, and counted), each case is audited by
 * `portico audit`'s own page audit (harness/page-audit.ts: every engine on the one live page plus
 * the keyboard walk), two pages at a time. Writes Portico's EARL report and, per ACT rule, the
 * ACT community's judgement beside the published axe-core, Alfa, QualWeb, Equal Access and SortSite
 * figures. --replay re-audits the artifacts saved by the last run, with no browser.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AUDITS, PAGE_PROBES } from '../composition/registry.ts';
import { launchSharedChromium } from '../harness/browser/launch.ts';
import { auditPages, replayArtifacts } from '../harness/page-audit.ts';
import { parseEngines } from '../composition/cli/audit.ts';
import { disconnectPuppeteer } from '../harness/gatherers/puppeteer-bridge.ts';
import type { Artifacts, RunBundle } from '../harness/types.ts';
import { addCounts, caseCounts, consistencyLabel, type CaseCounts, type Consistency } from './act-consistency.ts';
import { loadCorpus, loadPublished, type CorpusCase, type PublishedTool } from './act-corpus.ts';
import { measureRule, type CaseObservation, type RuleMeasure } from './act-measure.ts';
import { earlReport } from './act-earl.ts';
import { htmlcsPrecision, precisionOf } from './act-htmlcs-precision.ts';
import { unearnedCheck } from '../harness/findings/htmlcs-precision.ts';
import type { HtmlcsArtifact } from '../harness/gatherers/types.ts';
import { CONTENT_PREFIX, externalHosts, serveCorpus } from './act-serve.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const OUT = resolve(option('--out') ?? resolve(import.meta.dirname, 'out', 'act'));
const ENGINES = parseEngines(option('--engines'));
const ONLY_RULES = option('--rule')?.split(',');
const LANES = 2;

const corpus = loadCorpus();
const rules = ONLY_RULES ? corpus.rules.filter((r) => ONLY_RULES.includes(r.id)) : corpus.rules;
if (rules.length === 0) throw new Error(`--rule ${ONLY_RULES}: no approved rule with that id`);
const cases = rules.flatMap((r) => r.cases) as CorpusCase[];

interface CaseRun {
  record: CaseRecord;
  bundle?: RunBundle;
  htmlcs?: HtmlcsArtifact;
}

interface CaseRecord {
  testcaseId: string;
  ruleId: string;
  artifactsFile?: string;
  problem?: string;
  externalHosts: string[];
}

const htmlcsOf = (a: Artifacts) => {
  const h = a.gathered.htmlcs as HtmlcsArtifact | { error: string } | undefined;
  return h && 'issues' in h ? h : undefined;
};
const artifactsPath = (c: CorpusCase) => resolve(OUT, 'artifacts', c.ruleId, `${c.testcaseId}.json`);

function observe(c: CorpusCase, bundle: RunBundle | undefined, problem: string | undefined): CaseObservation {
  if (!bundle) return { testcaseId: c.testcaseId, audited: false, problem, findings: [], erroredAudits: [] };
  const errored = bundle.verdicts.filter((v) => v.outcome === 'error');
  const crash = errored.map((v) => `${v.auditId}: ${v.notes?.join('; ') ?? 'error'}`).join(' | ');
  return {
    testcaseId: c.testcaseId,
    audited: true,
    problem: problem ?? (crash || undefined),
    findings: bundle.findings.map((f) => ({ ruleId: f.ruleId, auditId: f.auditId, outcome: f.outcome, wcag: f.requirements.wcag })),
    erroredAudits: [...new Set(errored.map((v) => v.auditId))],
  };
}

async function gatherAll(): Promise<Map<string, CaseRun>> {
  const served = await serveCorpus(corpus.dir);
  // Offline: every host but loopback is unresolvable, so a page's CDN script or web font fails at once.
  const shared = await launchSharedChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost']);
  const results = new Map<string, CaseRun>();
  const queue = [...cases];
  let done = 0;
  const started = performance.now();
  const lane = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const html = await readFile(resolve(corpus.dir, c.relativePath), 'utf8').catch(() => '');
      const record: CaseRecord = { testcaseId: c.testcaseId, ruleId: c.ruleId, externalHosts: externalHosts(html) };
      const url = `${served.origin}${CONTENT_PREFIX}${c.relativePath}`;
      try {
        const { bundle, artifacts } = await auditPages([url], { audits: AUDITS, engines: ENGINES, probes: PAGE_PROBES, shared, timeoutMs: 15_000 });
        if (artifacts[0]) {
          record.artifactsFile = artifactsPath(c);
          await mkdir(resolve(record.artifactsFile, '..'), { recursive: true });
          await writeFile(record.artifactsFile, JSON.stringify(artifacts[0]));
          results.set(c.testcaseId, { record, bundle, htmlcs: htmlcsOf(artifacts[0]) });
        } else {
          record.problem = bundle.incomplete.map((i) => i.cause).join('; ') || 'not audited';
          results.set(c.testcaseId, { record });
        }
      } catch (error) {
        record.problem = `audit failed: ${(error as Error).message.split('\n')[0]}`;
        results.set(c.testcaseId, { record });
      }
      if (++done % 50 === 0) process.stderr.write(`  ${done}/${cases.length} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
  };
  try {
    await Promise.all(Array.from({ length: LANES }, lane));
  } finally {
    await disconnectPuppeteer(shared.cdpPort);
    await shared.browser.close().catch(() => {});
    await served.close();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`gathered ${cases.length} cases in ${seconds.toFixed(0)} s (${LANES} pages in parallel); assets not in the corpus: ${[...served.missing].join(', ') || 'none'}\n`);
  // With --rule, the other rules' saved records stay, so --replay still sees the whole corpus.
  const file = resolve(OUT, 'cases.json');
  const kept = ONLY_RULES && existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')).records as CaseRecord[]).filter((r) => !results.has(r.testcaseId)) : [];
  await writeFile(file, JSON.stringify({ engines: ENGINES, seconds, records: [...kept, ...[...results.values()].map((r) => r.record)] }, null, 1));
  return results;
}

async function replayAll(): Promise<Map<string, CaseRun>> {
  const file = resolve(OUT, 'cases.json');
  if (!existsSync(file)) throw new Error(`--replay: ${file} does not exist; run npm run bench:act once without --replay`);
  const saved = JSON.parse(await readFile(file, 'utf8')) as { records: CaseRecord[] };
  const byId = new Map(saved.records.map((r) => [r.testcaseId, r]));
  const results = new Map<string, CaseRun>();
  for (const c of cases) {
    const record = byId.get(c.testcaseId) ?? { testcaseId: c.testcaseId, ruleId: c.ruleId, externalHosts: [], problem: 'not gathered by the last run' };
    if (!record.artifactsFile) { results.set(c.testcaseId, { record }); continue; }
    const artifacts = JSON.parse(await readFile(record.artifactsFile, 'utf8')) as Artifacts;
    results.set(c.testcaseId, { record, bundle: replayArtifacts(AUDITS, [artifacts]), htmlcs: htmlcsOf(artifacts) });
  }
  return results;
}

await mkdir(OUT, { recursive: true });
const results = flag('--replay') ? await replayAll() : await gatherAll();
const observations = new Map(cases.map((c) => {
  const r = results.get(c.testcaseId);
  return [c.testcaseId, observe(c, r?.bundle, r?.record.problem)] as const;
}));
const measures = rules.map((r) => measureRule(r, observations));

const TOOLS = ['axe-core', 'alfa', 'qualweb', 'equal-access', 'sortsite'];
const caseIds = new Set(cases.map((c) => c.testcaseId));
const published: PublishedTool[] = TOOLS.map((t) => loadPublished(t, caseIds));

// ---- the table ----
const SHORT: Record<string, string> = { complete: 'C', partial: 'P', minimal: 'P', null: 'I', untested: '-' };
const short = (c: Consistency | 'untested' | undefined) => SHORT[String(c === undefined ? 'untested' : c)];
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const countText = (k: CaseCounts) => `${k.failedCaught}/${k.failedCases} ${k.otherWronglyFailed}/${k.otherCases}`;
const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

const lines: string[] = [];
lines.push(`ACT rules: ${rules.length} approved rules, ${cases.length} cases; engines ${ENGINES.join(', ')} + Portico's audits. C consistent · P partially · I inconsistent · - untested`);
lines.push(`caught = failed cases reported failed / failed cases; wrong = passed+inapplicable cases reported failed / those cases`);
lines.push('');
lines.push(`${pad('rule', 7)} ${pad('name', 42)} ${pad('Portico (ACT)', 13)} ${pad('caught wrong', 13)} ${pad('whole tool', 10)} ${pad('caught wrong', 13)} ${TOOLS.map((t) => pad(t, 7)).join(' ')}  procedures`);
for (const m of measures) {
  const act = m.best ? caseCounts(m.best.testResults) : undefined;
  const whole = m.whole ? caseCounts(m.whole.testResults) : undefined;
  lines.push([
    pad(m.rule.id, 7), pad(m.rule.name, 42),
    pad(short(m.best ? m.best.consistency : 'untested'), 13), pad(act ? countText(act) : '', 13),
    pad(m.whole ? short(m.whole.consistency) : 'n/a', 10), pad(whole ? countText(whole) : '', 13),
    TOOLS.map((_, i) => pad(short(published[i].rules.get(m.rule.id)?.consistency ?? 'untested'), 7)).join(' '),
    ` ${m.best?.procedures.join(' + ') ?? ''}`,
  ].join(' '));
}

// ---- totals ----
const mapped = measures.filter((m) => m.best);
const actTotals = addCounts(mapped.map((m) => caseCounts(m.best!.testResults)));
const actConsistent = measures.filter((m) => m.best?.consistency === 'complete').length;
const wholeMeasured = measures.filter((m) => m.whole);
const wholeTotals = addCounts(wholeMeasured.map((m) => caseCounts(m.whole!.testResults)));
const wholeConsistent = wholeMeasured.filter((m) => m.whole!.consistency === 'complete').length;
lines.push('');
lines.push(`${pad('tool', 32)} ${pad('consistent', 11)} ${pad('partial', 8)} ${pad('inconsistent', 13)} ${pad('untested', 9)} recall (failed caught)   false-fail (others failed)`);
for (const tool of published) {
  const own = rules.map((r) => tool.rules.get(r.id)).filter((p) => p && p.consistency !== 'untested');
  const counts = addCounts(own.map((p) => caseCounts(p!.testResults)));
  const by = (c: Consistency) => own.filter((p) => p!.consistency === c).length;
  lines.push(`${pad(`${tool.name} ${tool.version}`, 32)} ${pad(String(by('complete')), 11)} ${pad(String(by('partial') + by('minimal')), 8)} ${pad(String(by(null)), 13)} ${pad(String(rules.length - own.length), 9)} ${pad(`${pct(counts.failedCaught, counts.failedCases)} (${counts.failedCaught}/${counts.failedCases})`, 24)} ${pct(counts.otherWronglyFailed, counts.otherCases)} (${counts.otherWronglyFailed}/${counts.otherCases})`);
}
const by = (c: Consistency) => mapped.filter((m) => m.best!.consistency === c).length;
lines.push(`${pad('Portico (ACT method)', 32)} ${pad(String(actConsistent), 11)} ${pad(String(by('partial') + by('minimal')), 8)} ${pad(String(by(null)), 13)} ${pad(String(rules.length - mapped.length), 9)} ${pad(`${pct(actTotals.failedCaught, actTotals.failedCases)} (${actTotals.failedCaught}/${actTotals.failedCases})`, 24)} ${pct(actTotals.otherWronglyFailed, actTotals.otherCases)} (${actTotals.otherWronglyFailed}/${actTotals.otherCases})`);
lines.push(`${pad('Portico (whole tool, by WCAG)', 32)} ${pad(String(wholeConsistent), 11)} ${pad('', 8)} ${pad('', 13)} ${pad(String(rules.length - wholeMeasured.length), 9)} ${pad(`${pct(wholeTotals.failedCaught, wholeTotals.failedCases)} (${wholeTotals.failedCaught}/${wholeTotals.failedCases})`, 24)} ${pct(wholeTotals.otherWronglyFailed, wholeTotals.otherCases)} (${wholeTotals.otherWronglyFailed}/${wholeTotals.otherCases})`);

const precision = htmlcsPrecision(rules, (id) => results.get(id)?.htmlcs?.issues);
lines.push('');
lines.push('HTML_CodeSniffer checks on the cases of rules about their criterion (right = failed cases reported, wrong = passed/inapplicable reported):');
for (const p of precision.filter((x) => x.type === 'error' || x.onOther)) {
  const held = p.type === 'error' && unearnedCheck(p.check);
  const status = p.type === 'warning' ? 'cantTell (warning)' : held ? 'held back: cantTell' : p.onOther ? 'BARRIER, but fails passing cases' : 'barrier';
  lines.push(`  ${pad(p.type, 8)} ${pad(p.check, 52)} right ${String(p.onFailed).padStart(3)}  wrong ${String(p.onOther).padStart(3)}  precision ${pad(precisionOf(p) === undefined ? 'n/a' : `${Math.round(100 * precisionOf(p)!)}%`, 5)} ${status}${p.onOther ? `  e.g. ${p.otherCases.slice(0, 3).join(' ')}` : ''}`);
}

const notAudited = [...observations.values()].filter((o) => !o.audited);
const crashed = [...observations.values()].filter((o) => o.audited && o.erroredAudits.length);
const external = [...results.values()].filter((r) => r.record.externalHosts.length);
lines.push('');
lines.push(`cases not audited: ${notAudited.length}${notAudited.map((o) => `\n  ${o.testcaseId}: ${o.problem}`).join('')}`);
lines.push(`cases where an engine or audit could not run (its results are untested there; the others stand): ${crashed.length}${crashed.map((o) => `\n  ${o.testcaseId}: ${o.problem}`).join('')}`);
lines.push(`cases that load from other hosts (unreachable offline, audited without them): ${external.length} (${[...new Set(external.flatMap((r) => r.record.externalHosts))].join(', ')})`);

const earl = earlReport(measures, { assertedBy: 'https://github.com/portico/portico', toolName: 'Portico', version: '0.1.0' });
await writeFile(resolve(OUT, 'portico.earl.json'), JSON.stringify(earl, null, 1));
const summary = measures.map((m) => ({
  ruleId: m.rule.id, name: m.rule.name,
  act: m.best && { consistency: consistencyLabel(m.best.consistency), procedures: m.best.procedures, requirementsCorrect: m.best.requirementsCorrect, ...caseCounts(m.best.testResults) },
  whole: m.whole && { consistency: consistencyLabel(m.whole.consistency), ...caseCounts(m.whole.testResults) },
  wrong: m.best?.testResults.filter((r) => (r.expected === 'failed') !== r.outcomes.includes('failed')).map((r) => ({ testcaseId: r.testcaseId, expected: r.expected, outcomes: r.outcomes })),
  wholeWrong: m.whole?.testResults.filter((r) => (r.expected === 'failed') !== r.outcomes.includes('failed')).map((r) => ({ testcaseId: r.testcaseId, expected: r.expected, outcomes: r.outcomes })),
}));
await writeFile(resolve(OUT, 'summary.json'), JSON.stringify(summary, null, 1));
lines.push(`wrote ${resolve(OUT, 'portico.earl.json')} (${earl['@graph'].length - 1} assertions), ${resolve(OUT, 'summary.json')}`);
lines.push(`act: ${actConsistent} rules consistent, failed-case recall ${pct(actTotals.failedCaught, actTotals.failedCases)}, false-fail ${pct(actTotals.otherWronglyFailed, actTotals.otherCases)}`);
console.log(lines.join('\n'));
