import type { EnsembleDescriptor } from './ensemble-descriptor.js';
import { ensembleTags } from './ensemble-descriptor.js';
import { loadStacking } from './load-stacking.js';
import { createStackingClassifier } from './stacking-classifier.js';
import { STACKING_KIND, stackingParamsSchema } from './stacking-params.js';

export const stackingDescriptor: EnsembleDescriptor = {
  role: 'ensemble',
  kind: STACKING_KIND,
  aliases: ['stack'],
  summary:
    "scikit-learn's StackingClassifier over member specs, a logistic regression on their out-of-fold probabilities: stack(logreg; gnb; tree, cv=5, passthrough=false)",
  schema: stackingParamsSchema,
  create: (members, params) => createStackingClassifier(members, params),
  load: loadStacking,
  // The final logistic regression is fitted by log loss on out-of-fold member probabilities.
  tags: (_params, members) => ({ ...ensembleTags(members), probabilityQuality: 'calibrated' }),
};
