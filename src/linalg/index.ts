export { multiplyRows, multiplyRowsByRows, multiplyTransposed } from './dense-products.js';
export { axpyAt, dotAt, gradientBlock, scoreBlock } from './row-blocks.js';
export {
  csrGradientBlock,
  csrMultiplyRows,
  csrMultiplyTransposed,
  csrScoreBlock,
} from './sparse-products.js';
export {
  chiSquaredSurvival,
  digamma,
  fSurvival,
  logGamma,
  regularizedBeta,
  regularizedGammaQ,
} from './special-functions.js';
export { log1pExp, logSumExp, sigmoid, softmaxInPlace } from './stable.js';
export { addScaled, axpy, dot, norm1, norm2, normInf, scale, subtract } from './vector.js';
