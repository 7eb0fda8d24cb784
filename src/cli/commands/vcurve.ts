import type { Command } from 'commander';
import { validationCurveVerdict } from '../../analysis/index.js';
import { formatModelSpec, parseValue } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { validationCurve } from '../../selection/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import {
  curveJsonHead,
  curvePointsJson,
  formatCurvePoints,
  formatCurveReport,
  formatFailures,
} from '../format/curve-text.js';
import { versionedDocument } from '../format/json-document.js';
import { formatValue } from '../format/search-text.js';
import { addPreprocessingOptions } from '../model-options.js';
import { runAction } from '../run-action.js';
import {
  addSelectionOptions,
  readSelectionInput,
  type SelectionFlags,
  withExecutor,
} from '../selection-flags.js';

interface VcurveFlags extends Omit<SelectionFlags, 'param'> {
  /** The param to vary — here `--param` names it, where other commands take `--param key=value`. */
  readonly param?: string;
  readonly values?: string;
}

/** Shown at the end of `modeldebug vcurve --help`. */
const EXAMPLES = [
  "modeldebug vcurve --example iris --model 'scale | logreg' --param C --values 0.01,0.1,1,10",
];

export function registerVcurveCommand(program: Command): void {
  const command = withHelpExamples(program.command('vcurve'), EXAMPLES)
    .description('validation curve: train and CV scores for each value of one param')
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option('--param <key>', 'the param to vary: C, or step.param in a pipeline (logreg.C, scale.kind)')
    .option('--values <list>', 'comma-separated values, e.g. 0.001,0.01,0.1,1,10')
    .option('--model <spec>', "model name or pipeline, e.g. 'scale | logreg(C=0.1)'", 'logreg');
  addSelectionOptions(addPreprocessingOptions(command)).action(
    runAction(async (data: string | undefined, flags: VcurveFlags) => {
      if (!flags.param || !flags.values) {
        throw new ModeldebugError('invalid_argument', 'vcurve needs --param and --values', {
          hint: 'e.g. --param C --values 0.001,0.01,0.1,1,10',
        });
      }
      const values = flags.values.split(',').map((part) => parseValue(part.trim()));
      const param = flags.param;
      const input = await readSelectionInput('vcurve', data, { ...flags, param: [] });
      const { features, labels } = input.dataset;
      return withExecutor(input, 'validation curve', flags.json, async (executor, progress) => {
        const curve = await validationCurve(features, labels, {
          steps: input.steps,
          param,
          values,
          cv: input.cv,
          scoring: flags.scoring,
          executor,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        const final = input.steps[input.steps.length - 1];
        const key = param.includes('.') ? param.slice(param.lastIndexOf('.') + 1) : param;
        const owner = param.includes('.') ? input.steps.find((s) => s.name === param.split('.')[0]) : final;
        const current = owner?.params[key] ?? (key === 'C' ? 1 : undefined);
        const verdict = validationCurveVerdict(param, values, curve.points, curve.scoring, current);
        const model = formatModelSpec(input.steps);
        if (flags.json) {
          const json = {
            ...curveJsonHead(input.dataset, model, curve.scoring, input.cv),
            paramName: param,
            paramRange: values,
            ...curvePointsJson(curve.points),
            failures: curve.failures.map((f) => ({ value: values[f.point], fold: f.fold, error: f.error })),
            verdict: verdict ?? null,
          };
          process.stdout.write(versionedDocument('vcurve', 2, json));
          return 0;
        }
        process.stdout.write(
          formatCurveReport({
            command: 'vcurve',
            dataset: input.dataset,
            model,
            protocol: `validation curve over ${param}, ${input.cv}-fold stratified cross-validation, scoring ${curve.scoring}`,
            table: formatCurvePoints(param, values, curve.points, curve.scoring),
            failures: formatFailures(curve.failures, (p) => `${param}=${formatValue(values[p])}`),
            verdict: verdict
              ? [`verdict: ${verdict.summary}`, `next step: ${verdict.nextStep}`]
              : ['verdict: every fit failed'],
          }),
        );
        return 0;
      });
    }),
  );
}
