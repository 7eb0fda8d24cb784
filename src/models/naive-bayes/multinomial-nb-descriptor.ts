import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { loadMultinomialNb } from './load-multinomial-nb.js';
import { createMultinomialNb } from './multinomial-nb.js';
import { MULTINOMIAL_NB_KIND, multinomialNbParamsSchema } from './multinomial-nb-params.js';

export const multinomialNbDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: MULTINOMIAL_NB_KIND,
  aliases: ['mnb', 'multinomial-nb'],
  summary: 'multinomial naive Bayes for counts / TF-IDF: alpha, fit_prior, class_prior',
  schema: multinomialNbParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    sparseInput: true,
    complexity: [{ param: 'alpha', moreComplexWhen: 'down', probeValues: [0.01, 0.1, 1, 10] }],
  },
  tuning: {
    curve: { param: 'alpha', values: [0.01, 0.1, 1, 10] },
    grid: ['alpha=0.01,0.1,1,10'],
  },
  create: (params) => createMultinomialNb(params as never),
  load: loadMultinomialNb,
};
