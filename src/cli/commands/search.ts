import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { StepSpec } from '../../catalog/index.js';
import { formatModelSpec, stepSpecSchema } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import {
  checkSearchSpace,
  createStrategy,
  type SearchProgress,
  STRATEGY_NAMES,
  type StrategyName,
  type StrategySpec,
  search,
} from '../../selection/index.js';
import { openRunStore, type RunRecord, type RunStore } from '../../store/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { datasetLine } from '../format/dataset-line.js';
import { versionedDocument } from '../format/json-document.js';
import { createProgress } from '../format/progress-bar.js';
import { searchJson } from '../format/search-json.js';
import { formatSearch } from '../format/search-text.js';
import { addModelOptions, collect } from '../model-options.js';
import { runAction } from '../run-action.js';
import {
  addSelectionOptions,
  createExecutor,
  readSelectionInput,
  type SelectionFlags,
  type SelectionInput,
} from '../selection-flags.js';

interface SearchFlags extends SelectionFlags {
  readonly grid: string[];
  readonly space: string[];
  readonly strategy: string;
  readonly trials?: string;
  readonly trainScore?: boolean;
  readonly resume?: string;
  readonly redis?: string;
}

/**
 * What a run stores to be resumed: everything that decides its trials (not --jobs, --json, --store).
 * Read back through the schema, so a store written by another version fails with a message, not later.
 */
const searchConfigSchema = z.object({
  data: z.string().nullable(),
  example: z.string().nullable(),
  label: z.string().nullable(),
  drop: z.array(z.string()),
  text: z.array(z.string()),
  steps: z.array(stepSpecSchema),
  strategy: z.object({
    strategy: z.enum(STRATEGY_NAMES),
    grid: z.array(z.string()),
    space: z.array(z.string()),
    trials: z.number().int().positive().optional(),
  }),
  cv: z.string(),
  scoring: z.string(),
  seed: z.string(),
  trainScore: z.boolean(),
});
type SearchConfig = z.infer<typeof searchConfigSchema>;

function storedConfig(run: RunRecord): SearchConfig {
  const parsed = searchConfigSchema.safeParse(run.config);
  if (!parsed.success) {
    throw new ModeldebugError('unsupported', `run ${run.id} has a search config this version cannot read`, {
      where: '--resume',
      hint: `start a new search (${parsed.error.issues[0]?.path.join('.') || 'config'} is not as expected)`,
    });
  }
  return parsed.data;
}

/** Shown at the end of `modeldebug search --help`. */
const EXAMPLES = [
  "modeldebug search --example iris --model 'scale | logreg' --grid 'C=0.01,0.1,1,10'",
  "modeldebug search data.csv --label y --model hgb --space 'learning_rate=loguniform(0.01,0.3)' --strategy tpe --trials 40",
  'modeldebug search --example iris --resume RUN_ID',
];

export function registerSearchCommand(program: Command): void {
  const command = withHelpExamples(program.command('search'), EXAMPLES)
    .description('hyperparameter search (grid, random, successive halving, TPE) with cross-validation')
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option('--grid <key=values>', "values to try, e.g. --grid 'C=0.01,0.1,1,10' (repeatable)", collect, [])
    .option(
      '--space <key=dist>',
      "a distribution, e.g. --space 'C=loguniform(1e-3,1e2)' (repeatable)",
      collect,
      [],
    )
    .option('--strategy <name>', 'grid | random | halving | tpe', 'grid')
    .option('--trials <n>', 'candidates for random / tpe / halving over a --space (default 10)')
    .option('--train-score', 'also score the training folds (cv_results_ train scores)')
    .option('--resume <run-id>', 'continue an interrupted search from the run store')
    .option('--redis <url>', 'fit on modeldebug workers through this Redis instead of local threads');
  addSelectionOptions(addModelOptions(command)).action(
    runAction(async (data: string | undefined, flags: SearchFlags) => {
      const store = openRunStore(flags.store);
      try {
        return await runSearchCommand(data, flags, store);
      } finally {
        store.close();
      }
    }),
  );
}

async function runSearchCommand(
  data: string | undefined,
  flags: SearchFlags,
  store: RunStore,
): Promise<number> {
  const resumed = flags.resume ? store.getRun(flags.resume) : undefined;
  if (resumed && resumed.kind !== 'search') {
    throw new ModeldebugError(
      'invalid_argument',
      `run ${resumed.id} is a ${resumed.kind} run, not a search`,
      {
        where: '--resume',
      },
    );
  }
  // The lease comes first: a second resume of the same run stops here, before loading or fitting anything.
  if (resumed) store.claimRun(resumed.id);
  // BullMQ and ioredis load only with --redis: a search that fits here does not pay for them.
  const distributed = flags.redis === undefined ? undefined : await import('../../distributed/index.js');
  const redis = flags.redis === undefined ? undefined : distributed?.parseRedisUrl(flags.redis);
  let config: SearchConfig;
  let input: SelectionInput;
  if (resumed) {
    config = storedConfig(resumed);
    const stored: SearchFlags = {
      ...flags,
      label: config.label ?? undefined,
      example: config.example ?? undefined,
      drop: config.drop,
      text: config.text,
      cv: config.cv,
      scoring: config.scoring,
      seed: config.seed,
    };
    input = await readSelectionInput('search', config.data ?? undefined, stored, config.steps);
  } else {
    input = await readSelectionInput('search', data, flags);
    config = configFromFlags(data, flags, input.steps);
  }
  const strategy = createStrategy(config.strategy);
  if (redis) await distributed?.checkRedis(redis);
  const run = resumed ?? store.createRun('search', { ...config });
  const progress = createProgress(`search ${run.id}`, flags.json ? 'none' : 'auto');
  // Redrawn on every finished fit and, with --redis, on each poll of the workers.
  let latest: SearchProgress | undefined;
  const showProgress = (p: SearchProgress) => {
    latest = p;
    const best = p.bestScore === null ? '' : `best ${p.bestScore.toFixed(4)}`;
    const workers = remote && distributed ? distributed.describeRemoteStatus(remote.status()) : '';
    progress.update(p.doneFits, p.plannedFits, [best, workers].filter(Boolean).join(' | '));
  };
  // --redis: the run id names the jobs, so --resume finds those that finished while it was away.
  const remote =
    redis && distributed
      ? distributed.createRemoteExecutor({
          redis,
          features: input.dataset.features,
          labels: input.dataset.labels,
          runKey: run.id,
          onStatus: () => latest && showProgress(latest),
        })
      : undefined;
  // LLM answers go to the store's cache, so a configuration sent before costs no call (not on remote
  // workers: the store is a file on this machine).
  const runtime = { cacheFile: store.path };
  const executor = remote ?? createExecutor(input, runtime);
  const { features, labels } = input.dataset;
  try {
    const result = await search(features, labels, {
      steps: config.steps,
      runtime,
      strategy,
      cv: input.cv,
      scoring: config.scoring,
      seed: input.seed,
      returnTrainScore: config.trainScore,
      executor,
      trialLog: store.trialLog(run.id),
      onProgress: showProgress,
    });
    progress.stop();
    store.setStatus(run.id, 'done', {
      summary: {
        bestParams: result.bestParams,
        bestScore: result.bestScore,
        bestIndex: result.bestIndex,
        trials: result.trials.length,
      },
    });
    const model = formatModelSpec(config.steps);
    if (flags.json) {
      const dataset = {
        source: input.dataset.source,
        rows: features.rows,
        features: features.cols,
        classes: labels.classes,
      };
      const json = searchJson(result, { runId: run.id, store: store.path, dataset, model, jobs: input.jobs });
      process.stdout.write(versionedDocument('search', 2, json));
    } else {
      const planned = `${result.trials.length} trials x ${result.nSplits} folds`;
      process.stdout.write(
        [
          datasetLine('search', input.dataset),
          `model: ${model}`,
          `strategy: ${result.strategy}, ${planned}, scoring ${result.scoring}, ${remote ? 'remote workers' : `${input.jobs} thread${input.jobs === 1 ? '' : 's'}`}`,
          `run: ${run.id} (store ${store.path})`,
          '',
          formatSearch(result),
        ].join('\n'),
      );
    }
    return 0;
  } catch (error) {
    progress.stop();
    store.setStatus(run.id, 'failed', { error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    await executor.close();
  }
}

function configFromFlags(data: string | undefined, flags: SearchFlags, steps: StepSpec[]): SearchConfig {
  const strategy: StrategySpec = {
    strategy: flags.strategy as StrategyName,
    grid: flags.grid,
    space: flags.space,
    trials: flags.trials === undefined ? undefined : wholeNumberFlag('--trials', flags.trials, 1),
  };
  createStrategy(strategy);
  checkSearchSpace(steps, strategy);
  return {
    // An absolute path, so `--resume` works from another directory.
    data: data === undefined ? null : resolve(data),
    example: flags.example ?? null,
    label: flags.label ?? null,
    drop: flags.drop,
    text: flags.text,
    steps,
    strategy: { ...strategy, grid: [...strategy.grid], space: [...strategy.space] },
    cv: flags.cv,
    scoring: flags.scoring,
    seed: flags.seed,
    trainScore: flags.trainScore ?? false,
  };
}
