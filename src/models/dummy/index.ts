export { createDummyClassifier, type DummyClassifier } from './dummy-classifier.js';
export { dummyDescriptor } from './dummy-descriptor.js';
export { DUMMY_KIND, type DummyParams, dummyParamsSchema, parseDummyParams } from './dummy-params.js';
export { createFittedDummy, type FittedDummy } from './fitted-dummy.js';
export { loadDummy } from './load-dummy.js';
