#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { declareCommands } from './command-table.js';

const program = new Command()
  .name('modeldebug')
  .description('Find out why a classifier is inaccurate and what fixes it.')
  .version('0.1.0')
  .configureOutput({
    // One line, like every other bad-input message: the problem, then where to read the usage.
    outputError: (text, write) =>
      write(`modeldebug: ${text.trim().replace(/\n+/g, ' ')} — run modeldebug --help for usage\n`),
  })
  .exitOverride();

await declareCommands(program, process.argv.slice(2));
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Usage errors (unknown option, missing argument) are bad input like any other: exit 2.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? 0 : 2;
}
