import type { FindingRecord } from '../../core/finding-record.js';
import type { DomainClassifierResult } from './domain-classifier.js';
import type { FeatureDriftTest } from './feature-drift.js';

/** A domain classifier this good at telling test rows from training rows is a shift worth reporting. */
export const DOMAIN_AUC_DRIFT = 0.65;

/**
 * The `feature_drift` finding, when there is drift: the columns whose distribution moved (significant
 * after Benjamini–Hochberg and far enough apart) and the domain classifier's AUC.
 */
export function driftFindings(
  tests: readonly FeatureDriftTest[],
  domain: DomainClassifierResult | undefined,
): FindingRecord[] {
  const drifted = tests.filter((test) => test.drifted).sort((a, b) => b.distance - a.distance);
  const separable = domain !== undefined && domain.auc >= DOMAIN_AUC_DRIFT;
  if (drifted.length === 0 && !separable) return [];
  const named = drifted
    .slice(0, 5)
    .map(
      (test) =>
        `"${test.column}" (${test.test === 'ks' ? 'KS D' : 'category shift'} ${test.distance.toFixed(2)}, q = ${formatQ(test.qValue)})`,
    );
  const columnsPart =
    drifted.length === 0
      ? 'no single column differs beyond chance'
      : `${drifted.length} of ${tests.length} column${tests.length === 1 ? '' : 's'} differ between training and test: ${named.join(', ')}${drifted.length > 5 ? ', …' : ''}`;
  const domainPart =
    domain === undefined
      ? ''
      : `; a classifier tells test rows from training rows with AUC ${domain.auc.toFixed(2)} (${domain.folds}-fold CV, 0.5 = indistinguishable)`;
  return [
    {
      code: 'feature_drift',
      level: 'warn',
      message: `${capitalise(columnsPart)}${domainPart}.`,
      suggestion:
        'The test rows do not come from the training distribution: the test score may not predict production; check how the files were collected, retrain on data like the test rows, or weight training rows like them.',
      columns: drifted.map((test) => test.column),
      rows: [],
    },
  ];
}

function formatQ(q: number): string {
  return q < 0.001 ? q.toExponential(1) : q.toFixed(3);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
