import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts')];

export interface CliProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

/** The CLI from source as a child process, its output collected; `env` is added to this process's. */
export function startCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): CliProcess {
  const child = spawn(process.execPath, [...cli, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** `modeldebug worker` with one thread, resolved once it listens for jobs. */
export async function startWorkerProcess(
  url: string,
  name: string,
  env: Readonly<Record<string, string>> = {},
): Promise<CliProcess> {
  const worker = startCli(['worker', '--redis', url, '--concurrency', '1', '--name', name], env);
  await until(() => worker.stderr().includes('waiting for jobs') || worker.child.exitCode !== null, 60_000);
  if (worker.child.exitCode !== null) throw new Error(`worker ${name} exited: ${worker.stderr()}`);
  return worker;
}

export async function stopProcess(process_: CliProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (process_.child.exitCode === null && process_.child.signalCode === null) process_.child.kill(signal);
  await process_.exited;
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface StoredTrial {
  readonly trial_index: number;
  readonly test_scores: string;
  readonly completed_at: string;
}

export function storedTrials(path: string): StoredTrial[] {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare('SELECT trial_index, test_scores, completed_at FROM trials ORDER BY trial_index')
        .all() as StoredTrial[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/** How often each job id has each event in the queue's event stream (BullMQ's `<prefix>:<queue>:events`). */
export async function jobEvents(url: string, queue: string): Promise<Map<string, Map<string, number>>> {
  const redis = new Redis(url);
  try {
    const entries = await redis.xrange(`bull:${queue}:events`, '-', '+');
    const counts = new Map<string, Map<string, number>>();
    for (const [, fields] of entries) {
      const record = new Map<string, string>();
      for (let k = 0; k + 1 < fields.length; k += 2) record.set(fields[k], fields[k + 1]);
      const jobId = record.get('jobId');
      const event = record.get('event');
      if (!jobId || !event) continue;
      const perJob = counts.get(jobId) ?? new Map<string, number>();
      perJob.set(event, (perJob.get(event) ?? 0) + 1);
      counts.set(jobId, perJob);
    }
    return counts;
  } finally {
    redis.disconnect();
  }
}

/** A search's JSON without what may differ between equal runs (times, run id, store, thread count). */
export function comparableSearch(json: Record<string, unknown>) {
  const results = { ...(json.cvResults as Record<string, unknown>) };
  for (const key of ['meanFitTime', 'stdFitTime', 'meanScoreTime', 'stdScoreTime']) delete results[key];
  return { results, best: [json.bestIndex, json.bestParams, json.bestScore] };
}
