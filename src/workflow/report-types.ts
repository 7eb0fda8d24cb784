/**
 * report.json: everything `modeldebug run` found, as plain JSON data (numbers, strings, arrays), versioned.
 * The HTML report is rendered from this alone, and the web viewer reads `summary`.
 */

import type {
  EpochCurveSection,
  LearningCurveSection,
  RegularizationSection,
  SearchSection,
  ValidationCurveSection,
} from './curve-sections.js';
import type { DriftSection } from './drift-section.js';
import type { LlmCalibrationSection } from './llm-calibration-section.js';
import type { LlmFrontSection } from './llm-front-section.js';
import type { LlmRobustnessSection } from './llm-robustness-section.js';
import type {
  EnsembleSection,
  FeatureSelectionSection,
  ModelComparisonSection,
  ValidationSection,
} from './model-sections.js';
import type { RunFinding, RunReportSummary, ThresholdResult } from './report-summary.js';
import type { ErrorAnalysisSection, FinalTestSection } from './result-sections.js';

export * from './curve-sections.js';
export * from './drift-section.js';
export * from './llm-calibration-section.js';
export * from './llm-front-section.js';
export * from './llm-robustness-section.js';
export * from './model-sections.js';
export * from './report-summary.js';
export * from './result-sections.js';

export interface RunSections {
  readonly validation?: ValidationSection;
  readonly drift?: DriftSection;
  readonly modelComparison?: ModelComparisonSection;
  readonly llmFront?: LlmFrontSection;
  readonly learningCurve?: LearningCurveSection;
  readonly epochCurve?: EpochCurveSection;
  readonly validationCurve?: ValidationCurveSection;
  readonly search?: SearchSection;
  readonly regularization?: RegularizationSection;
  readonly featureSelection?: FeatureSelectionSection;
  readonly ensemble?: EnsembleSection;
  readonly llmCalibration?: LlmCalibrationSection;
  readonly llmRobustness?: LlmRobustnessSection;
  readonly errorAnalysis?: ErrorAnalysisSection;
  readonly finalTest?: FinalTestSection;
}

export interface RunReport {
  readonly version: 1;
  readonly schema: 'modeldebug.run';
  readonly createdAt: string;
  readonly seconds: number;
  readonly config: Readonly<Record<string, unknown>>;
  readonly summary: RunReportSummary;
  /** Failures first, then by the metric points at stake (rankFindings). */
  readonly findings: readonly RunFinding[];
  readonly sections: RunSections;
  readonly thresholds: readonly ThresholdResult[];
  /** Steps skipped or failed, with why. */
  readonly skipped: readonly { readonly step: string; readonly reason: string }[];
  readonly timings: Readonly<Record<string, number>>;
  /** With a time budget: its seconds and what it cut (steps skipped, the comparison's race ended early). */
  readonly budget?: {
    readonly seconds: number;
    readonly cuts: readonly { readonly step: string; readonly what: string }[];
  };
  readonly warnings: readonly string[];
}
