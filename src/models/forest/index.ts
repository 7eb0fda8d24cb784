export { threadCount } from '../../core/n-jobs.js';
export { createFittedRandomForest, type FittedRandomForest } from './fitted-random-forest.js';
export {
  parseRandomForestParams,
  RANDOM_FOREST_KIND,
  type RandomForestParams,
  randomForestParamsSchema,
} from './forest-params.js';
export { type ForestJob, growTrees } from './grow-trees.js';
export { loadRandomForest } from './load-random-forest.js';
export { type GrownForest, growForest } from './parallel-trees.js';
export { createRandomForest, type RandomForest } from './random-forest.js';
