import { buildModel, type PipelineTags, tagsOf } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { permutationImportance, recursiveFeatureEliminationCV } from '../../features/index.js';
import { trainTestSplit } from '../../splits/index.js';
import type { PlannedModel } from '../model-plans.js';
import type { FeatureSelectionSection, RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

/**
 * Which features matter: RFECV (how many features the model needs, and which) on a model that ranks
 * features — the tuned best model when it does, else the logistic regression — and permutation
 * importance of the tuned best model on a held-out quarter of the rows.
 */
export async function runSelectionStep(
  input: StepInput,
  tuned: PlannedModel,
  models: readonly PlannedModel[],
  options: { readonly rfecv: boolean; readonly importance_repeats: number },
): Promise<{ section: FeatureSelectionSection; findings: RunFinding[] }> {
  const { features, labels } = input.tuning;
  const names = features.columns.map((column) => column.name);
  const findings: RunFinding[] = [];
  const ranker = [tuned, ...models].find((model) => ranksInputColumns(tagsOf(model.steps)));
  let rfecv: FeatureSelectionSection['rfecv'] = null;
  const notes: string[] = [];
  if (options.rfecv && !ranker) {
    notes.push(
      'RFECV needs a logistic regression, a tree or a forest that sees one column per input feature (no one-hot, TF-IDF or other column-changing transform); none of the models does',
    );
  } else if (options.rfecv && features.cols < 2) {
    notes.push('RFECV needs at least 2 feature columns');
  }
  if (options.rfecv && ranker && features.cols > 1) {
    const result = await recursiveFeatureEliminationCV(buildModel(ranker.steps), features, labels, {
      // About ten eliminations whatever the width: each costs a fit per fold.
      step: Math.max(1, Math.ceil(features.cols / 10)),
      cv: input.config.cv,
      scoring: input.config.metric,
      shuffle: true,
      seed: input.config.seed,
      signal: input.signal,
      onFoldDone: input.onFits,
    });
    rfecv = {
      scoring: result.scoring,
      featureCounts: Array.from(result.featureCounts),
      meanScores: Array.from(result.meanScores),
      stdScores: Array.from(result.stdScores),
      nFeatures: result.nFeatures,
      features: names.map((name, j) => ({
        name,
        rank: result.rfe.ranking[j],
        selected: result.rfe.support[j],
      })),
    };
    const all = result.meanScores[result.meanScores.length - 1];
    const chosen = result.meanScores[result.featureCounts.indexOf(result.nFeatures)];
    const dropped = names.length - result.nFeatures;
    findings.push({
      section: 'feature-selection',
      level: 'info',
      message: `Feature selection (RFECV, ${ranker.spec}): ${result.nFeatures} of ${names.length} features reach CV ${result.scoring} ${chosen.toFixed(4)} against ${all.toFixed(4)} with all of them.`,
      suggestion:
        dropped > 0
          ? `keep ${result.rfe.selectedNames.slice(0, 8).join(', ')}${result.nFeatures > 8 ? ', …' : ''}; dropping the other ${dropped} costs nothing measurable`
          : 'every feature helps: keep them all',
    });
  }
  const split = trainTestSplit(features.rows, {
    testSize: 0.25,
    seed: input.config.seed,
    stratify: labels.codes,
  });
  const fitted = await buildModel(tuned.steps, input.build).fit(
    takeFeatureRows(features, split.train),
    takeLabelRows(labels, split.train),
    { signal: input.signal },
  );
  const importance = await permutationImportance(
    fitted,
    takeFeatureRows(features, split.test),
    takeLabelRows(labels, split.test),
    {
      nRepeats: options.importance_repeats,
      scoring: input.config.metric,
      seed: input.config.seed,
      signal: input.signal,
      onFeatureDone: input.onFits,
    },
  );
  const ranked = importance.featureNames
    .map((name, j) => ({ name, mean: importance.mean[j], std: importance.std[j] }))
    .sort((a, b) => b.mean - a.mean);
  const useless = ranked.filter((feature) => feature.mean <= 0).length;
  const top = ranked[0];
  findings.push({
    section: 'feature-selection',
    level: 'info',
    message: `Permutation importance (${tuned.spec}): shuffling "${top.name}" costs ${(top.mean * 100).toFixed(1)} pp of ${importance.scoring}${useless > 0 ? `; ${useless} of ${ranked.length} features cost nothing when shuffled` : ''}.`,
    suggestion:
      useless > 0
        ? 'features whose shuffling costs nothing are candidates to drop (check they are not redundant copies of useful ones)'
        : 'every feature carries signal for this model',
  });
  return {
    section: {
      model: ranker?.spec ?? tuned.spec,
      rows: features.rows,
      notes,
      rfecv,
      importance: {
        scoring: importance.scoring,
        baseline: importance.baseline,
        repeats: options.importance_repeats,
        features: ranked,
      },
    },
    findings,
  };
}

/** RFE removes input columns by the model's ranking, so the model must rank the file's own columns. */
function ranksInputColumns(tags: PipelineTags): boolean {
  return (tags.linearCoefficients || tags.featureImportances) && !tags.reshapesColumns;
}

export const selectionStep: WorkflowStep = {
  id: 'selection',
  detail: () => 'feature selection and importance',
  async run({ input, state }) {
    const options = optionsOf(input.config, 'selection');
    const result = await runSelectionStep(input, state.tuned, state.compared, options);
    return { sections: { featureSelection: result.section }, findings: result.findings };
  },
};
