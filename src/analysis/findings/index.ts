/** Findings as data: codes, the file's rows, measured impact, and the verdicts behind them. */
export * from './calibration-verdict.js';
export * from './complexity-advice.js';
export * from './complexity-sweep.js';
export * from './error-finding-records.js';
export * from './fit-reading.js';
export * from './format-points.js';
export * from './impact-of.js';
export * from './row-words.js';
