import type { ClassifierDescriptor } from '../model-descriptor.js';
import { PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { loadLogisticRegression } from './load.js';
import { createLogisticRegression } from './logistic-regression.js';
import { LOGISTIC_REGRESSION_KIND, logisticRegressionParamsSchema } from './params.js';

export const logisticRegressionDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: LOGISTIC_REGRESSION_KIND,
  aliases: ['logreg', 'lr', 'logistic'],
  summary:
    'logistic regression: penalty l2|l1|elasticnet|none, C, l1_ratio, class_weight, solver auto|lbfgs|owlqn|liblinear',
  schema: logisticRegressionParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    linearCoefficients: true,
    sparseInput: true,
    warmStart: true,
    penaltyPath: true,
    probabilityQuality: 'calibrated',
    complexity: [{ param: 'C', moreComplexWhen: 'up', probeValues: [0.01, 0.1, 1, 10, 100] }],
  },
  tuning: {
    curve: { param: 'C', values: [0.001, 0.01, 0.1, 1, 10, 100] },
    grid: ['C=0.01,0.1,1,10,100', 'penalty=l1,l2'],
  },
  create: (params) => createLogisticRegression(params as never),
  load: loadLogisticRegression,
};
