#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { declareCommands } from './command-table.js';

// A reader that stops early (`modeldebug run --help | head -3`) closes the pipe: the rest of the output is
// not wanted, which is no error, so exit quietly instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

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
