import type { Command } from 'commander';
import { type EvaluationProtocol, evaluate } from '../../analysis/index.js';
import { checkDataFitsModel, formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { type ColumnRepair, type Dataset, loadDataset, repairLike } from '../../data/index.js';
import { wrappedModel } from '../../workflow/fix/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { addDataOptions, type DataFlags, loadPreparedFromFlags } from '../data-flags.js';
import { fractionFlag, usageError, wholeNumberFlag } from '../flag-values.js';
import { evaluationToJson } from '../format/eval-json.js';
import { formatEvaluation } from '../format/eval-text.js';
import { jsonDocument } from '../format/json-document.js';
import { formatLlmUsage, type LlmRunInfo, llmUsageToJson } from '../format/llm-usage.js';
import {
  addLlmOptions,
  checkLlmFlagsUnused,
  endsInLlm,
  type LlmFlags,
  openLlmSession,
} from '../llm-options.js';
import {
  addModelOptions,
  type ModelFlags,
  modelStepsFromFlags,
  savedEncodings,
  savedWrappers,
} from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface EvalFlags extends ModelFlags, DataFlags, LlmFlags {
  readonly cv?: string;
  readonly testSize?: string;
  readonly test?: string;
  readonly seed: string;
  readonly shuffle?: boolean;
  readonly json?: boolean;
  readonly redis?: string;
}

/** Shown at the end of `modeldebug eval --help`. */
const EXAMPLES = [
  "modeldebug eval --example iris --model 'scale | logreg(C=0.1)' --cv 5",
  'modeldebug eval data.parquet --label y --test test.csv --json',
  "modeldebug eval reviews.jsonl --label sentiment --text review --model 'tfidf | logreg'",
];

export function registerEvalCommand(program: Command): void {
  const command = withHelpExamples(program.command('eval'), EXAMPLES)
    .description('train a model and print its metrics, classification report and confusion matrix')
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addModelOptions(
    addDataOptions(command, (own) =>
      own
        .option('--cv <k>', 'k-fold stratified cross-validation')
        .option('--test-size <fraction>', 'stratified hold-out fraction (default 0.2 when no --cv or --test)')
        .option('--test <file>', 'a separate labelled test file with the same columns')
        .option('--seed <n>', 'seed for splits and shuffling', '0')
        .option('--shuffle', 'shuffle before assigning folds (with --cv)')
        .option('--redis <url>', 'LLM model: send the calls to modeldebug workers through this Redis'),
    ),
  );
  addLlmOptions(command).action(
    runAction(async (data: string | undefined, flags: EvalFlags) => {
      const steps = modelStepsFromFlags(flags);
      // Imputation asked for (--impute or an impute step): infinite values are imputed as missing ones.
      const infinities = steps.some((step) => step.name === 'impute') ? 'missing' : 'error';
      const { dataset, repairs, warnings } = await loadPreparedFromFlags(
        'eval',
        data,
        flags,
        steps,
        infinities,
        savedEncodings(flags.model),
      );
      const isLlm = endsInLlm(steps);
      if (!isLlm) checkLlmFlagsUnused('eval', flags);
      if (!isLlm && flags.redis !== undefined) {
        throw new ModeldebugError('invalid_argument', '--redis applies to an LLM model in eval', {
          where: '--redis',
          hint: 'drop --redis (eval fits here), or use modeldebug search or run with --redis',
        });
      }
      // BullMQ and ioredis load only with --redis: a local eval does not pay for them.
      const distributed = flags.redis === undefined ? undefined : await import('../../distributed/index.js');
      const redis = flags.redis === undefined ? undefined : distributed?.parseRedisUrl(flags.redis);
      const protocol = await protocolFromFlags(flags, dataset, infinities, repairs);
      checkDataFitsModel(dataset, steps);
      if (protocol.kind === 'test-set') checkDataFitsModel(protocol.test, steps);
      const spec = formatModelSpec(steps);
      if (redis) await distributed?.checkRedis(redis);
      const llm = isLlm
        ? await openLlmSession(
            steps,
            flags,
            { command: 'eval', data: dataset.source, label: dataset.labelColumn, model: spec },
            !flags.json,
            redis,
          )
        : undefined;
      // `@model.json` from fix: the refitted pipeline wears the calibration and threshold fix kept.
      const estimator = llm?.estimator ?? wrappedModel(steps, savedWrappers(flags.model));
      // An LLM run shows its own bar of calls; a one-step "fitting" counter would only fight with it.
      const onProgress = llm
        ? undefined
        : progressLine(protocol.kind === 'cross-validation' ? 'fitting fold' : 'fitting', !flags.json);
      let evaluation: Awaited<ReturnType<typeof evaluate>>;
      try {
        const evaluated = await evaluate(estimator, dataset, protocol, { onProgress });
        evaluation = { ...evaluated, warnings: [...warnings, ...evaluated.warnings] };
      } catch (error) {
        await llm?.finish(error);
        throw error;
      }
      const run: LlmRunInfo | undefined = llm
        ? { runId: llm.runId, storePath: llm.storePath, totals: await llm.finish() }
        : undefined;
      if (flags.json) {
        const document = evaluationToJson(evaluation, spec, steps) as Record<string, unknown>;
        process.stdout.write(jsonDocument(run ? { ...document, llmRun: llmUsageToJson(run) } : document));
      } else {
        const text = formatEvaluation(evaluation, spec);
        process.stdout.write(run ? `${text}\n${formatLlmUsage(run)}\n` : text);
      }
      return 0;
    }),
  );
}

async function protocolFromFlags(
  flags: EvalFlags,
  dataset: Dataset,
  infinities: 'error' | 'missing',
  repairs: readonly ColumnRepair[],
): Promise<EvaluationProtocol> {
  const chosen = [flags.cv, flags.testSize, flags.test].filter((value) => value !== undefined);
  if (chosen.length > 1) throw usageError('eval', 'choose one of --cv, --test-size and --test');
  const seed = wholeNumberFlag('--seed', flags.seed, 0);
  if (flags.cv !== undefined) {
    return {
      kind: 'cross-validation',
      folds: wholeNumberFlag('--cv', flags.cv, 2),
      shuffle: flags.shuffle ?? false,
      seed,
    };
  }
  if (flags.test !== undefined) {
    return {
      kind: 'test-set',
      // The test file is repaired as the training file was, column by column.
      test: repairLike(
        await loadDataset(flags.test, {
          label: dataset.labelColumn,
          drop: flags.drop,
          text: flags.text,
          infinities,
        }),
        repairs,
      ),
    };
  }
  const testSize = flags.testSize === undefined ? 0.2 : fractionFlag('--test-size', flags.testSize);
  return { kind: 'holdout', testSize, seed };
}
