#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { auditCommand } from './audit.ts';
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
