import type { Command } from 'commander';
import { CLASSIFIERS, ENSEMBLES, TRANSFORMERS } from '../../catalog/index.js';
import { withHelpExamples } from '../command-help.js';
import { runAction } from '../run-action.js';

/** Shown at the end of `modeldebug models --help`. */
const EXAMPLES = ['modeldebug models'];

interface Listed {
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly schema: { readonly shape: Readonly<Record<string, { readonly description?: string }>> };
}

/** Lists what a model spec may name, so that `--model` need not be guessed. */
export function registerModelsCommand(program: Command): void {
  withHelpExamples(program.command('models'), EXAMPLES)
    .description('list the classifiers and transforms a model spec can use, with their params')
    .action(
      runAction(async () => {
        const blocks = [
          ...CLASSIFIERS.map((entry) => describe(entry, 'classifier', entry.create().params)),
          ...ENSEMBLES.map((entry) => describe(entry, 'ensemble', entry.schema.parse({}))),
          ...TRANSFORMERS.map((entry) => describe(entry, 'transform', entry.create().params)),
        ];
        process.stdout.write(`${blocks.join('\n\n')}\n`);
        return 0;
      }),
    );
}

/** The summary, the defaults, then one line per param whose schema carries a `.describe()` text. */
function describe(entry: Listed, role: string, params: object): string {
  const aliases = entry.aliases.length > 1 ? ` (also ${entry.aliases.slice(1).join(', ')})` : '';
  const described = Object.entries(entry.schema.shape).flatMap(([key, field]) =>
    field.description ? [`  ${key}: ${field.description}`] : [],
  );
  return [
    `${entry.aliases[0]}${aliases}: ${role}, ${entry.summary}`,
    `  defaults: ${paramList(params)}`,
    ...described,
  ].join('\n');
}

function paramList(params: object): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
