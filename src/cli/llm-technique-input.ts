import type { Command } from 'commander';
import { checkDataFitsModel, formatModelSpec, parseModelSpec, type StepSpec } from '../catalog/index.js';
import { ModeldebugError } from '../core/errors.js';
import type { Dataset } from '../data/index.js';
import { createLlmClassifier, type LlmClassifier } from '../models/index.js';
import { type Fold, stratifiedKFold } from '../splits/index.js';
import { DEFAULT_STORE_PATH, openRunStore } from '../store/index.js';
import {
  addColumnOptions,
  addDataSourceOptions,
  type DataFlags,
  loadDatasetFromFlags,
} from './data-flags.js';
import { wholeNumberFlag } from './flag-values.js';
import { createLlmProgress } from './format/llm-progress.js';
import { endsInLlm } from './llm-options.js';

/** The flags of the commands that apply a debugging technique to an LLM classifier (ablate, compare). */
export interface LlmTechniqueFlags extends DataFlags {
  readonly model: string;
  readonly cv: string;
  readonly seed: string;
  readonly shuffle?: boolean;
  readonly store: string;
  /** false with `--no-cache`. */
  readonly cache: boolean;
  readonly json?: boolean;
}

export function addLlmTechniqueOptions(command: Command, modelExample: string): Command {
  return addColumnOptions(addDataSourceOptions(command))
    .option('--model <spec>', `the LLM classifier, e.g. ${modelExample}`)
    .option(
      '--cv <k>',
      'stratified k-fold cross-validation (few-shot examples come from training folds)',
      '5',
    )
    .option('--shuffle', 'shuffle before assigning folds')
    .option('--seed <n>', 'seed for shuffling', '0')
    .option(
      '--store <path>',
      'the run store (SQLite) whose response cache keeps every answer',
      DEFAULT_STORE_PATH,
    )
    .option('--no-cache', 'call the endpoint for every prompt, even ones answered before')
    .option('--json', 'print one JSON document instead of text (and no progress)');
}

export interface LlmTechniqueInput {
  readonly dataset: Dataset;
  readonly steps: StepSpec[];
  readonly llm: LlmClassifier;
  readonly folds: readonly Fold[];
  /** Stops the progress display and closes the store. */
  close(): void;
}

/**
 * The dataset, the folds and the LLM classifier a technique runs on. Answers go to the run store's
 * response cache (unless `--no-cache` or a `cache` param), so rerunning a command — or any prompt it
 * already sent, in any command — makes no call.
 */
export async function readLlmTechniqueInput(
  command: string,
  data: string | undefined,
  flags: LlmTechniqueFlags,
): Promise<LlmTechniqueInput> {
  if (!flags.model) {
    throw new ModeldebugError('invalid_argument', `${command} needs --model 'llm(...)'`, {
      where: '--model',
      hint: "e.g. --model 'llm(model=gpt-4o-mini)' (see modeldebug models)",
    });
  }
  const steps = parseModelSpec(flags.model);
  if (steps.length !== 1 || !endsInLlm(steps)) {
    throw new ModeldebugError('invalid_argument', `${command} applies to an LLM classifier alone`, {
      where: '--model',
      hint: "give --model 'llm(model=..., base_url=...)' with no steps before it",
    });
  }
  const dataset = await loadDatasetFromFlags(command, data, flags);
  checkDataFitsModel(dataset, steps);
  const nSplits = wholeNumberFlag('--cv', flags.cv, 2);
  const seed = wholeNumberFlag('--seed', flags.seed, 0);
  const { folds } = stratifiedKFold(dataset.labels.codes, nSplits, { shuffle: flags.shuffle, seed });
  const params = steps[0].params;
  const store = openRunStore(flags.store);
  const progress = createLlmProgress(!flags.json);
  try {
    const cache = !flags.cache ? null : 'cache' in params ? undefined : store.llmCache();
    const llm = createLlmClassifier(params, { cache, onProgress: progress.sink });
    return {
      dataset,
      steps,
      llm,
      folds,
      close() {
        progress.stop();
        store.close();
      },
    };
  } catch (error) {
    progress.stop();
    store.close();
    throw error;
  }
}

/** What every technique's `--json` document starts with after its schema and version: what ran on what. */
export function techniqueJsonHead(input: LlmTechniqueInput) {
  return {
    dataset: { source: input.dataset.source, rows: input.dataset.features.rows },
    model: formatModelSpec(input.steps),
    folds: input.folds.length,
  };
}
