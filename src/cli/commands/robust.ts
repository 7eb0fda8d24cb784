import type { Command } from 'commander';
import {
  type LlmRobustness,
  llmRobustness,
  type VariantFamily,
} from '../../analysis/llm/robustness/index.js';
import { formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { versionedDocument } from '../format/json-document.js';
import { robustText } from '../format/robust-text.js';
import {
  addLlmTechniqueOptions,
  type LlmTechniqueFlags,
  readLlmTechniqueInput,
  techniqueJsonHead,
} from '../llm-technique-input.js';
import { runAction } from '../run-action.js';

interface RobustFlags extends LlmTechniqueFlags {
  readonly samples: string;
  readonly families: string;
}

const FAMILIES: readonly VariantFamily[] = ['format', 'labels', 'input'];

/** Shown at the end of `modeldebug robust --help`. */
const EXAMPLES = [
  "modeldebug robust reviews.csv --label sentiment --model 'llm(model=gpt-4o-mini, temperature=0.7)'",
  "modeldebug robust reviews.csv --label sentiment --model 'llm(model=gpt-4o-mini)' --families format,input --json",
];

export function registerRobustCommand(program: Command): void {
  const command = withHelpExamples(program.command('robust'), EXAMPLES)
    .description(
      "an LLM classifier's accuracy and flip rate under format, label-list and input variants and repeated sampling",
    )
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option('--families <list>', 'variant families to try, comma-separated', FAMILIES.join(','))
    .option('--samples <k>', 'answers per row at the model temperature for pass^k (1: skip)', '5');
  addLlmTechniqueOptions(command, "'llm(model=gpt-4o-mini, temperature=0.7)'").action(
    runAction(async (data: string | undefined, flags: RobustFlags) => {
      const families = parseFamilies(flags.families);
      const samples = wholeNumberFlag('--samples', flags.samples, 1);
      const input = await readLlmTechniqueInput('robust', data, flags);
      let result: LlmRobustness;
      try {
        result = await llmRobustness(input.llm, input.dataset.features, input.dataset.labels, {
          folds: input.folds,
          families,
          samples,
          seed: wholeNumberFlag('--seed', flags.seed, 0),
        });
      } finally {
        input.close();
      }
      const model = formatModelSpec(input.steps);
      if (flags.json) {
        process.stdout.write(versionedDocument('robust', 1, { ...techniqueJsonHead(input), ...result }));
        return 0;
      }
      process.stdout.write(`${robustText(result, input.dataset, model, input.folds.length)}\n`);
      return 0;
    }),
  );
}

function parseFamilies(text: string): VariantFamily[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !FAMILIES.some((family) => family === name));
  if (unknown !== undefined) {
    throw new ModeldebugError('invalid_argument', `--families has an unknown family "${unknown}"`, {
      where: '--families',
      hint: `use a comma-separated list of: ${FAMILIES.join(', ')}`,
    });
  }
  return FAMILIES.filter((family) => names.includes(family));
}
