import { formatC, type RegularizationPathResult } from './regularization-path.js';

/**
 * The path in one plain sentence: the one-standard-error choice, how many features it keeps (what L1 is
 * for), and the best C it stands in for.
 */
export function describeRegularizationPath(
  path: RegularizationPathResult,
  penalty: 'l1' | 'l2' | 'elasticnet',
): string {
  const name = penalty === 'elasticnet' ? 'Elastic-net' : penalty.toUpperCase();
  const simple = path.oneStandardError;
  const best = path.best;
  const nFeatures = path.featureNames.length;
  const bestPart = `the best ${path.scoring} ${best.meanScore.toFixed(3)} at C=${formatC(best.C)}`;
  const kept = path.nonZero[simple.index];
  if (simple.index === best.index) {
    return `${name} at C=${formatC(best.C)} scores best (${path.scoring} ${best.meanScore.toFixed(3)}) keeping ${kept} of ${nFeatures} features; no more regularised C is within 1 SE.`;
  }
  const keeps =
    kept < nFeatures ? `keeps ${kept} of ${nFeatures} features` : `keeps all ${nFeatures} features`;
  return `${name} at C=${formatC(simple.C)} ${keeps} within 1 SE of ${bestPart} (${path.nonZero[best.index]} features).`;
}
