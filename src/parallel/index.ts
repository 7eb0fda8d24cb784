export { attachDataset, type SharedDataset, shareDataset } from './shared-dataset.js';
export { createWorkerPool, defaultJobs, type WorkerPoolOptions } from './worker-pool.js';
