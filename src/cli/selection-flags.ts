import type { Command } from 'commander';
import { checkDataFitsModel, type StepSpec } from '../catalog/index.js';
import type { Dataset } from '../data/index.js';
import type { CacheFileRuntime } from '../llm/cache/cache-file.js';
import { createWorkerPool, defaultJobs } from '../parallel/index.js';
import { inProcessExecutor, type TaskExecutor } from '../selection/index.js';
import { DEFAULT_STORE_PATH } from '../store/index.js';
import {
  addColumnOptions,
  addDataSourceOptions,
  type DataFlags,
  loadDatasetFromFlags,
} from './data-flags.js';
import { wholeNumberFlag } from './flag-values.js';
import { createProgress, type ProgressSink } from './format/progress-bar.js';
import { type ModelFlags, modelStepsFromFlags } from './model-options.js';

/** Flags shared by search, curve and vcurve. */
export interface SelectionFlags extends ModelFlags, DataFlags {
  readonly cv: string;
  readonly scoring: string;
  readonly jobs?: string;
  readonly seed: string;
  readonly store: string;
  readonly json?: boolean;
}

export function addSelectionOptions(command: Command): Command {
  return addColumnOptions(addDataSourceOptions(command))
    .option('--cv <k>', 'stratified k-fold cross-validation', '5')
    .option('--scoring <name>', 'a scikit-learn scorer name, e.g. accuracy, f1_weighted, roc_auc', 'accuracy')
    .option('--jobs <n>', 'worker threads (default: the number of cores; 1 runs in-process)')
    .option('--seed <n>', 'seed for random choices', '0')
    .option('--store <path>', 'the run store (SQLite)', DEFAULT_STORE_PATH)
    .option('--json', 'print one JSON document instead of text (and no progress)');
}

export interface SelectionInput {
  readonly dataset: Dataset;
  readonly steps: StepSpec[];
  readonly cv: number;
  readonly seed: number;
  readonly jobs: number;
}

export async function readSelectionInput(
  command: string,
  data: string | undefined,
  flags: SelectionFlags,
  steps: StepSpec[] = modelStepsFromFlags(flags),
): Promise<SelectionInput> {
  const dataset = await loadDatasetFromFlags(command, data, flags);
  checkDataFitsModel(dataset, steps);
  return {
    dataset,
    steps,
    cv: wholeNumberFlag('--cv', flags.cv, 2),
    seed: wholeNumberFlag('--seed', flags.seed, 0),
    jobs: flags.jobs === undefined ? defaultJobs() : wholeNumberFlag('--jobs', flags.jobs, 1),
  };
}

/**
 * `--jobs 1` runs in-process; more start a worker pool over one shared copy of the data. Either builds
 * its models with `runtime` (e.g. the run store as the LLM cache file).
 */
export function createExecutor(input: SelectionInput, runtime: CacheFileRuntime = {}): TaskExecutor {
  const { features, labels } = input.dataset;
  return input.jobs === 1
    ? inProcessExecutor({ features, labels, runtime })
    : createWorkerPool(features, labels, { jobs: Math.min(input.jobs, 64), runtime });
}

/**
 * Runs `work` with the executor `--jobs` asks for and a progress bar on stderr (none with `--json`), and
 * stops and closes both however it ends.
 */
export async function withExecutor<T>(
  input: SelectionInput,
  progressLabel: string,
  json: boolean | undefined,
  work: (executor: TaskExecutor, progress: ProgressSink) => Promise<T>,
): Promise<T> {
  const progress = createProgress(progressLabel, json ? 'none' : 'auto');
  const executor = createExecutor(input);
  try {
    return await work(executor, progress);
  } finally {
    progress.stop();
    await executor.close();
  }
}
