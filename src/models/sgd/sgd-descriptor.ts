import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { loadSgd } from './load-sgd.js';
import { createSgdClassifier } from './sgd-classifier.js';
import { SGD_KIND, sgdParamsSchema } from './sgd-params.js';

export const sgdDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: SGD_KIND,
  aliases: ['sgd', 'sgd-classifier'],
  summary:
    'linear model by stochastic gradient descent: loss hinge|log_loss, penalty, alpha, learning_rate constant|optimal|invscaling|adaptive, eta0, batch_size, early_stopping',
  schema: sgdParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    linearCoefficients: true,
    trainsByEpochs: true,
    complexity: [{ param: 'alpha', moreComplexWhen: 'down', probeValues: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2] }],
  },
  tuning: {
    curve: { param: 'alpha', values: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1] },
    grid: ['alpha=0.00001,0.0001,0.001', 'loss=hinge,log_loss'],
  },
  create: (params) => createSgdClassifier(params as never),
  load: loadSgd,
};
