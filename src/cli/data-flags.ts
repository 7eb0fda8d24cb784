import type { Command } from 'commander';
import { ModeldebugError } from '../core/errors.js';
import { type Dataset, loadDataset, loadExample } from '../data/index.js';
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
    .option('--example <name>', 'use a bundled dataset: iris | wine | breast_cancer | digits');
}

/** `--drop` and `--text`, the repeatable column flags. */
export function addColumnOptions(command: Command): Command {
  return command
    .option('--drop <column>', 'leave a column out of the features (repeatable)', collect, [])
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, []);
}

/** The dataset the flags name: `--example NAME`, or the data file with `--label`. */
export async function loadDatasetFromFlags(
  data: string | undefined,
  flags: Pick<DataFlags, 'label' | 'example' | 'drop' | 'text'>,
): Promise<Dataset> {
  if (flags.example) {
    if (data) throw usage('give either a data file or --example, not both');
    return loadExample(flags.example);
  }
  if (!data) throw usage('no data: give a CSV file or --example iris');
  if (!flags.label) throw usage('--label is required with a data file: name the column that holds the class');
  return loadDataset(data, { label: flags.label, drop: flags.drop, text: flags.text });
}

function usage(message: string): ModeldebugError {
  return new ModeldebugError('invalid_argument', message, { hint: 'see modeldebug eval --help' });
}
