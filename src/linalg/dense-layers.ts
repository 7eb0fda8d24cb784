/**
 * Matrix products of a dense neural-network layer over row-major Float64Arrays. A layer's weights are
 * stored `out x in` (row o holds the weights into unit o; sklearn's `coefs_` transposed) so the forward
 * pass and the weight gradient both read contiguous rows. Each product is register-blocked: a 3 x 4
 * (forward, weight gradient) or 2 x 4 tile of the output lives in local accumulators, so every load
 * feeds three or four multiply–adds instead of one; remainders fall back to 2 x 4 tiles and then to the
 * same sums one row or column at a time.
 */

export { columnSums } from './column-sums.js';
export { layerBackward } from './layer-backward.js';
export { layerForward } from './layer-forward.js';
export { layerWeightGradient } from './layer-weight-gradient.js';
