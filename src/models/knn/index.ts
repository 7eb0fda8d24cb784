export {
  createFittedKNeighbors,
  type FittedKNeighbors,
  type KNeighborsState,
  type Neighbors,
} from './fitted-k-neighbors.js';
export { createKNeighbors, type KNeighbors } from './k-neighbors.js';
export {
  K_NEIGHBORS_KIND,
  type KNeighborsParams,
  kNeighborsParamsSchema,
  minkowskiPower,
  parseKNeighborsParams,
} from './k-neighbors-params.js';
export { loadKNeighbors } from './load-k-neighbors.js';
export { nearestNeighbors, neighborVotes } from './nearest-neighbors.js';
