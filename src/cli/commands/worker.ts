import type { Command } from 'commander';
import { parseRedisUrl, startChatWorker, startFoldWorker } from '../../distributed/index.js';
import { withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { runAction } from '../run-action.js';

interface WorkerFlags {
  readonly redis: string;
  readonly concurrency?: string;
  readonly name?: string;
  readonly llmConcurrency?: string;
}

/** Shown at the end of `modeldebug worker --help`. */
const EXAMPLES = ['modeldebug worker --redis redis://127.0.0.1:6379'];

/**
 * `modeldebug worker --redis URL`: takes fold fits (and batches of LLM items) from the queues that
 * `search`, `run` and `eval` fill with `--redis`, until stopped. SIGINT / SIGTERM let the running fits
 * finish (a second signal ends it at once; its jobs go to other workers).
 */
export function registerWorkerCommand(program: Command): void {
  withHelpExamples(program.command('worker'), EXAMPLES)
    .description(
      'work for search, run and eval started with --redis: fold fits and LLM batches taken from Redis',
    )
    .requiredOption('--redis <url>', 'the Redis that coordinators dispatch to, e.g. redis://HOST:6379')
    .option('--concurrency <n>', 'fits at once, one thread each (default: the number of cores)')
    .option('--name <name>', 'how this worker appears in progress lines (default: HOST-PID)')
    .option('--llm-concurrency <n>', 'LLM requests in flight per endpoint from this worker', '8')
    .action(
      runAction(async (flags: WorkerFlags) => {
        const redis = parseRedisUrl(flags.redis);
        const log = (line: string) => process.stderr.write(`modeldebug ${line}\n`);
        const llmConcurrency = wholeNumberFlag('--llm-concurrency', flags.llmConcurrency ?? '8', 1);
        const worker = await startFoldWorker({
          redis,
          concurrency:
            flags.concurrency === undefined
              ? undefined
              : wholeNumberFlag('--concurrency', flags.concurrency, 1),
          name: flags.name,
          log,
        });
        const chat = await startChatWorker({ redis, name: worker.name, maxConcurrency: llmConcurrency, log });
        await new Promise<void>((resolve) => {
          const stop = (signal: NodeJS.Signals) => {
            process.stderr.write(`modeldebug worker ${worker.name}: ${signal}, finishing running fits\n`);
            process.once(signal, () => process.exit(130));
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await Promise.all([worker.close(), chat.close()]);
        process.stderr.write(`modeldebug worker ${worker.name}: stopped after ${worker.done} jobs\n`);
        return 0;
      }),
    );
}
