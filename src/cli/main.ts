#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerAblateCommand } from './commands/ablate.js';
import { registerCleanCommand } from './commands/clean.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerCurveCommand } from './commands/curve.js';
import { registerEnsembleCommand } from './commands/ensemble.js';
import { registerErrorsCommand } from './commands/errors.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerFixCommand } from './commands/fix.js';
import { registerImportanceCommand } from './commands/importance.js';
import { registerModelsCommand } from './commands/models.js';
import { registerRegpathCommand } from './commands/regpath.js';
import { registerRunCommand } from './commands/run.js';
import { registerRunsCommand } from './commands/runs.js';
import { registerSearchCommand } from './commands/search.js';
import { registerSelectCommand } from './commands/select.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerVcurveCommand } from './commands/vcurve.js';
import { registerViewCommand } from './commands/view.js';
import { registerWorkerCommand } from './commands/worker.js';

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

registerRunCommand(program);
registerEvalCommand(program);
registerFixCommand(program);
registerEnsembleCommand(program);
registerErrorsCommand(program);
registerModelsCommand(program);
registerSelectCommand(program);
registerImportanceCommand(program);
registerRegpathCommand(program);
registerSearchCommand(program);
registerRunsCommand(program);
registerCurveCommand(program);
registerVcurveCommand(program);
registerWorkerCommand(program);
registerValidateCommand(program);
registerCleanCommand(program);
registerAblateCommand(program);
registerCompareCommand(program);
registerViewCommand(program);
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Usage errors (unknown option, missing argument) are bad input like any other: exit 2.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? 0 : 2;
}
