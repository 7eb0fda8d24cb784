import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { createKNeighbors } from './k-neighbors.js';
import { K_NEIGHBORS_KIND, kNeighborsParamsSchema } from './k-neighbors-params.js';
import { loadKNeighbors } from './load-k-neighbors.js';

export const kNeighborsDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: K_NEIGHBORS_KIND,
  aliases: ['knn', 'k-neighbors'],
  summary: 'k nearest neighbours: n_neighbors, weights uniform|distance, metric, p',
  schema: kNeighborsParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    probabilityQuality: 'coarse',
    complexity: [{ param: 'n_neighbors', moreComplexWhen: 'down', probeValues: [1, 3, 5, 9, 15, 25] }],
  },
  tuning: {
    curve: { param: 'n_neighbors', values: [1, 3, 5, 9, 15, 25] },
    grid: ['n_neighbors=3,5,9,15', 'weights=uniform,distance'],
  },
  create: (params) => createKNeighbors(params as never),
  load: loadKNeighbors,
};
