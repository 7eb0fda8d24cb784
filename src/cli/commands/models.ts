import type { Command } from 'commander';
import { withHelpExamples } from '../command-help.js';
import { formatModels } from '../format/models-text.js';
import { runAction } from '../run-action.js';

/** Shown at the end of `modeldebug models --help`. */
const EXAMPLES = ['modeldebug models', "modeldebug models | grep -A12 '^logreg'"];

/** Lists what a model spec may name, so that `--model` need not be guessed. */
export function registerModelsCommand(program: Command): void {
  withHelpExamples(program.command('models'), EXAMPLES)
    .description('list the classifiers, ensembles and transforms a model spec can use, with every param')
    .action(
      runAction(async () => {
        process.stdout.write(formatModels());
        return 0;
      }),
    );
}
