import type { Command } from 'commander';
import { DEFAULT_STORE_PATH, openRunStore } from '../../store/index.js';
import { withHelpExamples } from '../command-help.js';
import { versionedDocument } from '../format/json-document.js';
import { formatRun, formatRunList } from '../format/runs-text.js';
import { runAction } from '../run-action.js';

interface RunsFlags {
  readonly store: string;
  readonly json?: boolean;
  readonly limit: string;
}

/** Shown at the end of `modeldebug runs --help`. */
const EXAMPLES = ['modeldebug runs', 'modeldebug runs --limit 10 --json', 'modeldebug runs show RUN_ID'];

/** `modeldebug runs` lists the run store; `modeldebug runs show ID` prints one run and its trials. */
export function registerRunsCommand(program: Command): void {
  const runs = withHelpExamples(program.command('runs'), EXAMPLES)
    .description('list the searches and curves in the run store')
    .option('--store <path>', 'the run store (SQLite)', DEFAULT_STORE_PATH)
    .option('--limit <n>', 'newest runs to list', '50')
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: RunsFlags) => {
        const store = openRunStore(flags.store);
        try {
          const list = store.listRuns(Number(flags.limit) || 50);
          process.stdout.write(
            flags.json ? versionedDocument('runs', 2, { runs: list }) : formatRunList(list, store.path),
          );
          return 0;
        } finally {
          store.close();
        }
      }),
    );
  runs
    .command('show')
    .description('one run: its config, status and every stored trial')
    .argument('<id>', 'the run id (from modeldebug runs)')
    .option('--store <path>', 'the run store (SQLite)')
    .option('--json', 'print JSON')
    .action(
      runAction(async (id: string, flags: Partial<RunsFlags>, command: Command) => {
        // The parent's --store is accepted before or after `show`.
        const parent = command.parent?.opts<RunsFlags>();
        const store = openRunStore(flags.store ?? parent?.store ?? DEFAULT_STORE_PATH);
        try {
          const run = store.getRun(id);
          const trials = store.trials(id);
          process.stdout.write(
            flags.json || parent?.json
              ? versionedDocument('run-record', 2, { ...run, trials })
              : formatRun(run, trials),
          );
          return 0;
        } finally {
          store.close();
        }
      }),
    );
}
