export * from './calibrated-classifier.js';
export * from './isotonic-calibration.js';
export * from './sigmoid-calibration.js';
