import type { Command } from 'commander';
import { compareLlmWithBaseline, type LlmBaselineComparison } from '../../analysis/llm/llm-baseline.js';
import {
  buildModel,
  checkDataFitsModel,
  findTransformer,
  formatModelSpec,
  parseModelSpec,
  type StepSpec,
  tagsOf,
} from '../../catalog/index.js';
import { isModeldebugError, ModeldebugError } from '../../core/errors.js';
import type { Dataset } from '../../data/index.js';
import { EMBEDDING_TRANSFORMER_KIND, TFIDF_VECTORIZER } from '../../features/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { datasetLine } from '../format/dataset-line.js';
import { versionedDocument } from '../format/json-document.js';
import { fixed, textTable } from '../format/text-table.js';
import {
  addLlmTechniqueOptions,
  type LlmTechniqueFlags,
  readLlmTechniqueInput,
  techniqueJsonHead,
} from '../llm-technique-input.js';
import { runAction } from '../run-action.js';

interface CompareFlags extends LlmTechniqueFlags {
  readonly baseline: string;
  readonly alpha: string;
}

export const DEFAULT_BASELINE = 'tfidf | logreg';

/** Shown at the end of `modeldebug compare --help`. */
const EXAMPLES = ["modeldebug compare --example spam --model 'llm(model=gpt-4o-mini)'"];

export function registerCompareCommand(program: Command): void {
  const command = withHelpExamples(program.command('compare'), EXAMPLES)
    .description(
      'is the LLM better than a linear model? Both cross-validated on the same folds, McNemar test row by row',
    )
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option('--baseline <spec>', 'the classical model to beat', DEFAULT_BASELINE)
    .option('--alpha <p>', "significance level of McNemar's test", '0.05');
  addLlmTechniqueOptions(command, "'llm(model=gpt-4o-mini)'").action(
    runAction(async (data: string | undefined, flags: CompareFlags) => {
      const alpha = Number(flags.alpha);
      if (!(alpha > 0 && alpha < 1)) {
        throw new ModeldebugError(
          'invalid_argument',
          `--alpha must be between 0 and 1, got "${flags.alpha}"`,
          {
            where: '--alpha',
          },
        );
      }
      const baselineSteps = parseModelSpec(flags.baseline);
      const baseline = buildModel(baselineSteps);
      const input = await readLlmTechniqueInput('compare', data, flags);
      let comparison: LlmBaselineComparison;
      try {
        checkBaselineFits(input.dataset, baselineSteps);
        comparison = await compareLlmWithBaseline(
          input.llm,
          baseline,
          input.dataset.features,
          input.dataset.labels,
          {
            folds: input.folds,
            alpha,
            baselineName: describeBaseline(baselineSteps),
          },
        );
      } finally {
        input.close();
      }
      const model = formatModelSpec(input.steps);
      const baselineSpec = formatModelSpec(baselineSteps);
      if (flags.json) {
        process.stdout.write(
          versionedDocument('compare', 2, {
            ...techniqueJsonHead(input),
            baseline: baselineSpec,
            llmAccuracy: comparison.llmAccuracy,
            baselineAccuracy: comparison.baselineAccuracy,
            llmUnlabelled: comparison.llmUnlabelled,
            mcnemar: comparison.mcnemar,
            alpha: comparison.alpha,
            verdict: comparison.verdict,
            summary: comparison.summary,
            usage: comparison.usage,
          }),
        );
        return 0;
      }
      const { mcnemar } = comparison;
      process.stdout.write(
        `${[
          datasetLine('compare', input.dataset),
          `LLM: ${model}`,
          `baseline: ${baselineSpec}`,
          `protocol: ${input.folds.length}-fold stratified cross-validation, the same folds for both; LLM rows without a label count as wrong`,
          `LLM calls: ${comparison.usage.calls} (${comparison.usage.cacheHits} answered from the cache)`,
          '',
          textTable(
            ['model', 'CV accuracy'],
            [
              ['LLM', fixed(comparison.llmAccuracy)],
              ['baseline', fixed(comparison.baselineAccuracy)],
            ],
          ),
          '',
          `McNemar (${mcnemar.method}): both right ${mcnemar.bothCorrect}, only LLM ${mcnemar.onlyFirstCorrect}, only baseline ${mcnemar.onlySecondCorrect}, both wrong ${mcnemar.bothWrong}; statistic ${fixed(mcnemar.statistic)}, p = ${mcnemar.pValue.toPrecision(3)}`,
          `verdict: ${comparison.summary}`,
        ].join('\n')}\n`,
      );
      return 0;
    }),
  );
}

/** The preflight check, with a hint that fits this command (which has no --encode or --impute). */
function checkBaselineFits(dataset: Dataset, steps: StepSpec[]): void {
  try {
    checkDataFitsModel(dataset, steps);
  } catch (error) {
    if (!isModeldebugError(error) || error.code !== 'non_numeric_feature') throw error;
    throw new ModeldebugError(
      error.code,
      `the baseline cannot read the data: ${error.message.split(' — ')[0]}`,
      {
        where: '--baseline',
        hint: "drop the column with --drop, or give a baseline that encodes it, e.g. --baseline 'onehot | logreg'",
      },
    );
  }
}

/** The baseline in words, for the verdict: "a linear model on TF-IDF" for the default. */
function describeBaseline(steps: readonly StepSpec[]): string {
  const final = steps[steps.length - 1].name;
  const model = tagsOf(steps).linearCoefficients ? 'a linear model' : `a ${final} model`;
  const transforms = steps.slice(0, -1).map((step) => findTransformer(step.name)?.kind);
  if (transforms.includes(TFIDF_VECTORIZER)) return `${model} on TF-IDF`;
  if (transforms.includes(EMBEDDING_TRANSFORMER_KIND)) return `${model} on embeddings`;
  return model;
}
