import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ModeldebugError } from '../../core/errors.js';
import { checkRedis, parseRedisUrl, remoteExecutorFactory } from '../../distributed/index.js';
import { DEFAULT_STORE_PATH, openRunStore } from '../../store/index.js';
import {
  DEFAULT_REMEDIES,
  FIX_REMEDIES,
  type FixDataSource,
  type FixOptions,
  type FixRemedy,
  prepareFixData,
  runFix,
} from '../../workflow/fix/index.js';
import { checkThresholds, defaultModels, parseThreshold } from '../../workflow/index.js';
import { planModel } from '../../workflow/model-plans.js';
import { writeFixOutputs } from '../fix-outputs.js';
import { fixScoreMemo } from '../fix-score-memo.js';
import { fractionFlag, wholeNumberFlag } from '../flag-values.js';
import { formatFixSummary } from '../format/fix-text.js';
import { collect } from '../model-options.js';
import { proposerParams } from '../proposer-params.js';
import { runAction } from '../run-action.js';

interface FixFlags {
  readonly data?: string;
  readonly label?: string;
  readonly test?: string;
  readonly testSize: string;
  readonly model?: string;
  readonly metric: string;
  readonly cv: string;
  readonly budget?: string;
  readonly allow?: string;
  readonly drop: string[];
  readonly text: string[];
  readonly out: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly failUnder: string[];
  readonly resume?: string;
  readonly seed: string;
  readonly store: string;
  readonly llmModel: string[];
  readonly proposer?: string;
  readonly redis?: string;
}

const METRICS = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'] as const;

export function registerFixCommand(program: Command): void {
  program
    .command('fix')
    .description(
      'apply the verified remedies, prove the gain on untouched test rows, and write the better model',
    )
    .option('--data <file>', 'the training data')
    .option('--label <column>', 'the label column')
    .option('--test <file>', 'a labelled test file (default: hold out --test-size of the rows)')
    .option('--test-size <fraction>', 'share of the rows held out when there is no --test', '0.2')
    .option(
      '--model <spec>',
      'the starting pipeline (default: scaled logistic regression, with an imputer / encoder when needed)',
    )
    .option('--metric <name>', `the metric every change must improve: ${METRICS.join(' | ')}`, 'f1_weighted')
    .option('--cv <k>', 'folds for the paired gains', '5')
    .option(
      '--budget <time>',
      'wall time for the candidates, e.g. 90s, 10m, 1h (the rest are reported as skipped)',
    )
    .option('--allow <remedies>', `comma-separated: ${FIX_REMEDIES.join(',')} (default: all but relabel)`)
    .option('--drop <column>', 'leave a column out from the start (repeatable)', collect, [])
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, [])
    .option(
      '--out <dir>',
      'where model.json, fix.yaml, changes.json, cleaned.csv and report.html go',
      'modeldebug-fix',
    )
    .option('--json', 'print changes.json (no progress)')
    .option('--quiet', 'no progress lines on stderr')
    .option(
      '--fail-under <metric=value>',
      "exit 1 when the fixed pipeline's test metric is below the value (repeatable)",
      collect,
      [],
    )
    .option(
      '--llm-model <name>',
      'another model name on the LLM endpoint to try as a remedy (repeatable; LLM classifiers only)',
      collect,
      [],
    )
    .option(
      '--proposer <spec>',
      "who writes the instruction remedy's candidates, e.g. 'llm(model=gpt-4o)' (default: the --model)",
    )
    .option('--resume <run-id>', 'continue an interrupted fix from the run store')
    .option('--seed <n>', 'seed for the hold-out and the folds', '0')
    .option('--store <path>', 'the run store (SQLite)', DEFAULT_STORE_PATH)
    .option('--redis <url>', "fit the params search's folds on modeldebug workers through this Redis")
    .addHelpText(
      'after',
      '\nExample:\n  modeldebug fix --data train.csv --label y --budget 10m --out fixed\n  modeldebug eval --model @fixed/model.json fixed/cleaned.csv --label y',
    )
    .action(runAction(fixCommand));
}

async function fixCommand(flags: FixFlags): Promise<number> {
  const redis = flags.redis === undefined ? undefined : parseRedisUrl(flags.redis);
  if (redis) await checkRedis(redis);
  const store = openRunStore(flags.store);
  try {
    const resumed = flags.resume === undefined ? undefined : store.getRun(flags.resume);
    if (resumed && resumed.kind !== 'fix') {
      throw new ModeldebugError('invalid_argument', `run ${resumed.id} is a ${resumed.kind} run, not a fix`, {
        where: '--resume',
        hint: 'list the runs with modeldebug runs',
      });
    }
    const config = resumed ? (resumed.config as unknown as FixRunConfig) : fixRunConfig(flags);
    const run = resumed ?? store.createRun('fix', { ...config });
    // A lease on the run: a second resume of it while this one is alive stops with run_busy.
    if (resumed) store.claimRun(run.id);
    const thresholds = Object.fromEntries(flags.failUnder.map(parseThreshold));
    const showProgress = !flags.json && !flags.quiet;
    if (showProgress) process.stderr.write(`fix: run ${run.id} (continue it with --resume ${run.id})\n`);
    try {
      const data = await prepareFixData(config.source);
      const steps = planModel(config.model ?? defaultModels(data.train)[0].spec).steps;
      const options: FixOptions = {
        metric: config.metric,
        cv: config.cv,
        seed: config.source.seed,
        remedies: config.remedies,
        budgetSeconds: config.budgetSeconds,
        nBoot: 1000,
        memo: fixScoreMemo(store, run.id),
        // An LLM's answers are kept in the run store, so a rerun (or --resume) asks the endpoint nothing new.
        runtime: { cacheFile: store.path },
        llm: {
          models: config.llmModels ?? [],
          ...(config.proposer === undefined ? {} : { proposer: proposerParams(config.proposer) }),
        },
        // --redis: the run id names the jobs, as search's and run's do.
        ...(flags.redis === undefined
          ? {}
          : { createExecutor: remoteExecutorFactory(flags.redis, { runKey: run.id }) }),
        progress: showProgress ? (message) => process.stderr.write(`fix: ${message}\n`) : undefined,
      };
      const result = await runFix(data, steps, options);
      const { document, json, files } = await writeFixOutputs(
        resolve(flags.out),
        result,
        data,
        config.source,
      );
      store.setStatus(run.id, 'done', {
        summary: {
          metric: document.metric,
          before: document.test.before.metrics,
          after: document.test.after.metrics,
        },
      });
      const shown = Object.fromEntries(
        Object.entries(files).map(([name, path]) => [
          name,
          relative('.', path).startsWith('..') ? path : relative('.', path),
        ]),
      );
      process.stdout.write(flags.json ? json : formatFixSummary(document, { ...shown, 'run id': run.id }));
      const missed = checkThresholds(thresholds, document.test.after.metrics, '--fail-under').filter(
        (t) => !t.passed,
      );
      for (const threshold of missed) process.stderr.write(`modeldebug: fail-under: ${threshold.reason}\n`);
      return missed.length > 0 ? 1 : 0;
    } catch (error) {
      store.setStatus(run.id, 'failed', { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  } finally {
    store.close();
  }
}

/** Everything that decides a fix's result, stored with its run so `--resume` repeats it exactly. */
interface FixRunConfig {
  readonly source: FixDataSource;
  readonly model?: string;
  readonly metric: FixOptions['metric'];
  readonly cv: number;
  readonly remedies: readonly FixRemedy[];
  readonly budgetSeconds?: number;
  readonly llmModels?: readonly string[];
  readonly proposer?: string;
}

function fixRunConfig(flags: FixFlags): FixRunConfig {
  if (flags.data === undefined || flags.label === undefined) {
    throw new ModeldebugError('invalid_argument', 'fix needs --data FILE and --label COLUMN', {
      hint: 'e.g. modeldebug fix --data train.csv --label y (or --resume RUN_ID)',
    });
  }
  if (!(METRICS as readonly string[]).includes(flags.metric)) {
    throw new ModeldebugError('invalid_argument', `unknown metric "${flags.metric}"`, {
      where: '--metric',
      hint: `use one of ${METRICS.join(', ')}`,
    });
  }
  return {
    source: {
      train: resolve(flags.data),
      label: flags.label,
      ...(flags.test === undefined ? {} : { test: resolve(flags.test) }),
      testSize: fractionFlag('--test-size', flags.testSize),
      seed: wholeNumberFlag('--seed', flags.seed, 0),
      drop: flags.drop,
      text: flags.text,
    },
    ...(flags.model === undefined ? {} : { model: flags.model }),
    metric: flags.metric as FixOptions['metric'],
    cv: wholeNumberFlag('--cv', flags.cv, 2),
    remedies: parseRemedies(flags.allow),
    ...(flags.budget === undefined ? {} : { budgetSeconds: parseDuration(flags.budget) }),
    ...(flags.llmModel.length === 0 ? {} : { llmModels: flags.llmModel }),
    ...(flags.proposer === undefined ? {} : { proposer: checkedProposer(flags.proposer) }),
  };
}

/** Checked before the data is read, and kept as text so that --resume repeats it. */
function checkedProposer(spec: string): string {
  proposerParams(spec);
  return spec;
}

function parseRemedies(text: string | undefined): FixRemedy[] {
  if (text === undefined) return [...DEFAULT_REMEDIES];
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(FIX_REMEDIES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new ModeldebugError(
      'invalid_argument',
      `unknown remed${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ') || '(none given)'}`,
      {
        where: '--allow',
        hint: `use a comma-separated list of ${FIX_REMEDIES.join(', ')}`,
      },
    );
  }
  return names as FixRemedy[];
}

/** `90s`, `10m`, `1h` or a number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(text.trim());
  const seconds = match
    ? Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h']
    : Number.NaN;
  if (!(seconds > 0)) {
    throw new ModeldebugError('invalid_argument', `cannot read the duration "${text}"`, {
      where: '--budget',
      hint: 'write a number with s, m or h, e.g. --budget 10m',
    });
  }
  return seconds;
}
