/** Train/test drift: per-feature two-sample tests and a domain classifier, when a test file is given. */
export {
  type DomainClassifierOptions,
  type DomainClassifierResult,
  domainClassifierAuc,
} from './domain-classifier.js';
export { DOMAIN_AUC_DRIFT, driftFindings } from './drift-findings.js';
export { type FeatureDriftOptions, type FeatureDriftTest, featureDrift } from './feature-drift.js';
