import type { Calibration } from '../metrics/index.js';
import type { CalibrationData } from './report-types.js';

/** A calibration as JSON data: empty bins get `null` instead of NaN. */
export function calibrationData(calibration: Calibration): CalibrationData {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    kind: calibration.kind,
    ece: calibration.ece,
    mce: calibration.mce,
    bins: calibration.bins.map((bin) => ({
      low: bin.low,
      high: bin.high,
      count: bin.count,
      meanConfidence: finite(bin.meanConfidence),
      accuracy: finite(bin.accuracy),
    })),
  };
}
