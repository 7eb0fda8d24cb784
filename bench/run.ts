/**
 * `npm run bench [-- NAME ...]`: the side-by-side benchmarks against the Python peer (scikit-learn 1.2.1 and
 * pandas from Debian, /usr/bin/python3), each in one run on the same data, printing ratios. Not part of
 * `npm test`: timings belong here, never in assertions. With no names, all of them run (about 15 minutes
 * on a 2-core machine, most of it the scikit-learn side).
 */
import { runCurvesBench } from './curves.js';
import { runDiagnosisBench } from './diagnosis.js';
import { runDistributedBench } from './distributed.js';
import { runFixBench } from './fix.js';
import { runGradientBench } from './gradient.js';
import { runLlmBench } from './llm.js';
import { runLlmFrontBench } from './llm-front.js';
import { runLlmStoreBench } from './llm-store.js';
import { runLogregBench } from './logreg.js';
import { runModelsBench } from './models.js';
import { runRfeBench } from './rfe.js';
import { runWorkflowBench } from './run-workflow.js';
import { runSearchBench } from './search.js';
import { runSeedWorkflowBench } from './seed-workflow.js';
import { runTextBench } from './text.js';
import { runValidateBench } from './validate.js';

const BENCHES: Record<string, () => Promise<unknown>> = {
  logreg: () => runLogregBench(),
  validate: () => runValidateBench(),
  search: () => runSearchBench(),
  rfe: () => runRfeBench(),
  models: () => runModelsBench(),
  // The MLP and SGD; HistGradientBoosting (defaults, 100k x 50, n_jobs 2 and 1) is its own row, `hgb`.
  gradient: () => runGradientBench({ hgbRepeat: 0 }),
  hgb: () => runGradientBench({ mlpRepeat: 0, sgdRepeat: 0 }),
  llm: () => runLlmBench(),
  'llm-store': () => runLlmStoreBench(),
  'llm-front': () => runLlmFrontBench(),
  distributed: () => runDistributedBench(),
  text: () => runTextBench(),
  fix: () => runFixBench(),
  diagnosis: () => runDiagnosisBench(),
  run: () => runWorkflowBench(),
  // run's curve steps alone on 100k x 50: sampled (the default), then on every tuning row as before.
  curves: async () => [await runCurvesBench('auto'), await runCurvesBench('all')],
  seed: () => runSeedWorkflowBench(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(BENCHES)) {
  console.log(`\n== ${name}`);
  await BENCHES[name]();
}
