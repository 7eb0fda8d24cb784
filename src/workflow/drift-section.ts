import type { FeatureDriftTest } from '../analysis/index.js';
import type { FindingRecord } from '../core/finding-record.js';

/** report.json's train/test drift: present only when a separate test file was given. */
export interface DriftSection {
  readonly testSource: string;
  /** One two-sample test per feature column (text columns are not tested). */
  readonly features: readonly FeatureDriftTest[];
  /** Cross-validated AUC of a classifier telling test rows from training rows; null when not run. */
  readonly domainAuc: number | null;
  readonly domainModel: string | null;
  readonly findings: readonly FindingRecord[];
}
