import { ModeldebugError } from '../core/errors.js';
import type { Dataset } from '../data/dataset.js';
import type { StepSpec } from './model-spec.js';
import { ensembleMembers, findEnsemble } from './registry.js';
import { tagsOf } from './tags-of.js';

/**
 * Checks the whole file against the model spec before any split, so that a missing value or a text
 * column is reported with the file line where it is, not a row number inside some training fold.
 */
export function checkDataFitsModel(dataset: Dataset, steps: readonly StepSpec[]): void {
  const last = steps[steps.length - 1];
  if (findEnsemble(last.name)) {
    // Each member reads what the shared transforms give it, through its own transforms.
    for (const member of ensembleMembers(last))
      checkDataFitsModel(dataset, [...steps.slice(0, -1), ...member.steps]);
    return;
  }
  const tags = tagsOf(steps);
  if (tags.rawColumns) return;
  const handled = tags.handles;
  const { features, source } = dataset;
  if (!handled.has('categorical-columns')) {
    const column = features.columns.find(
      (candidate) =>
        candidate.kind !== 'numeric' && !(candidate.kind === 'text' && handled.has('text-columns')),
    );
    if (column) {
      throw new ModeldebugError(
        'non_numeric_feature',
        `column "${column.name}" is ${column.kind}, and the model takes numbers only`,
        {
          where: source,
          hint:
            column.kind === 'text'
              ? `vectorise it with --model 'tfidf | logreg', or drop it with --drop "${column.name}"`
              : `encode it with --encode onehot, or drop it with --drop "${column.name}"`,
        },
      );
    }
  }
  if (!handled.has('missing-values') && tags.allowsMissing !== true) {
    // A vectoriser reads a missing text as an empty document.
    const skipText = handled.has('text-columns');
    const first = features.data.findIndex(
      (value, k) => Number.isNaN(value) && !(skipText && features.columns[k % features.cols].kind === 'text'),
    );
    if (first >= 0) {
      const column = features.columns[first % features.cols].name;
      const row = Math.floor(first / features.cols);
      throw new ModeldebugError(
        'missing_values',
        `column "${column}" has a missing value, and the model has no imputer`,
        {
          where: `${source}:${row + 2}`,
          hint: 'add --impute mean|median|most_frequent|constant, or clean the file first',
        },
      );
    }
  }
}
