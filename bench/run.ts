/**
 * `npm run bench`: every side-by-side benchmark against the Python peer, in one run. Not part of
 * `npm test`: timings belong here, printed as ratios, never in assertions.
 */
import { runLogregBench } from './logreg.js';

await runLogregBench();
