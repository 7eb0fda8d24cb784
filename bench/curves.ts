/**
 * The curve steps of `modeldebug run` on the synthetic 100,000 × 50 file, alone: the learning curve (with
 * its file-order twin, complexity sweep and flexible reference) and the validation curve of the model the
 * comparison picks there (`hgb(random_state=0, n_jobs=-1)`), as `run` would call them with its defaults
 * (20,000 tuning rows, 5 folds, in-process), without the minutes of the comparison before them.
 *   npx tsx bench/curves.ts            the default sampling (curves.sample_rows: auto)
 *   npx tsx bench/curves.ts all        every tuning row, as before sampling: the before/after pair
 * Prints each step's seconds, the sample, the verdicts and the findings, and the load average.
 */
import { loadavg } from 'node:os';
import { inProcessExecutor } from '../src/selection/index.js';
import { stratifiedKFold } from '../src/splits/index.js';
import { runConfigSchema } from '../src/workflow/index.js';
import { planModel } from '../src/workflow/model-plans.js';
import { prepareData, sampleRows } from '../src/workflow/prepare-data.js';
import type { StepInput } from '../src/workflow/step-context.js';
import { runLearningCurveStep } from '../src/workflow/steps/learning-curve-step.js';
import { runValidationCurveStep } from '../src/workflow/steps/validation-curve-step.js';
import { isMainModule } from './shared/command-line.js';
import { ensureSyntheticCsv } from './shared/data.js';

const MODEL = 'hgb(random_state=0, n_jobs=-1)';

export async function runCurvesBench(
  sampleRowsSetting: 'auto' | 'all' = 'auto',
  log: (line: string) => void = (line) => console.log(line),
): Promise<{ learningCurve: number; validationCurve: number }> {
  const csv = ensureSyntheticCsv(100_000, 50, log);
  const config = runConfigSchema.parse({
    data: { train: csv, label: 'target' },
    curves: { sample_rows: sampleRowsSetting },
  });
  const data = await prepareData(config);
  const tuning = sampleRows(data.train, config.max_rows, config.seed);
  const executor = inProcessExecutor({ features: tuning.features, labels: tuning.labels });
  const input: StepInput = {
    config,
    train: data.train,
    trainFileRows: data.trainFileRows,
    tuning,
    tuningFolds: stratifiedKFold(tuning.labels.codes, config.cv, { shuffle: true, seed: config.seed }).folds,
    executor,
    build: {},
    onFits: () => {},
  };
  const model = planModel(MODEL);
  const load = loadavg()[0];
  let started = performance.now();
  const learning = await runLearningCurveStep(input, model, undefined);
  const learningSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const reused = learning.sweep ? { sweep: learning.sweep, sample: learning.sample } : undefined;
  const validation = await runValidationCurveStep(input, model, {}, reused);
  const validationSeconds = (performance.now() - started) / 1000;
  await executor.close();
  const section = learning.section;
  log(
    `curves of ${MODEL}, 100,000 x 50 (curves.sample_rows: ${sampleRowsSetting}): learning curve ${learningSeconds.toFixed(1)} s, validation curve ${validationSeconds.toFixed(1)} s, together ${(learningSeconds + validationSeconds).toFixed(1)} s | load before ${load.toFixed(2)}, after ${loadavg()[0].toFixed(2)} (2 cores)`,
  );
  log(`  sample: ${section.sample ? section.sample.reason : 'none (every training row)'}`);
  log(`  learning curve: ${section.verdict.diagnosis}: ${section.verdict.summary}`);
  if ('section' in validation && validation.section.verdict)
    log(`  validation curve over ${validation.section.param}: ${validation.section.verdict.summary}`);
  for (const finding of [...learning.findings, ...('findings' in validation ? validation.findings : [])])
    log(`  finding ${finding.code}: ${finding.message}`);
  return { learningCurve: learningSeconds, validationCurve: validationSeconds };
}

if (isMainModule(import.meta.url)) {
  await runCurvesBench(process.argv[2] === 'all' ? 'all' : 'auto');
}
