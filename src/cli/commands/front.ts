import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { FrontObjective, FrontTemplate } from '../../analysis/llm/front/index.js';
import { checkDataFitsModel, parseModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { checkRedis, parseRedisUrl } from '../../distributed/index.js';
import { stratifiedKFold } from '../../splits/index.js';
import { DEFAULT_STORE_PATH, openRunStore } from '../../store/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import {
  addColumnOptions,
  addDataSourceOptions,
  type DataFlags,
  loadDatasetFromFlags,
} from '../data-flags.js';
import { wholeNumberFlag } from '../flag-values.js';
import { frontText } from '../format/front-text.js';
import { versionedDocument } from '../format/json-document.js';
import { endsInLlm, remoteLlmRuntime } from '../llm-options.js';
import { collect } from '../model-options.js';
import { runAction } from '../run-action.js';

interface FrontFlags extends DataFlags {
  readonly model: string[];
  readonly template: string[];
  readonly shots?: string;
  readonly maj: string;
  readonly prices?: string;
  readonly maxCost?: string;
  readonly firstRung?: string;
  readonly growth: string;
  readonly cheaperBy: string;
  readonly objectives: string;
  readonly cv: string;
  readonly seed: string;
  readonly shuffle?: boolean;
  readonly store: string;
  readonly cache: boolean;
  readonly out?: string;
  readonly json?: boolean;
  readonly redis?: string;
}

/** Shown at the end of `modeldebug front --help`. */
const EXAMPLES = [
  "modeldebug front reviews.csv --label sentiment --model 'llm(model=gpt-4o-mini)' --model 'llm(model=gpt-4o)' --shots 0,4 --maj 1,3 --max-cost 5",
  "modeldebug front --example spam --model 'llm(model=llama3.1, base_url=http://localhost:11434/v1)' --template short.txt --template long.txt --out front-report",
];

export function registerFrontCommand(program: Command): void {
  const command = withHelpExamples(program.command('front'), EXAMPLES)
    .description(
      'race LLM configurations (models × templates × few-shot k × maj@k) for the cost–accuracy Pareto front',
    )
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addColumnOptions(addDataSourceOptions(command))
    .option('--model <spec>', "an LLM classifier, e.g. 'llm(model=gpt-4o-mini)' (repeatable)", collect, [])
    .option('--template <file>', 'a template file to try with every model (repeatable)', collect, [])
    .option('--shots <list>', "few-shot examples per prompt, e.g. 0,4,8 (default: the model's few_shot_k)")
    .option('--maj <list>', 'answers per row, majority-voted, e.g. 1,3', '1')
    .option(
      '--prices <json|file>',
      'USD per million tokens by model: \'{"gpt-4o-mini": {"input": 0.15, "output": 0.6}}\'',
    )
    .option('--max-cost <usd>', 'total spend cap over all arms: no call that could pass it is made')
    .option('--first-rung <rows>', 'rows every arm answers first (default: max(50, 10 per class))')
    .option('--growth <factor>', 'each rung has this many times the rows of the one before', '2')
    .option(
      '--objectives <list>',
      'what an arm must be beaten on to stop: accuracy and any of cost, latency (p95)',
      'accuracy,cost',
    )
    .option('--cheaper-by <factor>', 'report a front arm this many times cheaper than the most accurate', '2')
    .option('--cv <k>', 'stratified k-fold (few-shot examples come from the training folds)', '5')
    .option('--shuffle', 'shuffle before assigning folds')
    .option('--seed <n>', "seed for the rows' order, the folds (with --shuffle) and the bootstrap", '0')
    .option(
      '--store <path>',
      'the run store (SQLite) whose response cache keeps every answer',
      DEFAULT_STORE_PATH,
    )
    .option('--no-cache', 'call the endpoint for every prompt, even ones answered before')
    .option('--out <dir>', 'write front.html (chart and table) and front.json there')
    .option('--json', 'print one JSON document instead of text (and no progress)')
    .option('--redis <url>', 'send the calls in batches to modeldebug workers through this Redis')
    .action(runAction((data: string | undefined, flags: FrontFlags) => runFront(data, flags)));
}

async function runFront(data: string | undefined, flags: FrontFlags): Promise<number> {
  if (flags.model.length === 0) {
    throw new ModeldebugError('invalid_argument', "front needs --model 'llm(...)', once per model", {
      where: '--model',
      hint: "e.g. --model 'llm(model=gpt-4o-mini)' --model 'llm(model=gpt-4o)'",
    });
  }
  const specs = flags.model.map((text) => {
    const steps = parseModelSpec(text);
    if (steps.length !== 1 || !endsInLlm(steps)) {
      throw new ModeldebugError('invalid_argument', `front races LLM classifiers alone, not "${text}"`, {
        where: '--model',
        hint: "give --model 'llm(model=..., base_url=...)' with no steps before it",
      });
    }
    return steps;
  });
  const dataset = await loadDatasetFromFlags('front', data, flags);
  for (const steps of specs) checkDataFitsModel(dataset, steps);
  const options = {
    templates: flags.template.map(readTemplate),
    shots: flags.shots === undefined ? undefined : numberList('--shots', flags.shots),
    maj: numberList('--maj', flags.maj),
    prices: flags.prices === undefined ? undefined : readPrices(flags.prices),
    maxCost: flags.maxCost === undefined ? undefined : positiveFlag('--max-cost', flags.maxCost),
    firstRung:
      flags.firstRung === undefined ? undefined : wholeNumberFlag('--first-rung', flags.firstRung, 1),
    growth: positiveFlag('--growth', flags.growth, 1),
    cheaperBy: positiveFlag('--cheaper-by', flags.cheaperBy, 1),
    // Checked by the library, which names the field; inFlagTerms maps it back to the flag.
    objectives: flags.objectives.split(',').map((part) => part.trim()) as FrontObjective[],
    seed: wholeNumberFlag('--seed', flags.seed, 0),
  };
  const { folds } = stratifiedKFold(dataset.labels.codes, wholeNumberFlag('--cv', flags.cv, 2), {
    shuffle: flags.shuffle,
    seed: options.seed,
  });
  const { frontBasesOf, llmFront } = await import('../../analysis/llm/front/index.js');
  const bases = frontBasesOf(specs.map((steps) => steps[0].params));
  const redis = flags.redis === undefined ? undefined : parseRedisUrl(flags.redis);
  if (redis) await checkRedis(redis);
  // --redis: the workers make the calls; the cache, the spend cap and the meters stay here.
  const remote = redis ? remoteLlmRuntime(flags.model, redis, undefined) : undefined;
  const store = openRunStore(flags.store);
  let result: Awaited<ReturnType<typeof llmFront>>;
  try {
    const cache = flags.cache ? store.llmCache() : null;
    result = await llmFront(dataset.features, dataset.labels, {
      bases,
      ...options,
      folds,
      runtime: { cache, ...remote?.llm },
      onRung: flags.json
        ? undefined
        : (rung, survivors) =>
            process.stderr.write(
              `rung ${rung.index}: ${rung.rows} rows × ${rung.arms} arms${rung.stopped.length > 0 ? `, ${rung.stopped.length} stopped` : ''}; ${survivors} go on\n`,
            ),
    });
  } catch (error) {
    throw inFlagTerms(error);
  } finally {
    // Leftover jobs expire by age anyway: failing to remove them must not hide the result.
    await remote?.close().catch(() => {});
    store.close();
  }
  const document = versionedDocument('front', 1, {
    command: 'front',
    dataset: { source: dataset.source, rows: dataset.features.rows },
    models: flags.model,
    folds: folds.length,
    ...result,
  });
  if (flags.out !== undefined) {
    const { renderFrontHtml } = await import('../../report/index.js');
    mkdirSync(flags.out, { recursive: true });
    writeAtomically(join(flags.out, 'front.json'), document);
    writeAtomically(join(flags.out, 'front.html'), await renderFrontHtml(result, dataset.source));
  }
  process.stdout.write(flags.json ? document : `${frontText(result, dataset.source, folds.length)}\n`);
  if (flags.out !== undefined && !flags.json)
    process.stdout.write(`wrote ${join(flags.out, 'front.html')} and front.json\n`);
  return 0;
}

/** The library names its fields; here they are flags. */
const FLAG_FOR_FIELD: Readonly<Record<string, string>> = {
  prices: '--prices',
  shots: '--shots',
  maj: '--maj',
  bases: '--model',
  objectives: '--objectives',
};

function inFlagTerms(error: unknown): unknown {
  if (!(error instanceof ModeldebugError) || error.where === undefined) return error;
  const flag = FLAG_FOR_FIELD[error.where];
  if (flag === undefined) return error;
  const message = error.message.replace(/\bmaxCost\b/, '--max-cost');
  return new ModeldebugError(error.code, message, { where: flag, hint: error.hint });
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function readTemplate(path: string): FrontTemplate {
  try {
    return { name: basename(path), template: readFileSync(path, 'utf8').replace(/\r?\n$/, '') };
  } catch (error) {
    throw new ModeldebugError('file_not_found', `cannot read the --template file ${path}`, {
      where: '--template',
      hint: `check the path: ${(error as Error).message.split('\n')[0]}`,
    });
  }
}

function numberList(flag: string, text: string): number[] {
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (part.trim() === '' || !Number.isInteger(value)) {
      throw new ModeldebugError(
        'invalid_argument',
        `${flag} must be whole numbers separated by commas, got "${text}"`,
        {
          where: flag,
          hint: `e.g. ${flag} ${flag === '--maj' ? '1,3' : '0,4,8'}`,
        },
      );
    }
    return value;
  });
}

function positiveFlag(flag: string, text: string, minimum = 0): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > minimum)) {
    throw new ModeldebugError(
      'invalid_argument',
      `${flag} must be a number above ${minimum}, got "${text}"`,
      {
        where: flag,
      },
    );
  }
  return value;
}

const priceTableSchema = z.record(
  z.string(),
  z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
);

/** `--prices` as inline JSON or a JSON file: USD per million input and output tokens by model. */
function readPrices(text: string): z.infer<typeof priceTableSchema> {
  const hint =
    'give JSON like {"gpt-4o-mini": {"input": 0.15, "output": 0.6}} (USD per million tokens), inline or in a file';
  let source = text;
  if (!text.trim().startsWith('{')) {
    try {
      source = readFileSync(text, 'utf8');
    } catch {
      throw new ModeldebugError(
        'file_not_found',
        `--prices is neither JSON nor a readable file: "${text.slice(0, 80)}"`,
        {
          where: '--prices',
          hint,
        },
      );
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new ModeldebugError('invalid_argument', `--prices is not valid JSON: ${(error as Error).message}`, {
      where: '--prices',
      hint,
    });
  }
  const parsed = priceTableSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModeldebugError(
      'invalid_argument',
      `--prices at ${issue.path.join('.') || '(top)'}: ${issue.message}`,
      {
        where: '--prices',
        hint,
      },
    );
  }
  return parsed.data;
}
