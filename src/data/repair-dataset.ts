import type { FitWarning } from '../core/estimator.js';
import type { Dataset } from './dataset.js';
import {
  applyFeatureRepairs,
  type ColumnRepair,
  describeRepair,
  planFeatureRepairs,
  type RepairOptions,
} from './feature-repairs.js';

/**
 * The preparation every command that fits models on a file shares (`run`, `errors`, `eval`): date
 * columns become numeric parts, numbers written `52,000` or `3,14` become numbers, identifiers are left
 * out and very many categories are capped — decided on this dataset, so that a test file can be
 * repaired the same way (`repairLike`).
 */
export function repairDataset(
  dataset: Dataset,
  options: RepairOptions = {},
): { readonly dataset: Dataset; readonly repairs: ColumnRepair[] } {
  const repairs = planFeatureRepairs(dataset.features, options);
  return { dataset: repairLike(dataset, repairs), repairs };
}

/** Another file (a test file) with the repairs decided on the training file, by column name. */
export function repairLike(dataset: Dataset, repairs: readonly ColumnRepair[]): Dataset {
  return repairs.length === 0
    ? dataset
    : { ...dataset, features: applyFeatureRepairs(dataset.features, repairs) };
}

/** Finding codes of the repairs, so a warning says which data finding it acted on. */
const REPAIR_CODES: Readonly<Record<ColumnRepair['action'], string>> = {
  'date-parts': 'date_column',
  'parse-number': 'number_format',
  'drop-identifier': 'id_column',
  'cap-categories': 'high_cardinality',
};

/** A repair as a command's warning: what was done to which column. */
export function repairWarning(repair: ColumnRepair): FitWarning {
  return { code: REPAIR_CODES[repair.action], message: describeRepair(repair) };
}
