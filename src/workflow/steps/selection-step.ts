import { formatGain, impactOf } from '../../analysis/index.js';
import { buildModel, type PipelineTags, tagsOf } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { permutationImportance, recursiveFeatureEliminationCV } from '../../features/index.js';
import { pairedGain } from '../../metrics/index.js';
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
    const dropped = names.length - result.nFeatures;
    const chosenIndex = result.featureCounts.indexOf(result.nFeatures);
    const allIndex = result.featureCounts.length - 1;
    const gain = pairedGain(
      result.foldScores.map((fold) => fold[chosenIndex]),
      result.foldScores.map((fold) => fold[allIndex]),
    );
    if (dropped > 0 && gain !== null && gain.low > 0) {
      const droppedNames = names.filter((_, j) => !result.rfe.support[j]);
      findings.push({
        section: 'feature-selection',
        code: 'useless_features',
        // Dropping them was measured to help: worth fixing.
        level: 'warn',
        message: `Feature selection (RFECV, ${ranker.spec}): keeping ${result.nFeatures} of ${names.length} features changes CV ${result.scoring} by ${formatGain(gain)} over all of them.`,
        suggestion: `drop ${droppedNames
          .slice(0, 8)
          .map((name) => `"${name}"`)
          .join(', ')}${droppedNames.length > 8 ? ', …' : ''}: the model scores higher without them`,
        columns: droppedNames,
        rows: [],
        impact: impactOf(result.scoring, gain),
        stake: gain.mean,
      });
    }
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
  const useless = ranked.filter((feature) => feature.mean <= 0);
  // Without a measured gain from dropping them these are information, however many measurements agree
  // (shuffling costs nothing, RFECV leaves them out): only a verified drop is worth a warning.
  const rejected = new Set(
    rfecv?.features.filter((feature) => !feature.selected).map((feature) => feature.name),
  );
  const agreed = useless.filter((feature) => rejected.has(feature.name));
  const alreadyRecommended = findings.some((finding) => finding.code === 'useless_features');
  if (useless.length > 0 && useless.length < ranked.length && !alreadyRecommended) {
    const named = (agreed.length > 0 ? agreed : useless).slice(0, 6).map((feature) => `"${feature.name}"`);
    findings.push({
      section: 'feature-selection',
      code: 'useless_features',
      level: 'info',
      message:
        agreed.length > 0
          ? `${agreed.length} of ${ranked.length} features carry no signal that ${tuned.spec} uses: shuffling them costs nothing on held-out rows and RFECV leaves them out: ${named.join(', ')}${agreed.length > 6 ? ', …' : ''}.`
          : `Permutation importance (${tuned.spec}): shuffling ${useless.length} of ${ranked.length} features costs nothing on held-out rows: ${named.join(', ')}${useless.length > 6 ? ', …' : ''}.`,
      suggestion:
        agreed.length > 0
          ? 'check they are not copies of useful features; dropping them simplifies the model, but RFECV did not measure a higher score without them'
          : 'they carry no signal this model uses (or copy a useful one); dropping them was not measured to help, so keep them unless RFECV shows a gain',
      columns: (agreed.length > 0 ? agreed : useless).map((feature) => feature.name),
      rows: [],
    });
  }
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
