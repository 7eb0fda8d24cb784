import { buildModel, tagsOf } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { recursiveFeatureEliminationCV } from '../../features/index.js';
import { stratifiedKFold } from '../../splits/index.js';
import { defaultModels } from '../model-plans.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';
import { keptFeatures } from './fold-scores.js';

/**
 * RFECV's feature subset (scikit-learn's RFECV, about ten eliminations whatever the width), ranked by the
 * current pipeline when it ranks its input columns (coefficients or importances, one column per input),
 * else by the first default model that does — a k-nearest-neighbours or naive Bayes model ranks nothing
 * but still gains when the noise columns go. RFECV runs on folds of another shuffle, so the folds that
 * chose the subset do not also measure its gain; the candidate drops the columns it leaves out.
 */
export async function featureSubsetCandidate(input: StageInput): Promise<Candidate[]> {
  const { train, state } = input;
  const features = keptFeatures(train.features, state);
  if (features.cols < 2) return [];
  const ranksColumns = (steps: typeof state.steps) => {
    const tags = tagsOf(steps);
    return (tags.linearCoefficients || tags.featureImportances) && !tags.reshapesColumns;
  };
  const ranker = ranksColumns(state.steps)
    ? state.steps
    : defaultModels({ ...train, features }).find((model) => ranksColumns(model.steps))?.steps;
  if (!ranker) return [];
  const dropped = new Set(state.droppedRows);
  const rows = Int32Array.from(train.labels.codes.keys()).filter((row) => !dropped.has(row));
  const labels = takeLabelRows(train.labels, rows);
  const result = await recursiveFeatureEliminationCV(
    buildModel(ranker),
    takeFeatureRows(features, rows),
    labels,
    {
      step: Math.max(1, Math.ceil(features.cols / 10)),
      cv: stratifiedKFold(labels.codes, input.folds.length, { shuffle: true, seed: input.seed + 1 }).folds,
      scoring: input.metric,
      signal: input.signal,
    },
  );
  const left = features.columns.flatMap((column, j) => (result.rfe.support[j] ? [] : [column.name]));
  if (left.length === 0) return [];
  const shown = left.length > 8 ? `${left.slice(0, 8).join(', ')}, …` : left.join(', ');
  return [
    {
      code: 'useless_features',
      remedy: 'features',
      description: `keep RFECV's ${result.nFeatures} of ${features.cols} features (ranked by ${ranker.map((step) => step.name).join(' | ')}): drop ${shown}`,
      columns: left,
      rows: [],
      apply: (current) => ({ ...current, droppedColumns: [...current.droppedColumns, ...left] }),
    },
  ];
}
