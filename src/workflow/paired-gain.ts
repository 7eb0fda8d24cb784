/** The paired gain lives in src/metrics (the analysis measures gains too); kept here for the workflow's imports. */
export { pairedGain } from '../metrics/paired-gain.js';
