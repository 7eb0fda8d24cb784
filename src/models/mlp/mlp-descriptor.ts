import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { loadMlp } from './load-mlp.js';
import { createMlpClassifier } from './mlp-classifier.js';
import { MLP_KIND, mlpParamsSchema } from './mlp-params.js';

export const mlpDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: MLP_KIND,
  aliases: ['mlp', 'mlp-classifier', 'neural-net'],
  summary:
    'multilayer perceptron: hidden_layer_sizes, activation relu|tanh|logistic, solver adam|sgd, alpha, batch_size, learning_rate_init, max_iter (epochs), early_stopping',
  schema: mlpParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    trainsByEpochs: true,
    probabilityQuality: 'calibrated',
    complexity: [{ param: 'alpha', moreComplexWhen: 'down', probeValues: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1] }],
  },
  // The seed's own grid: the step size and the mini-batch size of gradient training.
  tuning: {
    curve: { param: 'alpha', values: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1] },
    grid: ['learning_rate_init=0.001,0.01,0.1', 'batch_size=32,64,auto'],
  },
  create: (params) => createMlpClassifier(params as never),
  load: loadMlp,
};
