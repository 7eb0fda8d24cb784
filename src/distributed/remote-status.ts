import type { Queue } from 'bullmq';

/** One live worker as the coordinator sees it: jobs of this run it finished and is running now. */
export interface WorkerLoad {
  readonly name: string;
  /** Connected to the queue now (a worker that finished jobs and left is listed, not live). */
  readonly live: boolean;
  readonly done: number;
  readonly active: number;
}

export interface RemoteStatus {
  /** False until the queue's workers were first asked for (then `workers` is still empty). */
  readonly polled: boolean;
  /** Workers connected to the queue now, and any that finished jobs of this run before leaving. */
  readonly workers: readonly WorkerLoad[];
  /** Jobs found already finished in Redis when dispatched (a resumed run's work done meanwhile). */
  readonly reusedJobs: number;
}

/**
 * The names of the workers connected to the queue: BullMQ names each worker's blocking connection
 * `<prefix>:<queue, base64>:w:<worker name>` (CLIENT SETNAME), which CLIENT LIST shows — for every
 * database of the server, so only those on the queue's database count.
 */
export async function liveWorkerNames(queue: Queue, db: number): Promise<string[]> {
  const clients = await queue.getWorkers();
  const names = clients
    .filter((client) => client.db === undefined || client.db === String(db))
    .map((client) => {
      const raw = client.rawname ?? '';
      const at = raw.indexOf(':w:');
      return at >= 0 ? raw.slice(at + 3) : (client.name ?? '');
    });
  return [...new Set(names.filter((name) => name !== ''))].sort();
}

/**
 * The progress bar's detail, jobs per worker as done+running:
 * `2 workers: host-a 12+1, host-b 10+1; gone: host-c 3`.
 */
export function describeRemoteStatus(status: RemoteStatus): string {
  const live = status.workers.filter((worker) => worker.live);
  const gone = status.workers.filter((worker) => !worker.live);
  const load = (worker: WorkerLoad) => `${worker.name} ${worker.done}+${worker.active}`;
  if (!status.polled) return 'asking Redis for workers';
  const parts = [
    live.length === 0
      ? 'no workers connected (start modeldebug worker --redis URL)'
      : `${live.length} worker${live.length === 1 ? '' : 's'}: ${live.map(load).join(', ')}`,
  ];
  if (gone.length > 0) parts.push(`gone: ${gone.map(load).join(', ')}`);
  if (status.reusedJobs > 0) parts.push(`${status.reusedJobs} jobs reused`);
  return parts.join('; ');
}
