import type { Command } from 'commander';
import { ModeldebugError } from '../../core/errors.js';
import { isLoopbackHost, startViewer } from '../../report/viewer/index.js';
import { DEFAULT_STORE_PATH } from '../../store/index.js';
import { withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { runAction } from '../run-action.js';

interface ViewFlags {
  readonly port: string;
  readonly store: string;
  readonly host: string;
}

/** Shown at the end of `modeldebug view --help`. */
const EXAMPLES = ['modeldebug view', 'modeldebug view --port 8080 --store .modeldebug/runs.db'];

/** `modeldebug view` serves the run store's reports in a browser until Ctrl-C. */
export function registerViewCommand(program: Command): void {
  withHelpExamples(program.command('view'), EXAMPLES)
    .description('browse the run store: the runs, each report, and two runs side by side')
    .option('--port <n>', 'the port to listen on (0 picks a free one)', '7070')
    .option('--store <path>', 'the run store (SQLite)', DEFAULT_STORE_PATH)
    .option('--host <address>', 'the address to bind; anything but loopback exposes your data', '127.0.0.1')
    .action(
      runAction(async (flags: ViewFlags) => {
        const port = wholeNumberFlag('--port', flags.port, 0);
        if (port > 65535) {
          throw new ModeldebugError('invalid_argument', `--port must be at most 65535, got "${flags.port}"`, {
            where: '--port',
          });
        }
        if (!isLoopbackHost(flags.host)) {
          process.stderr.write(
            `modeldebug: warning: listening on ${flags.host}: anyone who can reach it can read every run's data\n`,
          );
        }
        const viewer = await startViewer({ storePath: flags.store, port, host: flags.host });
        process.stdout.write(`modeldebug view: ${flags.store} at ${viewer.url} (Ctrl-C stops)\n`);
        await untilInterrupted();
        await viewer.close();
        return 0;
      }),
    );
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
