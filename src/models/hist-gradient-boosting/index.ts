export { findBinThresholds, mapToBins } from './bin-mapper.js';
export { addTreeScores, addTreeScoresBinned, type BoostedTree } from './boosted-tree.js';
export {
  createFittedHistGradientBoosting,
  type FittedHistGradientBoosting,
  type HistGradientBoostingDiagnostics,
  type HistGradientBoostingState,
} from './fitted-hist-gradient-boosting.js';
export {
  HIST_GRADIENT_BOOSTING_KIND,
  type HistGradientBoostingParams,
  histGradientBoostingParamsSchema,
  parseHistGradientBoostingParams,
} from './hgb-params.js';
export { createHistGradientBoosting, type HistGradientBoosting } from './hist-gradient-boosting.js';
export { loadHistGradientBoosting } from './load-hist-gradient-boosting.js';
