import type { Command } from 'commander';
import { type StepSpec, tagsOf } from '../catalog/index.js';
import type { FitWarning } from '../core/estimator.js';
import {
  type ColumnRepair,
  type Dataset,
  loadDataset,
  loadExample,
  repairDataset,
  repairLike,
  repairWarning,
} from '../data/index.js';
import { usageError } from './flag-values.js';
import { collect } from './model-options.js';

/** The flags that name a command's data: a file with its label column, or a bundled example. */
export interface DataFlags {
  readonly label?: string;
  readonly example?: string;
  readonly drop: string[];
  readonly text: string[];
}

/** `--label` and `--example`, first in a command's options. */
export function addDataSourceOptions(command: Command): Command {
  return command
    .option('--label <column>', 'the label column (default for --example: its label)')
    .option('--example <name>', 'use a bundled dataset: iris | wine | breast_cancer | digits | spam');
}

/** `--drop` and `--text`, the repeatable column flags. */
export function addColumnOptions(command: Command): Command {
  return command
    .option('--drop <column>', 'leave a column out of the features (repeatable)', collect, [])
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, []);
}

/**
 * The options of a command that reads one dataset: `--label` and `--example`, then the command's own,
 * then `--drop`, `--text` and `--json` (in this order in its --help).
 */
export function addDataOptions(command: Command, addOwnOptions: (command: Command) => Command): Command {
  addOwnOptions(addDataSourceOptions(command));
  return addColumnOptions(command).option('--json', 'print one JSON document instead of text');
}

/** The dataset the flags name: `--example NAME`, or the data file with `--label`; errors point to `command`'s help. */
export async function loadDatasetFromFlags(
  command: string,
  data: string | undefined,
  flags: Pick<DataFlags, 'label' | 'example' | 'drop' | 'text'>,
  infinities: 'error' | 'missing' = 'error',
): Promise<Dataset> {
  if (flags.example) {
    if (data) throw usageError(command, 'give either a data file or --example, not both');
    return loadExample(flags.example);
  }
  if (!data) throw usageError(command, 'no data: give a CSV file or --example iris');
  if (!flags.label) {
    throw usageError(command, '--label is required with a data file: name the column that holds the class');
  }
  return loadDataset(data, { label: flags.label, drop: flags.drop, text: flags.text, infinities });
}

/**
 * The dataset the flags name, prepared as `run` prepares it (dates as parts, formatted numbers parsed,
 * identifiers left out, categories capped), with the repairs for a test file and as warnings. A model
 * that reads the raw cells itself (an LLM) gets the file as it is. `savedRepairs` (a saved model's
 * encodings) replace the plan.
 */
export async function loadPreparedFromFlags(
  command: string,
  data: string | undefined,
  flags: Pick<DataFlags, 'label' | 'example' | 'drop' | 'text'>,
  steps: readonly StepSpec[],
  infinities: 'error' | 'missing' = 'error',
  savedRepairs?: readonly ColumnRepair[],
): Promise<{ dataset: Dataset; repairs: readonly ColumnRepair[]; warnings: FitWarning[] }> {
  const loaded = await loadDatasetFromFlags(command, data, flags, infinities);
  // A saved model (fix's model.json) was fitted on exactly these encodings: planning anew on this file
  // could add one fix rejected, and the refitted model would no longer be the one fix measured.
  if (savedRepairs !== undefined) {
    return {
      dataset: repairLike(loaded, savedRepairs),
      repairs: savedRepairs,
      warnings: savedRepairs.map(repairWarning),
    };
  }
  if (tagsOf(steps).rawColumns) return { dataset: loaded, repairs: [], warnings: [] };
  const { dataset, repairs } = repairDataset(loaded);
  return { dataset, repairs, warnings: repairs.map(repairWarning) };
}
