import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { RANDOM_FOREST_KIND, randomForestParamsSchema } from './forest-params.js';
import { loadRandomForest } from './load-random-forest.js';
import { createRandomForest } from './random-forest.js';

export const randomForestDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: RANDOM_FOREST_KIND,
  aliases: ['forest', 'rf', 'random-forest'],
  summary:
    'random forest: n_estimators, max_features, bootstrap, max_samples, tree params, random_state, n_jobs (worker threads)',
  schema: randomForestParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    featureImportances: true,
    complexity: [
      { param: 'max_depth', moreComplexWhen: 'up', probeValues: [2, 4, 8, 16, null] },
      { param: 'min_samples_leaf', moreComplexWhen: 'down', probeValues: [1, 5, 20] },
    ],
  },
  tuning: {
    curve: { param: 'max_depth', values: [2, 4, 8, 16, null] },
    grid: ['max_features=sqrt,log2', 'min_samples_leaf=1,5'],
  },
  create: (params) => createRandomForest(params as never),
  load: loadRandomForest,
};
