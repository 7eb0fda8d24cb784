import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ModeldebugError } from '../../core/errors.js';
import { checkRedis, parseRedisUrl, remoteExecutorFactory } from '../../distributed/index.js';
import { renderReportHtml, renderSummaryMarkdown } from '../../report/index.js';
import { DEFAULT_STORE_PATH, openRunStore } from '../../store/index.js';
import {
  loadRunConfig,
  parseThreshold,
  plannedStepCount,
  type RunConfig,
  type RunConfigInput,
  runConfigSchema,
  runWorkflow,
} from '../../workflow/index.js';
import { withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { jsonDocument } from '../format/json-document.js';
import { formatRunSummary, stderrProgress } from '../format/run-text.js';
import { remoteLlmRuntime } from '../llm-options.js';
import { collect } from '../model-options.js';
import { runAction } from '../run-action.js';

interface RunFlags {
  readonly data?: string;
  readonly label?: string;
  readonly example?: string;
  readonly test?: string;
  readonly model: string[];
  readonly text: string[];
  readonly drop: string[];
  readonly metric?: string;
  readonly jobs?: string;
  readonly maxRows?: string;
  readonly budget?: string;
  readonly out: string;
  readonly store: string;
  readonly noStore?: boolean;
  readonly failUnder: string[];
  readonly top: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly summaryMd?: string;
  readonly redis?: string;
}

/** Shown at the end of `modeldebug run --help`. */
const EXAMPLES = [
  'modeldebug run --example iris',
  "modeldebug run --example spam --model 'tfidf | logreg' --model 'tfidf | mnb'",
  'modeldebug run --data train.csv --label y --test test.csv --fail-under f1_weighted=0.9 --summary-md summary.md',
  'modeldebug run examples/iris.yaml --out reports/iris --json',
  'modeldebug run --data big.csv --label y --budget 2m',
];

export function registerRunCommand(program: Command): void {
  withHelpExamples(program.command('run'), EXAMPLES)
    .description('the whole diagnosis in one command: report.html, report.json and the top findings')
    .argument(
      '[config]',
      'a YAML or JSON run config (see examples/iris.yaml); flags given with it override its values',
    )
    .option('--data <file>', 'the training data (CSV / TSV, JSON, JSONL or Parquet), instead of a config')
    .option('--label <column>', 'the label column (with --data)')
    .option('--example <name>', 'a bundled dataset: iris | wine | breast_cancer | digits | spam')
    .option('--test <file>', 'a labelled test file (default: hold out 20 % of the rows)')
    .option('--model <spec>', 'a model to compare (repeatable; default: chosen from the data)', collect, [])
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, [])
    .option('--drop <column>', 'leave a column out of the features (repeatable)', collect, [])
    .option('--metric <name>', 'picks the best model: accuracy | balanced_accuracy | f1_macro | f1_weighted')
    .option('--jobs <n>', 'worker threads for curves and the search')
    .option('--max-rows <n>', 'rows for curves, search and selection (a stratified sample; 0 = all)')
    .option(
      '--budget <duration>',
      'a time budget, e.g. 60s, 10m or 1h: the comparison races on fewer rows and steps that would overrun are skipped (the report lists the cuts)',
    )
    .option('--out <dir>', 'where report.html and report.json go', 'modeldebug-report')
    .option('--store <path>', 'the run store (SQLite)', DEFAULT_STORE_PATH)
    .option('--no-store', 'do not record the run in the run store')
    .option(
      '--fail-under <metric=value>',
      'exit 1 when a final metric is below the value (repeatable), e.g. f1_weighted=0.9',
      collect,
      [],
    )
    .option('--top <n>', 'findings printed', '8')
    .option('--json', 'print report.json instead of the findings (no progress)')
    .option('--quiet', 'no progress lines on stderr')
    .option(
      '--summary-md <file>',
      'also write a Markdown summary (metrics with intervals, thresholds, top findings) for a CI job summary',
    )
    .option(
      '--redis <url>',
      'fit the curves and the search, and send LLM calls, to modeldebug workers through this Redis',
    )
    .action(runAction(runCommand));
}

async function runCommand(configPath: string | undefined, flags: RunFlags): Promise<number> {
  const top = wholeNumberFlag('--top', flags.top, 1);
  const redis = flags.redis === undefined ? undefined : parseRedisUrl(flags.redis);
  const config = configFromArguments(configPath, flags);
  if (redis) await checkRedis(redis);
  const progress = stderrProgress(plannedStepCount(config) + 1, !flags.json && !flags.quiet);
  // LLM items go to the workers in batches; their jobs are named by content, not by the run.
  const remoteLlm = redis ? await remoteLlmRuntime(config.models ?? [], redis, undefined) : undefined;
  // `--no-store` sets `store` to false; the path stays a string otherwise.
  const store = (flags.store as string | false) === false ? undefined : openRunStore(flags.store);
  const run = store?.createRun('run', JSON.parse(JSON.stringify(config)));
  // --redis: the run id names the jobs, as search's do.
  const remoteFor =
    flags.redis === undefined ? undefined : remoteExecutorFactory(flags.redis, { runKey: run?.id });
  try {
    const report = await runWorkflow(config, {
      progress,
      // Remote workers build with their own runtime: the store is a file on this machine, not theirs.
      ...(remoteFor ? { createExecutor: remoteFor } : {}),
      build: {
        // LLM answers go to the run store, as eval's and search's do: a rerun calls only what is missing.
        ...(store ? { cacheFile: store.path } : {}),
        ...(remoteLlm ? { llm: remoteLlm.llm } : {}),
      },
    });
    const html = await renderReportHtml(report);
    const json = jsonDocument(report);
    const out = resolve(flags.out);
    mkdirSync(out, { recursive: true });
    const files = { html: join(out, 'report.html'), json: join(out, 'report.json') };
    // Printed relative to the working directory when inside it: shorter, and the same on every machine.
    const shown = (path: string) => (relative('.', path).startsWith('..') ? path : relative('.', path));
    writeFileSync(files.html, html);
    writeFileSync(files.json, json);
    if (flags.summaryMd !== undefined) {
      mkdirSync(dirname(resolve(flags.summaryMd)), { recursive: true });
      writeFileSync(flags.summaryMd, renderSummaryMarkdown(report, { top, reportPath: shown(files.html) }));
    }
    if (store && run) {
      store.saveReport(run.id, { json, html });
      store.setStatus(run.id, 'done', { summary: report.summary });
    }
    process.stdout.write(
      flags.json
        ? json
        : formatRunSummary(report, { html: shown(files.html), json: shown(files.json) }, run?.id, top),
    );
    const missed = report.thresholds.filter((threshold) => !threshold.passed);
    for (const threshold of missed) process.stderr.write(`modeldebug: fail-under: ${threshold.reason}\n`);
    return missed.length > 0 ? 1 : 0;
  } catch (error) {
    if (store && run) {
      const message = error instanceof Error ? error.message : String(error);
      store.setStatus(run.id, 'failed', { error: message });
    }
    throw error;
  } finally {
    await remoteLlm?.close().catch(() => {});
    store?.close();
  }
}

/** A config file, or one built from flags; `--fail-under` adds to (and overrides) its thresholds. */
export function configFromArguments(configPath: string | undefined, flags: RunFlags): RunConfig {
  const thresholds = Object.fromEntries(flags.failUnder.map(parseThreshold));
  const fromFlags = flags.data !== undefined || flags.example !== undefined;
  if (configPath !== undefined && fromFlags) {
    throw new ModeldebugError(
      'invalid_argument',
      'give either a config file or --data / --example, not both',
      {
        hint: 'put the data in the config (data.train) or drop the config argument',
      },
    );
  }
  if (configPath !== undefined) return withFlagOverrides(loadRunConfig(configPath), flags, thresholds);
  if (!fromFlags) {
    throw new ModeldebugError(
      'invalid_argument',
      'no data: give a config file, --data FILE --label COL, or --example iris',
      {
        hint: 'e.g. modeldebug run --example iris, or modeldebug run examples/iris.yaml',
      },
    );
  }
  if (flags.data !== undefined && flags.label === undefined) {
    throw new ModeldebugError(
      'invalid_argument',
      '--label is required with --data: name the column that holds the class',
      {
        where: '--label',
      },
    );
  }
  const input: RunConfigInput = {
    data: {
      ...(flags.data !== undefined ? { train: flags.data } : {}),
      ...(flags.example !== undefined ? { example: flags.example } : {}),
      ...(flags.label !== undefined ? { label: flags.label } : {}),
      ...(flags.test !== undefined ? { test: flags.test } : {}),
      drop: flags.drop,
      text: flags.text,
    },
    ...(flags.model.length > 0 ? { models: flags.model } : {}),
    ...(flags.metric !== undefined ? { metric: flags.metric as RunConfig['metric'] } : {}),
    ...(flags.jobs !== undefined ? { jobs: wholeNumberFlag('--jobs', flags.jobs, 1) } : {}),
    ...(flags.maxRows !== undefined ? { max_rows: wholeNumberFlag('--max-rows', flags.maxRows, 0) } : {}),
    ...(flags.budget !== undefined ? { budget: flags.budget } : {}),
    thresholds,
  };
  return validatedFlags(input);
}

/**
 * Flags given with a config override its values (a flag is the more specific, later wish): the metric,
 * threads, row cap, models, label and test file replace the config's; `--drop` / `--text` add columns
 * and `--fail-under` adds or replaces gates. The result is validated like a config from flags.
 */
function withFlagOverrides(
  config: RunConfig,
  flags: RunFlags,
  thresholds: Readonly<Record<string, number>>,
): RunConfig {
  const merged: RunConfigInput = {
    ...config,
    data: {
      ...config.data,
      ...(flags.label !== undefined ? { label: flags.label } : {}),
      ...(flags.test !== undefined ? { test: flags.test } : {}),
      drop: [...config.data.drop, ...flags.drop],
      text: [...config.data.text, ...flags.text],
    },
    ...(flags.model.length > 0 ? { models: flags.model } : {}),
    ...(flags.metric !== undefined ? { metric: flags.metric as RunConfig['metric'] } : {}),
    ...(flags.jobs !== undefined ? { jobs: wholeNumberFlag('--jobs', flags.jobs, 1) } : {}),
    ...(flags.maxRows !== undefined ? { max_rows: wholeNumberFlag('--max-rows', flags.maxRows, 0) } : {}),
    ...(flags.budget !== undefined ? { budget: flags.budget } : {}),
    thresholds: { ...config.thresholds, ...thresholds },
  };
  return validatedFlags(merged);
}

function validatedFlags(input: RunConfigInput): RunConfig {
  const parsed = runConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.path[0] === 'thresholds' ? 'thresholds' : String(issue.path[issue.path.length - 1]);
    const flag = FLAG_OF[key] ?? '--data';
    throw new ModeldebugError('invalid_argument', issue.message, { where: flag });
  }
  return parsed.data;
}

const FLAG_OF: Readonly<Record<string, string>> = {
  thresholds: '--fail-under',
  models: '--model',
  test: '--test',
  metric: '--metric',
  jobs: '--jobs',
  max_rows: '--max-rows',
  budget: '--budget',
  label: '--label',
  data: '--data',
};
