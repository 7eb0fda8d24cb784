import { availableParallelism, hostname } from 'node:os';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { getBlob } from './blob-store.js';
import { decodeDataset, decodeRows } from './dataset-blob.js';
import { createDatasetThreads, type DatasetThreads } from './dataset-threads.js';
import { encodeFoldResult, FOLD_QUEUE, type FoldResult, foldJobSchema } from './fold-job.js';
import { createLruMap } from './lru-map.js';
import { bullConnection, connectRedis, describeRedis, type RedisTarget } from './redis-connection.js';

export interface FoldWorkerOptions {
  readonly redis: RedisTarget;
  /** Fold fits at once (one thread each); default the number of cores. */
  readonly concurrency?: number;
  /** Shown in the coordinator's progress and stored on each job (BullMQ's processedBy). */
  readonly name?: string;
  /**
   * How long a job stays locked without renewal: a worker killed mid-job gives its job back after
   * this, plus at most `stalledIntervalMs` until a live worker's stalled check notices.
   */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  readonly log?: (line: string) => void;
}

export interface FoldWorker {
  readonly name: string;
  /** Jobs finished by this worker (a failed fit is a finished job: its outcome is data). */
  readonly done: number;
  /** Stops taking jobs, lets the running ones finish, and ends the threads. */
  close(): Promise<void>;
}

/** Datasets held at once (each is a copy in shared memory plus its threads). */
const DATASETS_KEPT = 2;
const ROW_SETS_KEPT = 256;

/**
 * `modeldebug worker`: takes fold jobs from the queue and fits them on threads that hold the job's
 * dataset, downloaded once per dataset (by content hash) and kept for the next jobs.
 */
export async function startFoldWorker(options: FoldWorkerOptions): Promise<FoldWorker> {
  const concurrency = options.concurrency ?? availableParallelism();
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const log = options.log ?? (() => {});
  const redis = await connectRedis(options.redis);
  const datasets = createLruMap<string, Promise<DatasetThreads>>(DATASETS_KEPT, (threads) => {
    void threads.then((held) => held.close()).catch(() => {});
  });
  const rowSets = createLruMap<string, Promise<Int32Array>>(ROW_SETS_KEPT);
  let done = 0;

  const threadsFor = (hash: string): Promise<DatasetThreads> => {
    let held = datasets.get(hash);
    if (!held) {
      held = getBlob(redis, hash).then((blob) => {
        const data = decodeDataset(blob);
        log(
          `worker ${name}: dataset ${hash.slice(0, 12)} (${data.features.rows} x ${data.features.cols}) loaded`,
        );
        return createDatasetThreads(data, concurrency);
      });
      // A failed download is not kept: the next job tries again.
      held.catch(() => datasets.delete(hash));
      datasets.set(hash, held);
    }
    return held;
  };
  const rowsFor = (hash: string): Promise<Int32Array> => {
    let rows = rowSets.get(hash);
    if (!rows) {
      rows = getBlob(redis, hash).then(decodeRows);
      rows.catch(() => rowSets.delete(hash));
      rowSets.set(hash, rows);
    }
    return rows;
  };

  const processor = async (job: Job): Promise<FoldResult> => {
    const parsed = foldJobSchema.safeParse(job.data);
    if (!parsed.success) {
      // Retrying cannot help: this worker runs another version of modeldebug than the coordinator.
      throw new UnrecoverableError(`job ${job.id} is not a fold job this version of modeldebug can read`);
    }
    const data = parsed.data;
    const [threads, train, test] = await Promise.all([
      threadsFor(data.dataset),
      rowsFor(data.train),
      rowsFor(data.test),
    ]);
    const outcome = await threads.run({
      steps: data.steps,
      train,
      test,
      scoring: data.scoring,
      returnTrainScore: data.returnTrainScore,
    });
    done++;
    return encodeFoldResult(name, outcome);
  };

  const worker = new Worker(FOLD_QUEUE, processor, {
    connection: bullConnection(options.redis),
    name,
    concurrency,
    lockDuration: options.lockDurationMs ?? 10_000,
    stalledInterval: options.stalledIntervalMs ?? 5_000,
    // A job whose worker dies goes back to the queue; only a job that kills worker after worker fails.
    maxStalledCount: 5,
  });
  worker.on('failed', (job, error) => log(`worker ${name}: job ${job?.id ?? '?'} failed: ${error.message}`));
  worker.on('error', (error) => log(`worker ${name}: ${error.message}`));
  await worker.waitUntilReady();
  log(
    `worker ${name}: connected to ${describeRedis(options.redis)}, ${concurrency} thread${concurrency === 1 ? '' : 's'}, waiting for jobs`,
  );

  return {
    name,
    get done() {
      return done;
    },
    async close() {
      await worker.close();
      await Promise.all(
        [...datasets.values()].map((held) => held.then((threads) => threads.close()).catch(() => {})),
      );
      redis.disconnect();
    },
  };
}
