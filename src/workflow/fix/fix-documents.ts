import { stringify } from 'yaml';
import { formatModelSpec } from '../../catalog/index.js';
import type { RunConfigInput } from '../config-schema.js';
import type { FixDataSource } from './prepare-fix-data.js';
import type { FixResult } from './run-fix.js';

/** changes.json: every candidate with its code, measured gain and interval, and what became of it. */
export function changesDocument(result: FixResult, source: FixDataSource) {
  const { final } = result;
  return {
    version: 1,
    schema: 'modeldebug.fix',
    data: source.train,
    label: source.label,
    metric: result.metric,
    startModel: formatModelSpec([...result.start.steps]),
    fixedModel: formatModelSpec([...final.steps]),
    droppedColumns: [...final.droppedColumns],
    droppedRowCount: final.droppedRows.length,
    // The encodings kept: dates as parts, formatted numbers parsed (applied by column name, before the drops).
    encodings: [...(final.repairs ?? [])],
    ...(final.threshold === undefined ? {} : { threshold: final.threshold }),
    ...(final.calibration === undefined ? {} : { calibration: final.calibration }),
    cv: result.cv,
    test: result.test,
    kept: result.changes.filter((change) => change.status === 'kept').length,
    budgetCut: result.budgetCut,
    budgetCutCandidates: result.changes
      .filter((change) => change.status === 'skipped')
      .map((change) =>
        change.expectedGain === null
          ? change.description
          : `${change.description} (expected gain ${change.expectedGain.toFixed(3)})`,
      ),
    reusedEvaluations: result.reusedEvaluations,
    seconds: result.seconds,
    changes: result.changes,
  };
}

/**
 * fix.yaml: a `modeldebug run` config that trains the fixed pipeline — on cleaned.csv when rows were
 * dropped (a run config cannot name rows), with the dropped columns left out.
 */
export function fixRunConfig(
  result: FixResult,
  source: FixDataSource,
  files: { readonly cleaned?: string },
): RunConfigInput {
  const dropsRows = result.final.droppedRows.length > 0;
  return {
    data: {
      train: dropsRows && files.cleaned ? files.cleaned : source.train,
      label: source.label,
      ...(source.test ? { test: source.test } : { test_size: source.testSize }),
      // cleaned.csv has fix's dropped columns out already; the user's own drops still apply.
      drop: [...(source.drop ?? []), ...(dropsRows ? [] : result.final.droppedColumns)],
      ...(source.text && source.text.length > 0 ? { text: [...source.text] } : {}),
    },
    models: [formatModelSpec([...result.final.steps])],
    metric: result.metric as RunConfigInput['metric'],
    seed: source.seed,
  };
}

export function fixYaml(
  result: FixResult,
  source: FixDataSource,
  files: { readonly cleaned?: string },
): string {
  const { threshold, calibration } = result.final;
  const extras = [
    ...(calibration ? [`${calibration} calibration`] : []),
    ...(threshold === undefined ? [] : [`the decision threshold ${threshold}`]),
  ];
  const note =
    extras.length === 0
      ? ''
      : `# fix also kept ${extras.join(' and ')}: a run config has no key for ${extras.length === 1 ? 'it' : 'them'}; model.json has them.\n`;
  return `# written by modeldebug fix: run it with  modeldebug run fix.yaml\n${note}${stringify(fixRunConfig(result, source, files))}`;
}

export type FixDocument = ReturnType<typeof changesDocument>;
