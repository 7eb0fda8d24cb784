import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { createDummyClassifier } from './dummy-classifier.js';
import { DUMMY_KIND, dummyParamsSchema } from './dummy-params.js';
import { loadDummy } from './load-dummy.js';

export const dummyDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: DUMMY_KIND,
  aliases: ['dummy'],
  summary: 'the class-frequency baseline (reads no feature): strategy most_frequent|prior|stratified',
  schema: dummyParamsSchema,
  // It ignores every column, so any column is fine; its probabilities are the training frequencies.
  tags: { ...PLAIN_CLASSIFIER_TAGS, rawColumns: true, sparseInput: true },
  create: (params) => createDummyClassifier(params as never),
  load: loadDummy,
};
