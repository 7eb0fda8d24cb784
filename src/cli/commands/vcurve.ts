import type { Command } from 'commander';
import { validationCurveVerdict } from '../../analysis/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { parseValue } from '../../models/index.js';
import { formatModelSpec, validationCurve } from '../../selection/index.js';
import { curvePointsJson, formatCurvePoints, formatFailures } from '../format/curve-text.js';
import { createProgress } from '../format/progress-bar.js';
import { formatValue } from '../format/search-text.js';
import { runAction } from '../run-action.js';
import {
  addSelectionOptions,
  createExecutor,
  datasetLine,
  readSelectionInput,
  type SelectionFlags,
} from '../selection-flags.js';

interface VcurveFlags extends Omit<SelectionFlags, 'param'> {
  /** The param to vary — here `--param` names it, where other commands take `--param key=value`. */
  readonly param?: string;
  readonly values?: string;
}

export function registerVcurveCommand(program: Command): void {
  const command = program
    .command('vcurve')
    .description('validation curve: train and CV scores for each value of one param')
    .argument('[data]', 'CSV, TSV, JSON(L) or Parquet file')
    .option('--param <key>', 'the param to vary: C, or step.param in a pipeline (logreg.C, scale.kind)')
    .option('--values <list>', 'comma-separated values, e.g. 0.001,0.01,0.1,1,10')
    .option('--model <spec>', "model name or pipeline, e.g. 'scale | logreg(C=0.1)'", 'logreg')
    .option('--impute <strategy>', 'prepend an imputer: mean | median | most_frequent | constant')
    .option('--scale <kind>', 'prepend a scaler: standard | minmax')
    .option('--encode <kind>', 'prepend an encoder for categorical columns: onehot');
  addSelectionOptions(command).action(
    runAction(async (data: string | undefined, flags: VcurveFlags) => {
      if (!flags.param || !flags.values) {
        throw new ModeldebugError('invalid_argument', 'vcurve needs --param and --values', {
          hint: 'e.g. --param C --values 0.001,0.01,0.1,1,10',
        });
      }
      const values = flags.values.split(',').map((part) => parseValue(part.trim()));
      const input = await readSelectionInput(data, { ...flags, param: [] });
      const { features, labels } = input.dataset;
      const progress = createProgress('validation curve', flags.json ? 'none' : 'auto');
      const executor = createExecutor(input);
      try {
        const curve = await validationCurve(features, labels, {
          steps: input.steps,
          param: flags.param,
          values,
          cv: input.cv,
          scoring: flags.scoring,
          executor,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        const final = input.steps[input.steps.length - 1];
        const key = flags.param.includes('.')
          ? flags.param.slice(flags.param.lastIndexOf('.') + 1)
          : flags.param;
        const owner = flags.param.includes('.')
          ? input.steps.find((s) => s.name === flags.param?.split('.')[0])
          : final;
        const current = owner?.params[key] ?? (key === 'C' ? 1 : undefined);
        const verdict = validationCurveVerdict(flags.param, values, curve.points, curve.scoring, current);
        const model = formatModelSpec(input.steps);
        if (flags.json) {
          const json = {
            dataset: { source: input.dataset.source, rows: features.rows, features: features.cols },
            model,
            scoring: curve.scoring,
            n_splits: input.cv,
            param_name: flags.param,
            param_range: values,
            ...curvePointsJson(curve.points),
            failures: curve.failures.map((f) => ({ value: values[f.point], fold: f.fold, error: f.error })),
            verdict: verdict ?? null,
          };
          process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
          return 0;
        }
        const failures = formatFailures(curve.failures, (p) => `${flags.param}=${formatValue(values[p])}`);
        process.stdout.write(
          [
            datasetLine('vcurve', input.dataset),
            `model: ${model}`,
            `protocol: validation curve over ${flags.param}, ${input.cv}-fold stratified cross-validation, scoring ${curve.scoring}`,
            '',
            formatCurvePoints(flags.param, values, curve.points, curve.scoring),
            ...(failures ? ['', failures] : []),
            '',
            ...(verdict
              ? [`verdict: ${verdict.summary}`, `next step: ${verdict.nextStep}`]
              : ['verdict: every fit failed']),
            '',
          ].join('\n'),
        );
        return 0;
      } finally {
        progress.stop();
        await executor.close();
      }
    }),
  );
}
