import { randomBytes } from 'node:crypto';
import { type Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { ModeldebugError } from '../core/errors.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import type { FoldOutcome, FoldTask, TaskExecutor } from '../selection/fold-task.js';
import { putBlob } from './blob-store.js';
import { encodeDataset, encodeRows } from './dataset-blob.js';
import { decodeFoldOutcome, FOLD_QUEUE, type FoldJobData, foldJobId, foldResultSchema } from './fold-job.js';
import { JOB_OPTIONS } from './job-options.js';
import { bullConnection, connectRedis, type RedisTarget } from './redis-connection.js';
import { liveWorkerNames, type RemoteStatus } from './remote-status.js';

export interface RemoteExecutorOptions {
  readonly redis: RedisTarget;
  readonly features: Features;
  readonly labels: Labels;
  /**
   * Names this run's jobs. Give the run's id (the run store's): a resumed run then finds the jobs that
   * finished while no coordinator was listening. Default: a fresh random key.
   */
  readonly runKey?: string;
  readonly signal?: AbortSignal;
  /** Live workers and jobs per worker, every `statusIntervalMs` while tasks run. */
  readonly onStatus?: (status: RemoteStatus) => void;
  readonly statusIntervalMs?: number;
}

export interface RemoteExecutor extends TaskExecutor {
  status(): RemoteStatus;
}

interface Connection {
  readonly redis: Redis;
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly dataset: string;
}

const BULK = 500;
/** With no result for this long, the coordinator asks Redis for its jobs instead of waiting for events. */
const SWEEP_AFTER_MS = 10_000;

/**
 * The worker pool's remote twin: runs fold tasks as BullMQ jobs on `modeldebug worker` processes. The
 * dataset goes to Redis once (by SHA-256), each job carries only the model spec and the hashes of its
 * row sets, and outcomes land at their task's index, so a search gives the same result as on local
 * threads. A job whose worker dies is retried by another (BullMQ's stalled-job check); each job's id is
 * its content, so it is counted once however often it is added or run.
 */
export function createRemoteExecutor(options: RemoteExecutorOptions): RemoteExecutor {
  const runKey = options.runKey ?? randomBytes(6).toString('hex');
  const rowHashes = new WeakMap<Int32Array, string>();
  const created = new Set<string>();
  const doneBy = new Map<string, number>();
  let reusedJobs = 0;
  let connecting: Promise<Connection> | undefined;

  const connect = () => {
    connecting ??= (async () => {
      const redis = await connectRedis(options.redis);
      try {
        const dataset = await putBlob(redis, encodeDataset(options.features, options.labels));
        const connection = bullConnection(options.redis);
        const queue = new Queue(FOLD_QUEUE, { connection });
        const events = new QueueEvents(FOLD_QUEUE, { connection });
        await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
        return { redis, queue, events, dataset };
      } catch (error) {
        redis.disconnect();
        throw error;
      }
    })();
    return connecting;
  };

  const rowsHash = async (redis: Redis, rows: Int32Array) => {
    let hash = rowHashes.get(rows);
    if (!hash) {
      hash = await putBlob(redis, encodeRows(rows));
      rowHashes.set(rows, hash);
    }
    return hash;
  };

  // The last poll of the queue: connected workers, and this run's running jobs per worker.
  let live: readonly string[] | undefined;
  let running = new Map<string, number>();
  const currentStatus = (): RemoteStatus => {
    const connected = live ?? [];
    const names = [...new Set([...connected, ...doneBy.keys(), ...running.keys()])].sort();
    return {
      polled: live !== undefined,
      reusedJobs,
      workers: names.map((name) => ({
        name,
        live: connected.includes(name),
        done: doneBy.get(name) ?? 0,
        active: running.get(name) ?? 0,
      })),
    };
  };
  const refreshStatus = async (queue: Queue, mine: ReadonlySet<string>) => {
    const [names, active] = await Promise.all([liveWorkerNames(queue, options.redis.db), queue.getActive()]);
    const counts = new Map<string, number>();
    for (const job of active) {
      if (job.id === undefined || !mine.has(job.id) || !job.processedBy) continue;
      counts.set(job.processedBy, (counts.get(job.processedBy) ?? 0) + 1);
    }
    live = names;
    running = mine.size === 0 ? new Map() : counts;
    options.onStatus?.(currentStatus());
  };

  return {
    status: currentStatus,

    async run(tasks, onTaskDone) {
      const { redis, queue, events, dataset } = await connect();
      options.signal?.throwIfAborted();
      const outcomes: FoldOutcome[] = new Array(tasks.length);
      if (tasks.length === 0) return outcomes;
      // Largest training sets first, as on local threads: the last fits to finish are short ones.
      const order = tasks
        .map((_, k) => k)
        .sort((a, b) => tasks[b].train.length - tasks[a].train.length || a - b);
      const owners = new Map<string, number[]>();
      const jobs: { name: string; data: FoldJobData; opts: typeof JOB_OPTIONS & { jobId: string } }[] = [];
      for (const index of order) {
        const data = await jobData(tasks[index], dataset, (rows) => rowsHash(redis, rows));
        const jobId = foldJobId(runKey, data);
        const same = owners.get(jobId);
        if (same) same.push(index);
        else {
          owners.set(jobId, [index]);
          jobs.push({ name: 'fold', data, opts: { ...JOB_OPTIONS, jobId } });
        }
      }
      const pending = new Set(owners.keys());
      for (const jobId of pending) created.add(jobId);
      const dispatchedAt = Date.now();

      return new Promise<FoldOutcome[]>((resolve, reject) => {
        let settled = false;
        let lastResultAt = Date.now();
        const finish = (error?: unknown) => {
          if (settled) return;
          settled = true;
          events.off('completed', onCompleted);
          events.off('failed', onFailed);
          options.signal?.removeEventListener('abort', onAbort);
          clearInterval(timer);
          running = new Map();
          if (error === undefined) resolve(outcomes);
          else reject(error);
        };
        const deliver = (jobId: string, returned: unknown, reused: boolean) => {
          if (settled || !pending.has(jobId)) return;
          const parsed = foldResultSchema.safeParse(
            typeof returned === 'string' ? JSON.parse(returned) : returned,
          );
          if (!parsed.success) {
            finish(
              new ModeldebugError('internal', `job ${jobId} returned a result this version cannot read`),
            );
            return;
          }
          pending.delete(jobId);
          lastResultAt = Date.now();
          if (reused) reusedJobs++;
          const { worker } = parsed.data;
          doneBy.set(worker, (doneBy.get(worker) ?? 0) + 1);
          // Until the next poll: this worker is running one job fewer.
          const runningThere = running.get(worker) ?? 0;
          if (runningThere > 0) running.set(worker, runningThere - 1);
          const outcome = decodeFoldOutcome(parsed.data);
          try {
            for (const index of owners.get(jobId) ?? []) {
              outcomes[index] = outcome;
              onTaskDone?.(index, outcome);
            }
          } catch (error) {
            finish(error);
            return;
          }
          if (pending.size === 0) finish();
        };
        const failed = (jobId: string, reason: string) => {
          if (!pending.has(jobId)) return;
          finish(
            new ModeldebugError('internal', `a remote fit failed ${JOB_OPTIONS.attempts} times: ${reason}`, {
              hint: 'see the worker logs (modeldebug worker prints each failed job)',
            }),
          );
        };
        const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) =>
          deliver(jobId, returnvalue, false);
        const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) =>
          failed(jobId, failedReason);
        const onAbort = () => finish(options.signal?.reason);
        // Finished jobs that no event will announce: done before this dispatch (a resumed run), or
        // whose event was missed (a Redis reconnect). A job that failed in an earlier run is retried.
        const sweep = async (first: boolean) => {
          const ids = [...pending];
          for (let at = 0; at < ids.length && !settled; at += BULK) {
            const found = await Promise.all(ids.slice(at, at + BULK).map((id) => queue.getJob(id)));
            for (const job of found) {
              if (!job?.id || !job.finishedOn) continue;
              if (job.returnvalue !== null && job.returnvalue !== undefined) {
                deliver(job.id, job.returnvalue, job.finishedOn < dispatchedAt);
              } else if (first) await (job as Job).retry('failed');
              else failed(job.id, job.failedReason);
            }
          }
        };
        let ticks = 0;
        const timer = setInterval(() => {
          ticks++;
          void refreshStatus(queue, pending).catch(() => {});
          if (Date.now() - lastResultAt > SWEEP_AFTER_MS && ticks % 5 === 0)
            sweep(false).catch((error: unknown) => finish(error));
        }, options.statusIntervalMs ?? 2000);
        events.on('completed', onCompleted);
        events.on('failed', onFailed);
        options.signal?.addEventListener('abort', onAbort);
        (async () => {
          for (let at = 0; at < jobs.length && !settled; at += BULK)
            await queue.addBulk(jobs.slice(at, at + BULK));
          await refreshStatus(queue, pending);
          await sweep(true);
        })().catch((error: unknown) => finish(error));
      });
    },

    async close() {
      const connection = await connecting?.catch(() => undefined);
      if (!connection) return;
      const { redis, queue, events } = connection;
      const ids = [...created];
      // A job still running elsewhere is locked and stays; its age limit removes it later.
      for (let at = 0; at < ids.length; at += BULK)
        await Promise.all(ids.slice(at, at + BULK).map((id) => queue.remove(id).catch(() => 0)));
      await events.close();
      await queue.close();
      redis.disconnect();
    },
  };
}

async function jobData(
  task: FoldTask,
  dataset: string,
  rowsHash: (rows: Int32Array) => Promise<string>,
): Promise<FoldJobData> {
  return {
    version: 1,
    dataset,
    train: await rowsHash(task.train),
    test: await rowsHash(task.test),
    steps: task.steps.map((step) => ({ ...step, params: { ...step.params } })),
    scoring: task.scoring,
    returnTrainScore: task.returnTrainScore,
  };
}
