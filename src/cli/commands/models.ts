import type { Command } from 'commander';
import { CLASSIFIERS, TRANSFORMERS } from '../../models/index.js';
import { withHelpExamples } from '../command-help.js';
import { runAction } from '../run-action.js';

/** Shown at the end of `modeldebug models --help`. */
const EXAMPLES = ['modeldebug models'];

/** Lists what a model spec may name, so that `--model` need not be guessed. */
export function registerModelsCommand(program: Command): void {
  withHelpExamples(program.command('models'), EXAMPLES)
    .description('list the classifiers and transforms a model spec can use, with their params')
    .action(
      runAction(async () => {
        const blocks = [
          ...CLASSIFIERS.map((entry) => describe(entry, 'classifier', entry.create().params)),
          ...TRANSFORMERS.map((entry) => describe(entry, 'transform', entry.create().params)),
        ];
        process.stdout.write(`${blocks.join('\n\n')}\n`);
        return 0;
      }),
    );
}

function describe(
  entry: { aliases: readonly string[]; summary: string },
  role: string,
  params: object,
): string {
  const aliases = entry.aliases.length > 1 ? ` (also ${entry.aliases.slice(1).join(', ')})` : '';
  return `${entry.aliases[0]}${aliases}: ${role}, ${entry.summary}\n  defaults: ${paramList(params)}`;
}

function paramList(params: object): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
