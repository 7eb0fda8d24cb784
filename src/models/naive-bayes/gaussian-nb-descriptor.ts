import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { createGaussianNb } from './gaussian-nb.js';
import { GAUSSIAN_NB_KIND, gaussianNbParamsSchema } from './gaussian-nb-params.js';
import { loadGaussianNb } from './load-gaussian-nb.js';

export const gaussianNbDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: GAUSSIAN_NB_KIND,
  aliases: ['gnb', 'gaussian-nb', 'naive-bayes'],
  summary: 'Gaussian naive Bayes: var_smoothing, priors',
  schema: gaussianNbParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    complexity: [
      { param: 'var_smoothing', moreComplexWhen: 'down', probeValues: [1e-11, 1e-9, 1e-7, 1e-5, 1e-3] },
    ],
  },
  tuning: {
    curve: { param: 'var_smoothing', values: [1e-12, 1e-9, 1e-6, 1e-3, 1e-1] },
    grid: ['var_smoothing=1e-11,1e-9,1e-7,1e-5,1e-3'],
  },
  create: (params) => createGaussianNb(params as never),
  load: loadGaussianNb,
};
