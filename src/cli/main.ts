#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerEvalCommand } from './commands/eval.js';

const program = new Command()
  .name('modeldebug')
  .description('Find out why a classifier is inaccurate and what fixes it.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({
    outputError: (text, write) => write(`modeldebug: ${text.replace(/^error: /, 'error: ')}`),
  })
  .exitOverride();

registerEvalCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Usage errors (unknown option, missing argument) are bad input like any other: exit 2.
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
