#!/usr/bin/env node
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { PERSONA_IDS } from '../../personas/ids.ts';
import { UsageError } from '../../harness/usage-error.ts';
import { ENGINE_NAMES, DEFAULT_ENGINES } from '../../harness/gatherers/engine-names.ts';

// Each command's module (browsers, engines, the reference app) loads only when that command runs,
// so `portico --help` and usage errors answer at once.
const EXIT = { clean: 0, barriers: 1, incomplete: 2, usage: 64 } as const;
import { BundleError } from '../../harness/evidence/errors.ts';

const program = new Command();
program
  .name('portico')
  .description('Accessibility and internationalisation conformance harness: real browser, whole journeys, findings keyed to WCAG 2.2, Section 508, Trusted Tester and EN 301 549.')
  .option('--config <file>', 'config file (default: portico.config.{ts,mjs,js,yaml,yml,json} in the working directory); flags override it')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText('after', `
Exit codes (every command):
  0   no barriers found
  1   barriers found
  2   incomplete: a page, step or engine could not run (refused connection, HTTP error, timeout, crash) — never a pass
  64  bad usage (and, for verify/bundle/report, something that is not a readable bundle)
  portico verify: 0 everything holds, 1 something changed, is missing, was added or the signature fails`);

/** --signing-key FILE → PORTICO_SIGNING_KEY for the run's reporter; the key is checked before anything starts. */
async function useSigningKey(file: string | undefined) {
  if (!file) return;
  (await import('../../harness/report/run-output.ts')).signingKeyFrom({ signingKey: file });
  process.env.PORTICO_SIGNING_KEY = resolve(file);
}


program
  .command('audit')
  .description('Audit pages the way a pa11y or axe CLI user expects: load each, run the engines on the live page, print findings grouped by WCAG criterion, write findings.json and the artifacts.')
  .argument('[pages...]', 'URLs (http, https, file) or paths to HTML files')
  .addOption(new Option('--engines <list>', `comma-separated: ${ENGINE_NAMES.join(', ')}, or all`).default(DEFAULT_ENGINES.join(',')))
  .option('--out <dir>', 'where findings.json and artifacts/ are written', 'portico-out/audit')
  .addOption(new Option('--format <format>', 'what is printed on stdout').choices(['text', 'json']).default('text'))
  .option('--timeout <seconds>', 'page load timeout', '30')
  .option('--replay <dir>', 're-audit artifacts saved by an earlier run, with no browser at all')
  .option('--baseline <file>', 'accepted barriers (portico baseline): exit 1 only on new ones')
  .option('--reporter <list>', 'outputs to write and how to show progress (repeatable): list, dot, json, html, text, markdown, sarif, junit, earl, openacr, pdf', (v: string, prev: string[] = []) => [...prev, v])
  .option('--signing-key <file>', 'sign the evidence manifest with this Ed25519 key (portico keygen); default PORTICO_SIGNING_KEY')
  .addHelpText('after', `
Examples:
  portico audit https://example.org/ ./page.html
  portico audit --engines all --format json https://example.org/ > findings.json
  portico audit --replay portico-out/audit/artifacts`)
  .action(async (pages: string[], options, command: Command) => {
    const { config, file } = await (await import('../config/load.ts')).loadConfig(program.opts().config);
    await useSigningKey(options.signingKey);
    const merged = (await import('../config/apply.ts')).auditOptions(options, config, (k) => command.getOptionValueSource(k) === 'cli', file);
    process.exitCode = await (await import('./audit.ts')).auditCommand(pages, merged);
  });

program
  .command('run')
  .description('Walk whole journeys as each persona on a target, auditing every step; writes findings.json, report.html, summary.txt, artifacts, screenshots, transcripts and traces.')
  .option('--target <id|file>', 'built-in target (reference) or a declarative target file (YAML or JSON)', 'reference')
  .option('--persona <list>', `comma-separated personas (default: every persona with a flow): ${PERSONA_IDS.join(', ')}`)
  .option('--profile <profile>', 'the target profile: conformant (default) or another the target declares (reference: cbp-one-2023)')
  .option('--defects <list>', 'defects to switch on, by id from the target catalogue (an unknown id lists the valid ones)')
  .option('--out <dir>', 'run directory (default portico-out/<profile>)')
  .option('--workers <n>', 'parallel browsers (each with its own target instance)', '2')
  .option('--base-url <url>', "run a described target against another address than its file's baseURL")
  .option('--trace', 'keep a Playwright trace of every journey (default: only of journeys that did not finish)')
  .option('--quiet', 'a dot per journey instead of a line')
  .option('--shard <i/n>', 'walk only the i-th of n parts of the journeys, e.g. on n CI machines; join the parts with portico merge')
  .option('--baseline <file>', 'accepted barriers (portico baseline): exit 1 only on new ones')
  .option('--reporter <list>', 'outputs to write and how to show progress (repeatable): list, dot, json, html, text, markdown, sarif, junit, earl, openacr, pdf', (v: string, prev: string[] = []) => [...prev, v])
  .option('--signing-key <file>', 'sign the evidence manifest with this Ed25519 key (portico keygen); default PORTICO_SIGNING_KEY')
  .option('--no-lottery', "skip the lottery checkpoint (a short simulation of the target's lottery, on targets that have one)")
  .addHelpText('after', `
Examples:
  portico run                                   # every persona on the conformant reference app
  portico run --profile cbp-one-2023            # the app with the barriers documented in 2023
  portico run --persona keyboard --defects focus-outline-removed
  portico run --target targets/examples/shop.target.yaml --persona keyboard,screen-reader`)
  .action(async (options, command: Command) => {
    const { config, file } = await (await import('../config/load.ts')).loadConfig(program.opts().config);
    await useSigningKey(options.signingKey);
    const merged = (await import('../config/apply.ts')).runOptions(options, config, (k) => command.getOptionValueSource(k) === 'cli', file);
    process.exitCode = await (await import('./run.ts')).runCommand(merged);
  });

program
  .command('merge')
  .description('Join the run directories of `portico run --shard i/n` into one run: artifacts and evidence copied, everything re-audited, what any shard could not check kept as incomplete.')
  .argument('<dirs...>', 'the shard run directories')
  .option('--out <dir>', 'the merged run directory', 'portico-out/merged')
  .option('--expect-shards <n>', 'how many shards there should be: fewer finished makes the merge incomplete')
  .addHelpText('after', `
Examples:
  portico run --shard 1/2 --out shard-1    # on one machine
  portico run --shard 2/2 --out shard-2    # on another
  portico merge shard-1 shard-2 --expect-shards 2 --out portico-out/run`)
  .action(async (dirs: string[], options) => {
    process.exitCode = await (await import('./merge.ts')).mergeCommand(dirs, options);
  });

program
  .command('baseline')
  .description('Accept the barriers of a run for now: writes portico-baseline.json, so runs with --baseline fail only on new barriers. An existing baseline is updated (reasons kept, fixed entries dropped).')
  .argument('<run-dir>', 'directory of a portico run or audit (holds findings.json)')
  .option('--out <file>', 'baseline file', 'portico-baseline.json')
  .option('--reason <text>', 'why these barriers are accepted for now (kept per entry)')
  .option('--accepted-by <name>', 'who accepted them (default: $USER)')
  .option('--expires <YYYY-MM-DD>', 'after this date the entries no longer excuse their barriers')
  .action(async (runDir: string, options) => {
    process.exitCode = (await import('./baseline.ts')).baselineCommand(runDir, options);
  });

program
  .command('demo')
  .description('What `npm start` runs: every persona on the reference target, conformant and cbp-one-2023 side by side (portico-out/index.html).')
  .option('--out <dir>', 'output directory', 'portico-out')
  .option('--workers <n>', 'parallel browsers', '2')
  .option('--trace', 'keep a Playwright trace of every journey')
  .action(async (options) => {
    process.exitCode = await (await import('./demo.ts')).demoCommand(options);
  });

program
  .command('lottery')
  .description("Evidence about a target's appointment lottery: wait times under its design and alternatives, the advantage of holding several accounts, families split, shelter residents flagged by a shared-address rule, and whether every published draw recomputes from its revealed seed. Writes findings.json, report.html, lottery.html, lottery.json and SVG charts.")
  .option('--target <reference|file>', 'reference (driven through its module, its published draw records read over HTTP) or a lottery adapter file (YAML/JSON: a module path and/or a records URL)', 'reference')
  .option('--profile <profile>', 'the target profile: conformant (default) or another the target declares (reference: cbp-one-2023)')
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
    await (await import('./serve.ts')).serveCommand(target, options);
  });

program
  .command('keygen')
  .description('Make an Ed25519 key pair for signing evidence bundles: the private key to FILE, the public key to FILE.pub.')
  .requiredOption('--out <file>', 'where the private key goes (FILE.pub gets the public key)')
  .option('--force', 'overwrite an existing key')
  .action(async (options) => {
    process.exitCode = (await import('./evidence.ts')).keygenCommand(options);
  });

program
  .command('verify')
  .description('Check an evidence bundle (run directory or zip): every file against manifest.json, and the signature. Names exactly what changed, is missing or was added.')
  .argument('<bundle>', 'a run directory or a zip made by portico bundle')
  .option('--key <file>', 'the public key (FILE.pub) the bundle must be signed with')
  .addOption(new Option('--format <format>', 'what is printed').choices(['text', 'json']).default('text'))
  .addHelpText('after', `
Exit codes: 0 everything holds · 1 something changed, is missing or was added, or the signature fails or is by another key · 64 not a bundle, a truncated zip, a manifest that does not parse`)
  .action(async (bundle: string, options) => {
    process.exitCode = (await import('./evidence.ts')).verifyCommand(bundle, options);
  });

program
  .command('bundle')
  .description('Pack a run directory (with its manifest and signature) into one zip to hand over.')
  .argument('<dir>', 'run directory')
  .option('--out <file>', 'zip to write (default <dir>.zip)')
  .action(async (dir: string, options) => {
    process.exitCode = (await import('./evidence.ts')).bundleCommand(dir, options);
  });

program
  .command('report')
  .description('Re-render reports from a run directory or bundle zip, without walking any journey.')
  .argument('<bundle>', 'a run directory or a zip made by portico bundle')
  .option('--format <list>', 'comma-separated: html, text, sarif, junit, earl, openacr, pdf', 'html')
  .option('--out <dir>', 'where the files go (never the bundle itself)', 'portico-out/rendered')
  .action(async (bundle: string, options) => {
    const { AUDITS } = await import('../../audits/index.ts');
    process.exitCode = await (await import('./report.ts')).reportCommand(bundle, options, AUDITS.map((a) => a.meta));
  });

async function main(argv: string[]) {
  process.env.PORTICO_COMMAND_LINE ??= JSON.stringify(['portico', ...argv.slice(2)]);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT.usage;
      return;
    }
    if (error instanceof UsageError || error instanceof BundleError) {
      console.error(`portico: ${error.message}`);
      process.exitCode = EXIT.usage;
      return;
    }
    console.error(`portico: ${(error as Error).stack ?? error}`);
    process.exitCode = EXIT.incomplete;
  }
}

await main(process.argv);
