import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { HIST_GRADIENT_BOOSTING_KIND, histGradientBoostingParamsSchema } from './hgb-params.js';
import { createHistGradientBoosting } from './hist-gradient-boosting.js';
import { loadHistGradientBoosting } from './load-hist-gradient-boosting.js';

export const histGradientBoostingDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: HIST_GRADIENT_BOOSTING_KIND,
  aliases: ['hgb', 'hist-gradient-boosting', 'gbm'],
  summary:
    'gradient boosting on binned features: learning_rate, max_iter, max_leaf_nodes, max_depth, min_samples_leaf, l2_regularization, max_bins, early_stopping, n_jobs (missing values handled natively)',
  schema: histGradientBoostingParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    probabilityQuality: 'calibrated',
    // Missing values get a bin of their own and a learned direction per split (sklearn's HGB).
    allowsMissing: true,
    complexity: [
      { param: 'max_leaf_nodes', moreComplexWhen: 'up', probeValues: [7, 15, 31, 63] },
      { param: 'l2_regularization', moreComplexWhen: 'down', probeValues: [0, 0.1, 1, 10] },
    ],
  },
  tuning: {
    curve: { param: 'learning_rate', values: [0.01, 0.03, 0.1, 0.3, 1] },
    grid: ['learning_rate=0.03,0.1,0.3', 'max_leaf_nodes=15,31'],
  },
  create: (params) => createHistGradientBoosting(params as never),
  load: loadHistGradientBoosting,
};
