export * from './threshold-classifier.js';
