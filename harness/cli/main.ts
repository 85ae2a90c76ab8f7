#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { auditCommand } from './audit.ts';
import { runCommand } from './run.ts';
import { serveCommand } from './serve.ts';
import { demoCommand } from './demo.ts';
import { PERSONAS } from '../../personas/index.ts';
import { DEFECT_IDS } from '../../targets/reference/defects.ts';
import { UsageError } from '../page-audit.ts';
import { EXIT } from '../bundle.ts';
import { ENGINE_NAMES, DEFAULT_ENGINES } from '../gatherers/index.ts';

const program = new Command();
program
  .name('portico')
  .description('Accessibility and internationalisation conformance harness: real browser, whole journeys, findings keyed to WCAG 2.2, Section 508, Trusted Tester and EN 301 549.')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText('after', `
Exit codes (every command):
  0   no barriers found
  1   barriers found
  2   incomplete: a page, step or engine could not run (refused connection, HTTP error, timeout, crash) — never a pass
  64  bad usage`);

program
  .command('audit')
  .description('Audit pages the way a pa11y or axe CLI user expects: load each, run the engines on the live page, print findings grouped by WCAG criterion, write findings.json and the artifacts.')
  .argument('[pages...]', 'URLs (http, https, file) or paths to HTML files')
  .addOption(new Option('--engines <list>', `comma-separated: ${ENGINE_NAMES.join(', ')}, or all`).default(DEFAULT_ENGINES.join(',')))
  .option('--out <dir>', 'where findings.json and artifacts/ are written', 'portico-out/audit')
  .addOption(new Option('--format <format>', 'what is printed on stdout').choices(['text', 'json']).default('text'))
  .option('--timeout <seconds>', 'page load timeout', '30')
  .option('--replay <dir>', 're-audit artifacts saved by an earlier run, with no browser at all')
  .addHelpText('after', `
Examples:
  portico audit https://example.org/ ./page.html
  portico audit --engines all --format json https://example.org/ > findings.json
  portico audit --replay portico-out/audit/artifacts`)
  .action(async (pages: string[], options) => {
    process.exitCode = await auditCommand(pages, options);
  });

program
  .command('run')
  .description('Walk whole journeys as each persona on a target, auditing every step; writes findings.json, report.html, summary.txt, artifacts, screenshots, transcripts and traces.')
  .option('--target <id|file>', 'built-in target (reference) or a declarative target file (YAML or JSON)', 'reference')
  .option('--persona <list>', `comma-separated personas (default: every persona with a flow): ${PERSONAS.map((p) => p.id).join(', ')}`)
  .option('--profile <profile>', 'reference target profile: conformant (default) or cbp-one-2023')
  .option('--defects <list>', `reference target defects to switch on: ${DEFECT_IDS.join(', ')}`)
  .option('--out <dir>', 'run directory (default portico-out/<profile>)')
  .option('--workers <n>', 'parallel browsers (each with its own target instance)', '2')
  .option('--base-url <url>', "run a described target against another address than its file's baseURL")
  .addHelpText('after', `
Examples:
  portico run                                   # every persona on the conformant reference app
  portico run --profile cbp-one-2023            # the app with the barriers documented in 2023
  portico run --persona keyboard --defects focus-outline-removed
  portico run --target targets/examples/shop.target.yaml --persona keyboard,screen-reader`)
  .action(async (options) => {
    process.exitCode = await runCommand(options);
  });

program
  .command('demo')
  .description('What `npm start` runs: every persona on the reference target, conformant and cbp-one-2023 side by side (portico-out/index.html).')
  .option('--out <dir>', 'output directory', 'portico-out')
  .option('--workers <n>', 'parallel browsers', '2')
  .action(async (options) => {
    process.exitCode = await demoCommand(options);
  });

program
  .command('lottery')
  .description("Evidence about a target's appointment lottery: wait times under its design and alternatives, the advantage of holding several accounts, families split, shelter residents flagged by a shared-address rule, and whether every published draw recomputes from its revealed seed. Writes findings.json, report.html, lottery.html, lottery.json and SVG charts.")
  .option('--target <reference|file>', 'reference (driven through its module, its published draw records read over HTTP) or a lottery adapter file (YAML/JSON: a module path and/or a records URL)', 'reference')
  .option('--profile <profile>', 'reference target profile: conformant (default) or cbp-one-2023')
  .option('--defects <list>', 'reference target defects to switch on, e.g. duplicate-accounts-enter-lottery')
  .option('--out <dir>', 'output directory', 'portico-out/lottery')
  .option('--seeds <n>', 'independent simulations (intervals are over these)', '5')
  .option('--days <n>', 'days simulated', '540')
  .option('--registrations <n>', 'persons registered', '765000')
  .option('--request-probability <p>', 'chance a waiting person asks again on a given day', '0.9')
  .option('--give-up <p>', 'daily chance a waiting person gives up', '0.001')
  .option('--backlog-share <p>', 'share of registrations already waiting on day 0', '0.25')
  .option('--arrival-days <n>', 'the rest arrive uniformly over this many days', '360')
  .option('--driven-seeds <n>', "seeds whose days are drawn through the target's own code (the rest: a model of its rules, checked against it)", '1')
  .option('--record-days <n>', 'reference target: days of real draws to publish and recompute', '2')
  .addOption(new Option('--format <format>', 'what is printed on stdout').choices(['text', 'json']).default('text'))
  .addHelpText('after', `
Examples:
  portico lottery                                        # the conformant reference target
  portico lottery --defects duplicate-accounts-enter-lottery
  portico lottery --target my-lottery.yaml --seeds 10`)
  .action(async (options) => {
    const { lotteryCommand } = await import('../lottery/command.ts');
    process.exitCode = await lotteryCommand(options);
  });

program
  .command('serve')
  .description('Serve the reference target in the foreground (Ctrl+C to stop).')
  .argument('<target>', 'reference')
  .option('--profile <profile>', 'conformant or cbp-one-2023', 'conformant')
  .option('--defects <list>', 'defects to switch on, by id')
  .option('--port <n>', 'port (0 = any free port)', '8080')
  .option('--test-mode', 'enable the /__test endpoints (outbox, clock, faults) and an always-open appointment window')
  .action(async (target: string, options) => {
    await serveCommand(target, options);
  });

async function main(argv: string[]) {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT.usage;
      return;
    }
    if (error instanceof UsageError) {
      console.error(`portico: ${error.message}`);
      process.exitCode = EXIT.usage;
      return;
    }
    console.error(`portico: ${(error as Error).stack ?? error}`);
    process.exitCode = EXIT.incomplete;
  }
}

await main(process.argv);
