export * from './align.js';
export type { CheckContext, DataCheck } from './checks/check.js';
export {
  type CheckStatus,
  type Evidence,
  type Finding,
  type JsonValue,
  type Severity,
  sortFindings,
  statusAtLeast,
} from './checks/finding.js';
export * from './checks/finding-records.js';
export { DATA_CHECKS } from './checks/registry.js';
export * from './checks/thresholds.js';
export * from './clean-data.js';
export * from './column-kinds.js';
export * from './dataset.js';
export * from './examples.js';
export * from './feature-repairs.js';
export * from './load-dataset.js';
export * from './missing.js';
export * from './repair-dataset.js';
export * from './validate-data.js';
export * from './validation-report.js';
export * from './value-formats.js';
