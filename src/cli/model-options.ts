import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseAssignment, parseModelSpec, type StepSpec } from '../catalog/model-spec.js';
import { ModeldebugError } from '../core/errors.js';
import type { ColumnRepair } from '../data/index.js';
import type { PipelineWrappers } from '../workflow/fix/index.js';

export interface ModelFlags {
  readonly model: string;
  readonly param?: readonly string[];
  readonly impute?: string;
  readonly scale?: string;
  readonly encode?: string;
}

/** The model flags shared by every command that trains something. */
export function addModelOptions(command: Command): Command {
  const withModel = command
    .option(
      '--model <spec>',
      "model name or pipeline, e.g. logreg or 'impute(strategy=median) | scale | logreg(C=0.1)', or @model.json (fix's)",
      'logreg',
    )
    .option(
      '--param <key=value>',
      'a param of the final model (repeatable), e.g. --param C=0.1',
      collect,
      [],
    );
  return addPreprocessingOptions(withModel);
}

/** `--impute`, `--scale` and `--encode`: steps prepended to the model. */
export function addPreprocessingOptions(command: Command): Command {
  return command
    .option(
      '--impute <strategy>',
      'prepend an imputer: mean | median | most_frequent | constant (infinite values are imputed too)',
    )
    .option('--scale <kind>', 'prepend a scaler: standard | minmax')
    .option('--encode <kind>', 'prepend an encoder for categorical columns: onehot');
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The flags are sugar for the pipeline grammar: `--impute mean --scale standard --encode onehot --model
 * logreg --param C=0.1` is `impute(strategy=mean) | scale(kind=standard) | onehot | logreg(C=0.1)`.
 * Imputation comes first so that the encoder and scaler see complete data; scaling before encoding keeps
 * the one-hot columns 0/1.
 */
export function modelStepsFromFlags(flags: ModelFlags): StepSpec[] {
  const steps = parseModelSpec(flags.model.startsWith('@') ? savedSpec(flags.model.slice(1)) : flags.model);
  const last = steps[steps.length - 1];
  const params = Object.assign(
    { ...last.params },
    ...(flags.param ?? []).map((text) => parseAssignment(text, '--param')),
  );
  const prefix: StepSpec[] = [];
  if (flags.impute) prefix.push({ name: 'impute', params: imputeParams(flags.impute) });
  if (flags.scale) prefix.push({ name: 'scale', params: { kind: flags.scale } });
  if (flags.encode) prefix.push({ name: flags.encode, params: {} });
  return [...prefix, ...steps.slice(0, -1), { ...last, params }];
}

/**
 * `@model.json`: the pipeline spec a saved model (e.g. `fix`'s model.json) records, refitted by the
 * command like any spec.
 */
function savedSpec(path: string): string {
  const spec = readSavedModel(path).spec;
  if (typeof spec !== 'string') {
    throw new ModeldebugError('invalid_argument', `${path} has no "spec" (the pipeline to refit)`, {
      where: '--model',
      hint: 'give @FILE of a model.json written by modeldebug fix',
    });
  }
  return spec;
}

/**
 * The calibration and decision threshold a saved model (`fix`'s model.json) wraps its pipeline in, so a
 * command that refits `@model.json` fits the same estimator; none for a plain spec.
 */
export function savedWrappers(model: string): PipelineWrappers {
  if (!model.startsWith('@')) return {};
  const path = model.slice(1);
  const { calibration, threshold } = readSavedModel(path);
  const wrongKey = (key: string, expected: string) =>
    new ModeldebugError('invalid_argument', `${path}: "${key}" must be ${expected}`, {
      where: '--model',
      hint: 'give @FILE of a model.json written by modeldebug fix, unedited',
    });
  if (calibration !== undefined && calibration !== 'sigmoid' && calibration !== 'isotonic') {
    throw wrongKey('calibration', '"sigmoid" or "isotonic"');
  }
  if (threshold !== undefined && !(typeof threshold === 'number' && threshold >= 0 && threshold <= 1)) {
    throw wrongKey('threshold', 'a probability between 0 and 1');
  }
  return {
    ...(calibration === undefined ? {} : { calibration }),
    ...(threshold === undefined ? {} : { threshold }),
  };
}

/** The encodings `fix` keeps (changes.json's and model.json's `encodings`). */
const savedEncodingsSchema = z.array(
  z.discriminatedUnion('action', [
    z.object({
      action: z.literal('date-parts'),
      column: z.string(),
      order: z.enum(['iso', 'day-first', 'month-first', 'year-first']),
    }),
    z.object({
      action: z.literal('parse-number'),
      column: z.string(),
      style: z.enum(['thousands-comma', 'decimal-comma']),
    }),
  ]),
);

/**
 * The encodings a saved model (`fix`'s model.json) was fitted on, to apply to the data as they are and
 * instead of any planned on it; undefined for a plain spec or a saved model that records none.
 */
export function savedEncodings(model: string): readonly ColumnRepair[] | undefined {
  if (!model.startsWith('@')) return undefined;
  const path = model.slice(1);
  const { encodings } = readSavedModel(path);
  if (encodings === undefined) return undefined;
  const parsed = savedEncodingsSchema.safeParse(encodings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModeldebugError(
      'invalid_argument',
      `${path}: "encodings${issue.path.map((key) => `[${JSON.stringify(key)}]`).join('')}" ${issue.message}`,
      { where: '--model', hint: 'give @FILE of a model.json written by modeldebug fix, unedited' },
    );
  }
  return parsed.data;
}

function readSavedModel(path: string): Record<string, unknown> {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ModeldebugError(
      'invalid_argument',
      `cannot read the saved model ${path}: ${String(error).split('\n')[0]}`,
      {
        where: '--model',
        hint: 'give @FILE of a model.json written by modeldebug fix',
      },
    );
  }
  return typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
}

/** A numeric strategy from --impute leaves categorical columns to their most frequent level. */
function imputeParams(strategy: string): Record<string, unknown> {
  const numericOnly = strategy === 'mean' || strategy === 'median';
  return numericOnly ? { strategy, categorical_strategy: 'most_frequent' } : { strategy };
}
