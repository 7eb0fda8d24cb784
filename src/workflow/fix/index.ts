export type { TestComparison, TestScores } from './final-comparison.js';
export * from './fix-documents.js';
export * from './fix-types.js';
export * from './prepare-fix-data.js';
export { type FixResult, runFix } from './run-fix.js';
export { type PipelineWrappers, wrappedModel } from './state-model.js';
