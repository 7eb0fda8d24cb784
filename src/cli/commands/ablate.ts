import type { Command } from 'commander';
import { type PromptAblation, promptFieldAblation } from '../../analysis/llm/prompt-ablation.js';
import { formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { datasetLine } from '../format/dataset-line.js';
import { versionedDocument } from '../format/json-document.js';
import { fixed, textTable } from '../format/text-table.js';
import {
  addLlmTechniqueOptions,
  type LlmTechniqueFlags,
  readLlmTechniqueInput,
  techniqueJsonHead,
} from '../llm-technique-input.js';
import { runAction } from '../run-action.js';

interface AblateFlags extends LlmTechniqueFlags {
  readonly tolerance: string;
}

/** Shown at the end of `modeldebug ablate --help`. */
const EXAMPLES = [
  'modeldebug ablate tickets.csv --label team --model \'llm(model=gpt-4o-mini, template="{{title}}\\n{{body}}")\'',
];

export function registerAblateCommand(program: Command): void {
  const command = withHelpExamples(program.command('ablate'), EXAMPLES)
    .description(
      "prompt-field ablation: drop the LLM prompt's {{column}} fields one at a time (recursive elimination)",
    )
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option('--tolerance <accuracy>', 'accuracy a smaller prompt may lose and still be recommended', '0');
  addLlmTechniqueOptions(command, '\'llm(model=gpt-4o-mini, template="{{title}}\\n{{body}}")\'').action(
    runAction(async (data: string | undefined, flags: AblateFlags) => {
      const tolerance = Number(flags.tolerance);
      if (!(tolerance >= 0 && tolerance < 1)) {
        throw new ModeldebugError(
          'invalid_argument',
          `--tolerance must be in [0, 1), got "${flags.tolerance}"`,
          {
            where: '--tolerance',
            hint: 'e.g. --tolerance 0.01 (one point of accuracy)',
          },
        );
      }
      const input = await readLlmTechniqueInput('ablate', data, flags);
      let ablation: PromptAblation;
      try {
        ablation = await promptFieldAblation(input.llm, input.dataset.features, input.dataset.labels, {
          folds: input.folds,
          tolerance,
        });
      } finally {
        input.close();
      }
      const model = formatModelSpec(input.steps);
      if (flags.json) {
        process.stdout.write(
          versionedDocument('ablate', 2, {
            ...techniqueJsonHead(input),
            template: ablation.template,
            path: ablation.path,
            rounds: ablation.rounds,
            eliminationOrder: ablation.eliminationOrder,
            recommended: ablation.recommended,
            usage: ablation.usage,
          }),
        );
        return 0;
      }
      process.stdout.write(`${formatAblation(ablation, input.dataset, model, input.folds.length)}\n`);
      return 0;
    }),
  );
}

function formatAblation(
  ablation: PromptAblation,
  dataset: Parameters<typeof datasetLine>[1],
  model: string,
  folds: number,
): string {
  const full = ablation.path[0];
  const rounds = ablation.rounds.map((round, r) => {
    const table = textTable(
      ['drop', 'CV accuracy', 'change'],
      round.drops.map((drop) => [
        drop.field === round.dropped ? `${drop.field} (dropped)` : drop.field,
        fixed(drop.accuracy),
        signed(drop.accuracy - ablation.path[r].accuracy),
      ]),
    );
    return `Round ${r + 1}: from {${round.from.join(', ')}}\n${table}`;
  });
  const path = textTable(
    ['fields', 'CV accuracy'],
    ablation.path.map((entry) => [entry.fields.join(', '), fixed(entry.accuracy)]),
  );
  const recommended = ablation.recommended;
  const droppable = full.fields.filter((field) => !recommended.fields.includes(field));
  const verdict =
    droppable.length === 0
      ? 'every field is needed: each drop costs accuracy'
      : `the prompt needs only {${recommended.fields.join(', ')}} (${fixed(recommended.accuracy)} vs ${fixed(full.accuracy)} with all fields): ${droppable.join(', ')} can go`;
  const { calls, cacheHits } = ablation.usage;
  return [
    datasetLine('ablate', dataset),
    `model: ${model}`,
    `protocol: recursive elimination over the prompt's fields, ${folds}-fold stratified cross-validation, outcome-aware accuracy`,
    `LLM calls: ${calls} (${cacheHits} answered from the cache)`,
    '',
    ...rounds.flatMap((round) => [round, '']),
    'Field sets',
    path,
    '',
    `elimination order (least useful first): ${ablation.eliminationOrder.join(', ')}`,
    `verdict: ${verdict}`,
  ].join('\n');
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;
}
