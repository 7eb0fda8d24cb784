import type { CurvePoint } from '../../selection/index.js';
import type { CurvePointData } from '../report-types.js';

/** A curve point as report.json keeps it: the means and spreads, not the per-fold scores. */
export function pointData(point: CurvePoint): CurvePointData {
  return {
    trainMean: point.trainMean,
    trainStd: point.trainStd,
    testMean: point.testMean,
    testStd: point.testStd,
  };
}
