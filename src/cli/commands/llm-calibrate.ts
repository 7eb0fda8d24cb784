import type { Command } from 'commander';
import { type LlmCalibration, llmCalibration } from '../../analysis/llm/calibration/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { versionedDocument } from '../format/json-document.js';
import { llmCalibrateText } from '../format/llm-calibrate-text.js';
import {
  addLlmTechniqueOptions,
  type LlmTechniqueFlags,
  readLlmTechniqueInput,
  techniqueJsonHead,
} from '../llm-technique-input.js';
import { runAction } from '../run-action.js';

/** Shown at the end of `modeldebug llm-calibrate --help`. */
const EXAMPLES = [
  "modeldebug llm-calibrate reviews.csv --label sentiment --model 'llm(model=gpt-4o-mini, scoring=logprob)'",
  "modeldebug llm-calibrate --example spam --model 'llm(model=llama3.1, base_url_env=OPENAI_BASE_URL, samples=5, temperature=0.7, probabilities=samples)' --json",
];

export function registerLlmCalibrateCommand(program: Command): void {
  const command = withHelpExamples(program.command('llm-calibrate'), EXAMPLES)
    .description(
      "does calibrating an LLM classifier's answers help? label-token scoring, contextual calibration and a per-class bias, out of fold",
    )
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addLlmTechniqueOptions(command, "'llm(model=gpt-4o-mini, scoring=logprob)'").action(
    runAction(async (data: string | undefined, flags: LlmTechniqueFlags) => {
      const input = await readLlmTechniqueInput('llm-calibrate', data, flags);
      let result: LlmCalibration;
      try {
        result = await llmCalibration(input.llm, input.dataset.features, input.dataset.labels, {
          folds: input.folds,
          seed: wholeNumberFlag('--seed', flags.seed, 0),
        });
      } finally {
        input.close();
      }
      const head = techniqueJsonHead(input);
      if (flags.json) {
        process.stdout.write(
          versionedDocument('llm-calibrate', 1, { command: 'llm-calibrate', ...head, ...result }),
        );
        return 0;
      }
      process.stdout.write(`${llmCalibrateText(result, input.dataset, head.model, head.folds)}\n`);
      return 0;
    }),
  );
}
