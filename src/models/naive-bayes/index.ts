export { createFittedGaussianNb, type FittedGaussianNb, type GaussianNbState } from './fitted-gaussian-nb.js';
export {
  createFittedMultinomialNb,
  type FittedMultinomialNb,
  type MultinomialNbState,
} from './fitted-multinomial-nb.js';
export { createGaussianNb, type GaussianNb } from './gaussian-nb.js';
export {
  GAUSSIAN_NB_KIND,
  type GaussianNbParams,
  gaussianNbParamsSchema,
  parseGaussianNbParams,
} from './gaussian-nb-params.js';
export { loadGaussianNb } from './load-gaussian-nb.js';
export { loadMultinomialNb } from './load-multinomial-nb.js';
export { createMultinomialNb, type MultinomialNb } from './multinomial-nb.js';
export {
  MULTINOMIAL_NB_KIND,
  type MultinomialNbParams,
  multinomialNbParamsSchema,
  parseMultinomialNbParams,
} from './multinomial-nb-params.js';
