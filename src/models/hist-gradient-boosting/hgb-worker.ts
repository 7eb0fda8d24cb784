import { parentPort, workerData } from 'node:worker_threads';
import { type SharedNodeWork, serveNodeJobs } from './node-job.js';

/**
 * A worker thread of a threaded HistGradientBoosting fit: for every node the fit thread publishes, it
 * takes chunks of features of the node's work until none is left (node-job.ts); see
 * threaded-histograms.ts.
 */
export type HgbWorkerInput = SharedNodeWork;

serveNodeJobs(workerData as HgbWorkerInput, () => parentPort?.postMessage('ready'));
