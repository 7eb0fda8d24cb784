export * from './config-schema.js';
export * from './load-config.js';
export * from './model-plans.js';
export * from './report-types.js';
export { plannedStepCount } from './run-steps.js';
export * from './run-workflow.js';
export type { WorkflowContext, WorkflowProgress } from './step-context.js';
export * from './thresholds.js';
