import { type CalibrationEvidence, type CalibrationVerdict, calibrationVerdict } from '../analysis/index.js';
import type { RunFinding, RunSections } from './report-types.js';

/**
 * The run's one calibration verdict, from the out-of-fold probabilities of the error analysis and the
 * test probabilities of the final evaluation together; a finding only when miscalibrated.
 */
export function calibrationFinding(
  sections: RunSections,
): { verdict: CalibrationVerdict; finding?: RunFinding } | undefined {
  const sources: CalibrationEvidence[] = [];
  const oof = sections.errorAnalysis?.calibration;
  if (oof) sources.push({ source: `out-of-fold (${sections.errorAnalysis?.rows} rows)`, ...oof });
  const test = sections.finalTest;
  if (test) sources.push({ source: `test (${test.testRows} rows)`, ...test.calibration });
  const verdict = calibrationVerdict(sources);
  if (!verdict) return undefined;
  if (!verdict.miscalibrated) return { verdict };
  return {
    verdict,
    finding: {
      section: test ? 'final-test' : 'error-analysis',
      code: 'miscalibrated',
      level: 'warn',
      message: verdict.summary,
      suggestion:
        'do not read the probabilities as confidences or threshold them as they are; calibration (Platt or isotonic on held-out rows) is the usual remedy, and `modeldebug fix` measures whether it helps',
      columns: [],
      rows: [],
    },
  };
}
